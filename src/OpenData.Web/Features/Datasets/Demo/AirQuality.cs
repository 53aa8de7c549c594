namespace OpenData.Web.Features.Datasets.Demo;

/// <summary>The AQI bands of HJ 633-2012 (环境空气质量指数（AQI）技术规定).</summary>
public static class AirQuality
{
    public static string Grade(int aqi) => aqi switch
    {
        <= 50 => "优",
        <= 100 => "良",
        <= 150 => "轻度污染",
        <= 200 => "中度污染",
        <= 300 => "重度污染",
        _ => "严重污染",
    };
}
