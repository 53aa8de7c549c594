using UpdateFrequency = OpenData.Web.Data.Entities.UpdateFrequency;
using static OpenData.Web.Features.Datasets.Demo.Col;

namespace OpenData.Web.Features.Datasets.Demo;

public static partial class DemoCatalog
{
    private static IEnumerable<DemoSpec> Environment() =>
    [
        new("kongqi-zhiliang-ribao", "丽水市空气质量日报", "sthjj", 10, "空气质量,AQI,PM2.5,大气环境",
            "全市及九县（市、区）城区环境空气质量日报，包括空气质量指数（AQI）、首要污染物及六项污染物日均浓度。数据来源于国控、省控空气自动监测站。",
            UpdateFrequency.Daily, 9 * 120,
            [Date("日期"), County, Int("AQI", "", 18, 95, "空气质量指数"),
             // HJ 633-2012: a 首要污染物 is named only when AQI > 50, and the 等级 follows the AQI band.
             Text("首要污染物", r => r.IntOf("AQI") <= 50 ? "—" : r.Pick("PM2.5", "PM10", "O3", "NO2")),
             Int("PM2.5", "μg/m³", 5, 60), Int("PM10", "μg/m³", 12, 90), Int("二氧化硫", "μg/m³", 3, 12), Int("二氧化氮", "μg/m³", 6, 40),
             Int("臭氧", "μg/m³", 30, 160), Dec("一氧化碳", "mg/m³", 0.3, 1.2), Text("空气质量等级", r => AirQuality.Grade(r.IntOf("AQI")))])
            { Groups = 9, Versions = 3, AgeDays = 1, ResourceName = "空气质量日报" },
        new("kongqi-jiance-zhandian", "空气质量自动监测站点", "sthjj", 10, "空气质量,监测站,大气环境",
            "全市环境空气质量自动监测站点的名称、类型、位置和监测项目。", UpdateFrequency.Yearly, 36,
            [Seq, Text("站点名称", r => $"{r.County.Short}{r.Pick("监测站", "环保站", "城区站", "中学站", "开发区站")}"),
             Pick("站点类型", "国控点", "省控点", "市控点"), County, Town, Lon, Lat, Text("监测项目", _ => "SO2、NO2、CO、O3、PM10、PM2.5")])
            { AgeDays = 200 },
        new("dibiaoshui-shuizhi-yuebao", "地表水水质监测月报", "sthjj", 10, "水环境,水质,瓯江,断面",
            "瓯江、钱塘江、飞云江等水系主要监测断面的月度水质类别及主要指标（高锰酸盐指数、氨氮、总磷、溶解氧）。",
            UpdateFrequency.Monthly, 9 * 24,
            [Text("月份", r => r.Month()), County, Text("断面名称", r => $"{r.Town}{r.Pick("出境", "交接", "大桥", "水厂取水口")}断面"),
             Pick("水系", "瓯江", "瓯江", "钱塘江", "飞云江", "闽江"), Pick("水质类别", "Ⅰ类", "Ⅱ类", "Ⅱ类", "Ⅱ类", "Ⅲ类"),
             Dec("溶解氧", "mg/L", 6.5, 10.5), Dec("高锰酸盐指数", "mg/L", 0.8, 3.2), Dec("氨氮", "mg/L", 0.03, 0.4, 2), Dec("总磷", "mg/L", 0.01, 0.09, 3)])
            { Groups = 9, StepDays = 30, Versions = 2, AgeDays = 20 },
        new("zilaishui-jiancedian", "自来水监测点", "jsj", 5, "供水,自来水,水质,饮用水",
            "城乡供水管网水质监测点的名称、所属水厂、地址和坐标，便于查询身边的自来水监测点及其监测频次。", UpdateFrequency.Yearly, 90,
            [Seq, Text("监测点名称", r => $"{r.Town}{r.Pick("管网末梢", "小区二次供水", "水厂出厂水", "农村供水站")}监测点"),
             Text("所属水厂", r => $"{r.County.Short}{r.Pick("城北", "城南", "第一", "第二")}水厂"), County, Town, Address, Lon, Lat,
             Pick("监测频次", "每日", "每周", "每月")]) { AgeDays = 120 },
        new("zilaishui-shuizhi-jiance", "生活饮用水水质检测结果", "wjw", 2, "饮用水,自来水,卫生监测",
            "按《生活饮用水卫生标准》对城乡供水开展的水质检测结果，含浑浊度、余氯、菌落总数等指标及是否合格。", UpdateFrequency.Monthly, 9 * 12,
            [Text("检测月份", r => r.Month()), County, Text("水厂名称", r => $"{r.County.Short}{r.Pick("城北", "城南", "第一", "第二")}水厂"),
             Dec("浑浊度", "NTU", 0.1, 0.9, 2), Dec("游离余氯", "mg/L", 0.3, 0.8, 2), Int("菌落总数", "CFU/mL", 0, 20), Dec("pH", "", 6.8, 7.8),
             Pick("结论", "合格", "合格", "合格", "合格", "不合格")]) { Groups = 9, StepDays = 30, AgeDays = 25 },
        new("guoshu-mingmu", "古树名木名录", "lyj", 10, "古树,名木,林业,生态",
            "全市登记在册的古树名木：树种、树龄、等级、所在位置和管护责任单位。", UpdateFrequency.Yearly, 240,
            [Text("编号", r => $"LS{r.County.Code[4..]}{r.I + 1:D4}"), Pick("树种", "香樟", "银杏", "柳杉", "枫香", "南方红豆杉", "苦槠", "马尾松"),
             Int("估测树龄", "年", 100, 1200), Pick("保护等级", "一级", "二级", "三级", "三级"), County, Town, Lon, Lat,
             Text("管护单位", r => $"{r.Town}人民政府")]) { AgeDays = 300 },
        new("ziran-baohudi", "自然保护地名录", "lyj", 10, "自然保护地,国家公园,生态",
            "百山祖国家公园、九龙山国家级自然保护区等自然保护地的类型、级别、面积和批准时间。", UpdateFrequency.Irregular, 28,
            [Seq, Text("保护地名称", r => $"{r.County.Short}{r.Word()}{r.Pick("省级森林公园", "湿地公园", "自然保护区", "风景名胜区")}"),
             Pick("类型", "自然保护区", "森林公园", "湿地公园", "风景名胜区"), Pick("级别", "国家级", "省级", "省级"), County,
             Dec("面积", "公顷", 300, 12000, 0), Date("批准时间")]),
        new("shuiku-jiben-xinxi", "水库基本信息", "slj", 9, "水库,水利工程,防汛",
            "全市大中小型水库的名称、规模、总库容、坝型、主要功能和所在位置。紧水滩、滩坑等大型水库均在其中。", UpdateFrequency.Yearly, 120,
            [Seq, Text("水库名称", r => $"{r.Town.Replace("街道", "").Replace("镇", "").Replace("乡", "")}{r.Pick("", "上", "下")}{r.Pick("水库", "坑水库")}"),
             Pick("规模", "小（1）型", "小（2）型", "小（2）型", "中型"), Dec("总库容", "万立方米", 10, 5000, 1), Pick("坝型", "土石坝", "混凝土重力坝", "砌石拱坝"),
             Pick("主要功能", "灌溉", "供水", "防洪、灌溉", "发电"), County, Town, Lon, Lat]) { AgeDays = 150 },
        new("shuiwei-shishi", "主要水文站水位", "slj", 9, "水文,水位,防汛,瓯江",
            "瓯江干流及主要支流水文站逐日 8 时水位与警戒水位。", UpdateFrequency.Daily, 9 * 90,
            [Date("日期"), County, Text("测站名称", r => $"{r.County.Short}水文站"), Dec("水位", "米", 40, 60, 2), Dec("警戒水位", "米", 58, 62, 1)])
            { Groups = 9, AgeDays = 12 },
        new("zhuri-jiangshui", "逐日降水量", "slj", 19, "降水,雨量,气象,防汛",
            "全市主要雨量站逐日降水量统计，可用于旱涝分析。", UpdateFrequency.Daily, 9 * 90,
            [Date("日期"), County, Text("雨量站", r => $"{r.Town}雨量站"), Dec("日降水量", "毫米", 0, 45, 1)]) { Groups = 9, AgeDays = 1 },
        new("gongyilin-mianji", "生态公益林面积统计", "lyj", 11, "公益林,森林覆盖率,林业",
            "各乡镇（街道）省级以上生态公益林面积及补偿标准。", UpdateFrequency.Yearly, 100,
            [County, Town, Dec("公益林面积", "亩", 2000, 90000, 0), Dec("补偿标准", "元/亩", 31, 40, 0), Text("统计年度", _ => "2025")]) { AgeDays = 400 },
        new("zaosheng-jiance", "城市区域声环境质量", "sthjj", 10, "噪声,声环境",
            "城区功能区声环境质量监测结果（昼间、夜间等效声级）。", UpdateFrequency.Quarterly, 9 * 8,
            [Text("季度", r => $"{r.Date.Year}年第{(r.Date.Month - 1) / 3 + 1}季度"), County, Pick("功能区类别", "1类", "2类", "3类", "4a类"),
             Dec("昼间等效声级", "dB(A)", 48, 62), Dec("夜间等效声级", "dB(A)", 40, 52)]) { Groups = 9, StepDays = 91, AgeDays = 60 },
    ];
}
