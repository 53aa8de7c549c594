using System.Text;
using System.Text.Json;
using System.Xml;

namespace OpenData.Web.Features.Interop.Dcat;

/// <summary>Turtle, RDF/XML and JSON-LD of one <see cref="RdfGraph"/>.</summary>
public static class RdfWriters
{
    public static string Turtle(RdfGraph g)
    {
        var sb = new StringBuilder();
        foreach (var (p, ns) in Vocab.Prefixes) sb.Append("@prefix ").Append(p).Append(": <").Append(ns).Append("> .\n");
        foreach (var subject in g.BySubject())
        {
            sb.Append('\n').Append(TurtleTerm(subject.Key));
            var first = true;
            foreach (var byPredicate in subject.GroupBy(t => t.Predicate.Value))
            {
                sb.Append(first ? "\n    " : " ;\n    ");
                first = false;
                sb.Append(byPredicate.Key == Vocab.Rdf + "type" ? "a" : TurtleIri(byPredicate.Key)).Append(' ');
                sb.Append(string.Join(", ", byPredicate.Select(t => TurtleTerm(t.Objekt))));
            }
            sb.Append(" .\n");
        }
        return sb.ToString();
    }

    private static string TurtleTerm(RdfTerm t) => t switch
    {
        Iri i => TurtleIri(i.Value),
        BlankNode b => "_:" + b.Id,
        Literal { Language: { } lang } l => Quote(l.Value) + "@" + lang,
        Literal { Datatype: { } dt } l => Quote(l.Value) + "^^" + TurtleIri(dt),
        Literal l => Quote(l.Value),
        _ => throw new ArgumentOutOfRangeException(nameof(t)),
    };

    private static string TurtleIri(string iri)
    {
        foreach (var (p, ns) in Vocab.Prefixes)
            if (iri.StartsWith(ns, StringComparison.Ordinal) && iri.Length > ns.Length && iri[ns.Length..].All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
                return p + ":" + iri[ns.Length..];
        var sb = new StringBuilder("<");
        foreach (var c in iri)
            sb.Append(c is '<' or '>' or '"' or '{' or '}' or '|' or '^' or '`' or '\\' || c <= ' ' ? $"\\u{(int)c:X4}" : c);
        return sb.Append('>').ToString();
    }

    private static string Quote(string s)
    {
        var sb = new StringBuilder("\"");
        foreach (var c in s)
            sb.Append(c switch { '"' => "\\\"", '\\' => "\\\\", '\n' => "\\n", '\r' => "\\r", '\t' => "\\t", _ => c.ToString() });
        return sb.Append('"').ToString();
    }

    public static string RdfXml(RdfGraph g)
    {
        var sb = new StringBuilder();
        var settings = new XmlWriterSettings { Indent = true, OmitXmlDeclaration = true, Encoding = new UTF8Encoding(false) };
        using (var w = XmlWriter.Create(sb, settings))
        {
            w.WriteStartElement("rdf", "RDF", Vocab.Rdf);
            foreach (var (p, ns) in Vocab.Prefixes.Where(x => x.Prefix != "rdf")) w.WriteAttributeString("xmlns", p, null, ns);
            foreach (var subject in g.BySubject())
            {
                w.WriteStartElement("rdf", "Description", Vocab.Rdf);
                if (subject.Key is Iri i) w.WriteAttributeString("rdf", "about", Vocab.Rdf, i.Value);
                else w.WriteAttributeString("rdf", "nodeID", Vocab.Rdf, ((BlankNode)subject.Key).Id);
                foreach (var t in subject)
                {
                    var (prefix, ns) = Vocab.Prefixes.First(x => t.Predicate.Value.StartsWith(x.Ns, StringComparison.Ordinal));
                    w.WriteStartElement(prefix, t.Predicate.Value[ns.Length..], ns);
                    switch (t.Objekt)
                    {
                        case Iri o: w.WriteAttributeString("rdf", "resource", Vocab.Rdf, o.Value); break;
                        case BlankNode b: w.WriteAttributeString("rdf", "nodeID", Vocab.Rdf, b.Id); break;
                        case Literal l:
                            if (l.Language is { } lang) w.WriteAttributeString("xml", "lang", null, lang);
                            else if (l.Datatype is { } dt) w.WriteAttributeString("rdf", "datatype", Vocab.Rdf, dt);
                            w.WriteString(l.Value);
                            break;
                    }
                    w.WriteEndElement();
                }
                w.WriteEndElement();
            }
            w.WriteEndElement();
        }
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n" + sb;
    }

    /// <summary>JSON-LD with a context of prefixes only: compact IRIs as keys, every value an explicit @id or @value object.</summary>
    public static string JsonLd(RdfGraph g)
    {
        var context = Vocab.Prefixes.ToDictionary(x => x.Prefix, x => (object)x.Ns);
        var nodes = g.BySubject().Select(subject =>
        {
            var node = new Dictionary<string, object> { ["@id"] = Id(subject.Key) };
            var types = subject.Where(t => t.Predicate.Value == Vocab.Rdf + "type").Select(t => Compact(((Iri)t.Objekt).Value)).ToList();
            if (types.Count > 0) node["@type"] = types;
            foreach (var byPredicate in subject.Where(t => t.Predicate.Value != Vocab.Rdf + "type").GroupBy(t => t.Predicate.Value))
                node[Compact(byPredicate.Key)] = byPredicate.Select(t => Value(t.Objekt)).ToList();
            return node;
        }).ToList();
        return JsonSerializer.Serialize(new Dictionary<string, object> { ["@context"] = context, ["@graph"] = nodes },
            new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    private static string Id(RdfTerm t) => t is BlankNode b ? "_:" + b.Id : ((Iri)t).Value;

    private static object Value(RdfTerm t) => t switch
    {
        Literal { Language: { } lang } l => new Dictionary<string, string> { ["@value"] = l.Value, ["@language"] = lang },
        Literal { Datatype: { } dt } l => new Dictionary<string, string> { ["@value"] = l.Value, ["@type"] = dt },
        Literal l => new Dictionary<string, string> { ["@value"] = l.Value },
        _ => new Dictionary<string, string> { ["@id"] = Id(t) },
    };

    private static string Compact(string iri)
    {
        foreach (var (p, ns) in Vocab.Prefixes)
            if (iri.StartsWith(ns, StringComparison.Ordinal)) return p + ":" + iri[ns.Length..];
        return iri;
    }
}
