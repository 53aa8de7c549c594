using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;

namespace OpenData.IntegrationTests.Features.Interop;

/// <summary>A triple with each term written N-Triples style: &lt;iri&gt;, _:id, "lexical"^^&lt;type&gt; or "lexical"@lang.</summary>
public sealed record Statement(string S, string P, string O);

/// <summary>
/// Strict readers of the three RDF syntaxes the catalog is served in (no RDF parser is on NuGet here). Each
/// follows its W3C grammar for the constructs it accepts and throws on anything else, so a syntax error in the
/// output fails the test instead of being skipped over.
/// </summary>
public static class RdfParsers
{
    public const string Rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";

    // ---- Turtle (prefixes, IRIs, prefixed names, blank node labels, literals with @lang or ^^type, ; and , lists) ----
    public static List<Statement> Turtle(string text)
    {
        var p = new TurtleReader(text);
        return p.Document();
    }

    private sealed class TurtleReader(string s)
    {
        private readonly Dictionary<string, string> _prefixes = [];
        private readonly List<Statement> _out = [];
        private int _i;

        public List<Statement> Document()
        {
            while (true)
            {
                Skip();
                if (_i >= s.Length) return _out;
                if (Peek("@prefix")) { Prefix(); continue; }
                var subject = Subject();
                PredicateObjectList(subject);
                Expect('.');
            }
        }

        private void Prefix()
        {
            _i += "@prefix".Length;
            Skip();
            var colon = s.IndexOf(':', _i);
            var name = s[_i..colon];
            if (!name.All(char.IsAsciiLetterOrDigit)) Fail("bad prefix name");
            _i = colon + 1;
            Skip();
            _prefixes[name] = IriRef();
            Skip();
            Expect('.');
        }

        private string Subject() => s[_i] == '<' ? "<" + IriRef() + ">" : s[_i] == '_' ? BlankLabel() : "<" + PrefixedName() + ">";

        private void PredicateObjectList(string subject)
        {
            while (true)
            {
                Skip();
                string predicate;
                if (s[_i] == 'a' && char.IsWhiteSpace(s[_i + 1])) { _i++; predicate = "<" + Rdf + "type>"; }
                else predicate = s[_i] == '<' ? "<" + IriRef() + ">" : "<" + PrefixedName() + ">";
                while (true)
                {
                    Skip();
                    _out.Add(new Statement(subject, predicate, Object()));
                    Skip();
                    if (s[_i] != ',') break;
                    _i++;
                }
                if (s[_i] != ';') return;
                _i++;
            }
        }

        private string Object()
        {
            if (s[_i] == '<') return "<" + IriRef() + ">";
            if (s[_i] == '_') return BlankLabel();
            if (s[_i] != '"') return "<" + PrefixedName() + ">";
            var lexical = Quoted();
            if (s[_i] == '@')
            {
                var start = ++_i;
                while (_i < s.Length && (char.IsAsciiLetterOrDigit(s[_i]) || s[_i] == '-')) _i++;
                if (_i == start) Fail("empty language tag");
                return $"\"{lexical}\"@{s[start.._i]}";
            }
            if (Peek("^^"))
            {
                _i += 2;
                var type = s[_i] == '<' ? IriRef() : PrefixedName();
                return $"\"{lexical}\"^^<{type}>";
            }
            return $"\"{lexical}\"";
        }

        private string Quoted()
        {
            _i++;
            var sb = new StringBuilder();
            while (s[_i] != '"')
            {
                if (s[_i] is '\n' or '\r') Fail("newline in a short string");
                if (s[_i] == '\\')
                {
                    _i++;
                    sb.Append(s[_i] switch { 'n' => '\n', 'r' => '\r', 't' => '\t', '"' => '"', '\\' => '\\', _ => Fail<char>("bad escape") });
                }
                else sb.Append(s[_i]);
                _i++;
            }
            _i++;
            return sb.ToString();
        }

        private string IriRef()
        {
            if (s[_i] != '<') Fail("IRI expected");
            var end = s.IndexOf('>', _i);
            var iri = s[(_i + 1)..end];
            if (iri.Any(c => c <= ' ' || c is '<' or '"' or '{' or '}' or '|' or '^' or '`')) Fail("bad character in IRI");
            if (iri.Contains('\\'))
                iri = System.Text.RegularExpressions.Regex.Replace(iri, @"\\u([0-9A-F]{4})", m => ((char)int.Parse(m.Groups[1].Value, NumberStyles.HexNumber)).ToString());
            _i = end + 1;
            if (!Uri.IsWellFormedUriString(iri, UriKind.Absolute) && !iri.StartsWith("tel:", StringComparison.Ordinal)) Fail("not an absolute IRI: " + iri);
            return iri;
        }

        private string PrefixedName()
        {
            var start = _i;
            while (_i < s.Length && (char.IsAsciiLetterOrDigit(s[_i]) || s[_i] is '_' or ':' or '-')) _i++;
            var name = s[start.._i];
            var colon = name.IndexOf(':');
            if (colon < 0 || !_prefixes.TryGetValue(name[..colon], out var ns)) return Fail<string>("unknown prefix in " + name);
            return ns + name[(colon + 1)..];
        }

        private string BlankLabel()
        {
            if (!Peek("_:")) Fail("blank node expected");
            var start = _i;
            _i += 2;
            while (_i < s.Length && char.IsAsciiLetterOrDigit(s[_i])) _i++;
            return s[start.._i];
        }

        private void Skip()
        {
            while (_i < s.Length && (char.IsWhiteSpace(s[_i]) || s[_i] == '#'))
                if (s[_i] == '#') while (_i < s.Length && s[_i] != '\n') _i++;
                else _i++;
        }

        private bool Peek(string t) => string.CompareOrdinal(s, _i, t, 0, t.Length) == 0;

        private void Expect(char c)
        {
            Skip();
            if (_i >= s.Length || s[_i] != c) Fail($"'{c}' expected");
            _i++;
        }

        private void Fail(string why) => Fail<int>(why);

        private T Fail<T>(string why) =>
            throw new FormatException($"Turtle: {why} at {_i}: {s.Substring(Math.Max(0, _i - 40), Math.Min(80, s.Length - Math.Max(0, _i - 40)))}");
    }

    // ---- RDF/XML (node elements with rdf:about or rdf:nodeID, property elements with rdf:resource, rdf:nodeID or text) ----
    public static List<Statement> RdfXml(string text)
    {
        XNamespace rdf = Rdf;
        XNamespace xml = "http://www.w3.org/XML/1998/namespace";
        var root = XDocument.Parse(text).Root!;
        if (root.Name != rdf + "RDF") throw new FormatException("RDF/XML: root is not rdf:RDF");
        var list = new List<Statement>();
        foreach (var node in root.Elements())
        {
            var about = node.Attribute(rdf + "about")?.Value;
            var id = node.Attribute(rdf + "nodeID")?.Value;
            if ((about is null) == (id is null)) throw new FormatException("RDF/XML: node needs rdf:about or rdf:nodeID");
            var subject = about is not null ? $"<{about}>" : "_:" + id;
            if (node.Name != rdf + "Description") list.Add(new(subject, $"<{Rdf}type>", $"<{node.Name.NamespaceName}{node.Name.LocalName}>"));
            foreach (var prop in node.Elements())
            {
                if (prop.HasElements) throw new FormatException("RDF/XML: nested nodes are not expected");
                var predicate = $"<{prop.Name.NamespaceName}{prop.Name.LocalName}>";
                var resource = prop.Attribute(rdf + "resource")?.Value;
                var nodeId = prop.Attribute(rdf + "nodeID")?.Value;
                var datatype = prop.Attribute(rdf + "datatype")?.Value;
                var lang = prop.Attribute(xml + "lang")?.Value;
                var known = new[] { resource, nodeId, datatype, lang }.Count(a => a is not null);
                if (prop.Attributes().Count() != known || (resource ?? nodeId) is not null && (known > 1 || prop.Value.Length > 0))
                    throw new FormatException("RDF/XML: unexpected attributes on " + prop.Name);
                var obj = resource is not null ? $"<{resource}>" : nodeId is not null ? "_:" + nodeId
                    : lang is not null ? $"\"{prop.Value}\"@{lang}" : datatype is not null ? $"\"{prop.Value}\"^^<{datatype}>" : $"\"{prop.Value}\"";
                list.Add(new(subject, predicate, obj));
            }
        }
        return list;
    }

    // ---- JSON-LD (a context of prefix definitions, @graph of node objects, explicit @id / @value objects) ----
    public static List<Statement> JsonLd(string text)
    {
        using var doc = JsonDocument.Parse(text);
        var context = doc.RootElement.GetProperty("@context").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);
        string Expand(string term)
        {
            var colon = term.IndexOf(':');
            if (colon > 0 && context.TryGetValue(term[..colon], out var ns)) return ns + term[(colon + 1)..];
            return Uri.IsWellFormedUriString(term, UriKind.Absolute) ? term : throw new FormatException("JSON-LD: cannot expand " + term);
        }
        string Node(string id) => id.StartsWith("_:", StringComparison.Ordinal) ? id : $"<{Expand(id)}>";
        var list = new List<Statement>();
        foreach (var node in doc.RootElement.GetProperty("@graph").EnumerateArray())
        {
            var subject = Node(node.GetProperty("@id").GetString()!);
            foreach (var p in node.EnumerateObject())
            {
                if (p.Name == "@id") continue;
                if (p.Name == "@type")
                {
                    foreach (var t in p.Value.EnumerateArray()) list.Add(new(subject, $"<{Rdf}type>", $"<{Expand(t.GetString()!)}>"));
                    continue;
                }
                if (p.Name.StartsWith('@')) throw new FormatException("JSON-LD: unexpected keyword " + p.Name);
                var predicate = $"<{Expand(p.Name)}>";
                foreach (var v in p.Value.EnumerateArray())
                {
                    if (v.TryGetProperty("@id", out var vid)) { list.Add(new(subject, predicate, Node(vid.GetString()!))); continue; }
                    var value = v.GetProperty("@value").GetString()!;
                    var obj = v.TryGetProperty("@language", out var lang) ? $"\"{value}\"@{lang.GetString()}"
                        : v.TryGetProperty("@type", out var type) ? $"\"{value}\"^^<{Expand(type.GetString()!)}>" : $"\"{value}\"";
                    list.Add(new(subject, predicate, obj));
                }
            }
        }
        return list;
    }
}
