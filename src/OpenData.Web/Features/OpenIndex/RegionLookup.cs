using System.Net;
using MaxMind.GeoIP2;
using Microsoft.Extensions.Options;

namespace OpenData.Web.Features.OpenIndex;

/// <summary>The region of an address, looked up before the address is truncated. 未知 without a database.</summary>
public interface IRegionLookup
{
    string Region(IPAddress? address);
}

public sealed class UnknownRegion : IRegionLookup
{
    public const string Label = "未知";
    public string Region(IPAddress? address) => Label;
}

/// <summary>
/// A MaxMind GeoLite2/GeoIP2 City (or Country) database named by OpenIndex:GeoIpDatabase. None is shipped (licence):
/// the operator downloads one. Names in Chinese where the database has them: province and city, or the country abroad.
/// </summary>
public sealed class MaxMindRegion : IRegionLookup, IDisposable
{
    private readonly DatabaseReader _reader;

    public MaxMindRegion(IOptions<OpenIndexOptions> options) =>
        _reader = new DatabaseReader(options.Value.GeoIpDatabase!, MaxMind.Db.FileAccessMode.Memory);

    public string Region(IPAddress? address)
    {
        if (address is null || IPAddress.IsLoopback(address)) return UnknownRegion.Label;
        try
        {
            if (_reader.Metadata.DatabaseType.Contains("City", StringComparison.OrdinalIgnoreCase) && _reader.TryCity(address, out var city) && city is not null)
            {
                var country = Name(city.Country.Names, city.Country.Name);
                if (city.Country.IsoCode != "CN") return country ?? UnknownRegion.Label;
                var parts = new[] { Name(city.MostSpecificSubdivision.Names, city.MostSpecificSubdivision.Name), Name(city.City.Names, city.City.Name) };
                var joined = string.Join(' ', parts.Where(p => !string.IsNullOrEmpty(p)));
                return joined.Length == 0 ? country ?? UnknownRegion.Label : Cut(joined);
            }
            if (_reader.TryCountry(address, out var c) && c is not null) return Cut(Name(c.Country.Names, c.Country.Name) ?? UnknownRegion.Label);
        }
        catch (Exception e) when (e is MaxMind.Db.InvalidDatabaseException or InvalidOperationException) { }
        return UnknownRegion.Label;
    }

    private static string? Name(IReadOnlyDictionary<string, string> names, string? fallback) =>
        names.TryGetValue("zh-CN", out var zh) ? zh : fallback;

    private static string Cut(string s) => s.Length > 50 ? s[..50] : s;

    public void Dispose() => _reader.Dispose();
}
