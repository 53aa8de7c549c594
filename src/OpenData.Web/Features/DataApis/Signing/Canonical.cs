using System.Text;

namespace OpenData.Web.Features.DataApis.Signing;

/// <summary>Canonical path and query of ODP1-HMAC-SHA256 (docs: shared/spec/api-signing.md).</summary>
public static class Canonical
{
    /// <summary>RFC 3986 encoding: unreserved characters stay, everything else is UTF-8 %XX with upper-case hex.</summary>
    public static string Encode(string value)
    {
        var sb = new StringBuilder(value.Length);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~') sb.Append(c);
            else sb.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
        }
        return sb.ToString();
    }

    /// <summary>Decodes %XX sequences only ('+' stays a plus: the spec signs %20 for a space, never '+').</summary>
    public static string Decode(string value) => Uri.UnescapeDataString(value);

    /// <summary>The canonical path, or null for paths with "." / ".." segments or "//".</summary>
    public static string? Path(string rawPath)
    {
        if (rawPath.Length == 0) rawPath = "/";
        if (rawPath.Contains("//", StringComparison.Ordinal)) return null;
        var segments = rawPath.Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            var decoded = Decode(segments[i]);
            if (decoded is "." or "..") return null;
            segments[i] = Encode(decoded);
        }
        return string.Join('/', segments);
    }

    /// <summary>The canonical query from the raw query string (with or without the leading '?').</summary>
    public static string Query(string? rawQuery)
    {
        if (string.IsNullOrEmpty(rawQuery)) return "";
        var q = rawQuery[0] == '?' ? rawQuery[1..] : rawQuery;
        var pairs = new List<(string Name, string Value)>();
        foreach (var part in q.Split('&'))
        {
            if (part.Length == 0) continue;
            var eq = part.IndexOf('=');
            var name = eq < 0 ? part : part[..eq];
            var value = eq < 0 ? "" : part[(eq + 1)..];
            pairs.Add((Encode(Decode(name)), Encode(Decode(value))));
        }
        return string.Join('&', pairs
            .OrderBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => $"{p.Name}={p.Value}"));
    }
}
