using System.Globalization;

namespace OpenData.Web.Features.RestrictedAccess;

/// <summary>The application's fields as posted by the page form and the multipart JSON route alike.</summary>
public static class RestrictedForm
{
    public static RestrictedInput Read(IFormCollection form) => new()
    {
        Datasets = form["datasets"].Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!).ToList(),
        Purpose = form["purpose"].ToString(),
        Scenario = form["scenario"].ToString(),
        Fields = form["fields"].ToString(),
        SecurityMeasures = form["securityMeasures"].ToString(),
        PeriodMonths = int.TryParse(form["periodMonths"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var p) ? p : 0,
        Apps = form["apps"].Select(v => int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : -1).ToList(),
        AcceptAgreement = form["acceptAgreement"].ToString() is "true" or "on",
    };
}
