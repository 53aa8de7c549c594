namespace OpenData.Web.Features.Interop.Dcat;

// A minimal RDF graph: enough to say the catalog once and write it as Turtle, RDF/XML and JSON-LD, so the three
// serializations cannot drift apart.

public abstract record RdfTerm;

public sealed record Iri(string Value) : RdfTerm;

public sealed record BlankNode(string Id) : RdfTerm;

/// <summary>A literal: plain string, typed (Datatype is an xsd IRI) or language-tagged.</summary>
public sealed record Literal(string Value, string? Datatype = null, string? Language = null) : RdfTerm;

public sealed record Triple(RdfTerm Subject, Iri Predicate, RdfTerm Objekt);

public sealed class RdfGraph
{
    private readonly List<Triple> _triples = [];
    private readonly HashSet<Triple> _seen = [];
    private int _blank;

    public IReadOnlyList<Triple> Triples => _triples;

    public BlankNode Blank() => new("b" + ++_blank);

    public void Add(RdfTerm subject, string predicate, RdfTerm? obj)
    {
        if (obj is null || obj is Literal { Value.Length: 0 }) return;
        // Shared nodes (a publisher, the licence, a domain) are described once, however many datasets name them.
        var t = new Triple(subject, new Iri(predicate), obj);
        if (_seen.Add(t)) _triples.Add(t);
    }

    public void Add(RdfTerm subject, string predicate, string? iri)
    {
        if (!string.IsNullOrEmpty(iri)) Add(subject, predicate, new Iri(iri));
    }

    public void Type(RdfTerm subject, string type) => Add(subject, Vocab.Rdf + "type", new Iri(type));

    /// <summary>Subjects in order of first appearance, each with its statements in order.</summary>
    public IEnumerable<IGrouping<RdfTerm, Triple>> BySubject() => _triples.GroupBy(t => t.Subject);
}

public static class Vocab
{
    public const string Rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    public const string Rdfs = "http://www.w3.org/2000/01/rdf-schema#";
    public const string Xsd = "http://www.w3.org/2001/XMLSchema#";
    public const string DcatNs = "http://www.w3.org/ns/dcat#";
    public const string Dct = "http://purl.org/dc/terms/";
    public const string Foaf = "http://xmlns.com/foaf/0.1/";
    public const string Vcard = "http://www.w3.org/2006/vcard/ns#";
    public const string Skos = "http://www.w3.org/2004/02/skos/core#";
    public const string Hydra = "http://www.w3.org/ns/hydra/core#";
    public const string Adms = "http://www.w3.org/ns/adms#";
    public const string Locn = "http://www.w3.org/ns/locn#";
    public const string Eu = "http://publications.europa.eu/resource/authority/";

    /// <summary>Prefixes used by the writers, in output order.</summary>
    public static readonly IReadOnlyList<(string Prefix, string Ns)> Prefixes =
    [
        ("rdf", Rdf), ("rdfs", Rdfs), ("xsd", Xsd), ("dcat", DcatNs), ("dct", Dct), ("foaf", Foaf), ("vcard", Vcard),
        ("skos", Skos), ("hydra", Hydra), ("adms", Adms), ("locn", Locn),
    ];

    public static Literal Zh(string s) => new(s, Language: "zh");
    public static Literal Date(DateOnly d) => new(d.ToString("yyyy-MM-dd"), Xsd + "date");
    public static Literal DateTime(DateTimeOffset t) => new(t.ToString("yyyy-MM-ddTHH:mm:sszzz"), Xsd + "dateTime");
    public static Literal Int(long n, string type = "integer") => new(n.ToString(System.Globalization.CultureInfo.InvariantCulture), Xsd + type);
}
