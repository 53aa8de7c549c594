namespace OpenData.Web.Features.Interop.Ckan;

/// <summary>
/// The failures of CKAN's action API, each with the HTTP status and error "__type" CKAN 2.11 answers with
/// (ckan/views/api.py), so clients that branch on them behave as against CKAN.
/// </summary>
public abstract class CkanException(string message) : Exception(message)
{
    public abstract int Status { get; }
    public abstract string Type { get; }
    public virtual Dictionary<string, object?> Error() => new() { ["__type"] = Type, ["message"] = Message };
}

/// <summary>404 "Not Found Error".</summary>
public sealed class CkanNotFound(string what) : CkanException("Not found: " + what)
{
    public override int Status => 404;
    public override string Type => "Not Found Error";
}

/// <summary>403 "Authorization Error": the write actions of CKAN, which this read-only API does not offer.</summary>
public sealed class CkanNotAuthorized(string why) : CkanException("Access denied: " + why)
{
    public override int Status => 403;
    public override string Type => "Authorization Error";
}

/// <summary>409 "Validation Error": field name → messages, as CKAN's error_dict.</summary>
public sealed class CkanValidation(string field, string message) : CkanException(message)
{
    public override int Status => 409;
    public override string Type => "Validation Error";
    public override Dictionary<string, object?> Error() => new() { ["__type"] = Type, [field] = new[] { Message } };
}

/// <summary>400 "Search Query Error": an unknown parameter or a sort without a direction.</summary>
public sealed class CkanSearchQueryError(string detail) : CkanException($"Search Query is invalid: '{detail}'")
{
    public override int Status => 400;
    public override string Type => "Search Query Error";
}

/// <summary>409 "Search Error": a query the search backend cannot run (malformed fq, unknown field).</summary>
public sealed class CkanSearchError(string detail) : CkanException($"Search error: '{detail}'")
{
    public override int Status => 409;
    public override string Type => "Search Error";
}
