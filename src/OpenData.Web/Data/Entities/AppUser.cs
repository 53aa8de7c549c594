using Microsoft.AspNetCore.Identity;

namespace OpenData.Web.Data.Entities;

/// <summary>A real-name registered user. The ID number is kept only encrypted (see IdNumberProtector).</summary>
public class AppUser : IdentityUser
{
    public string RealName { get; set; } = "";
    public string IdNumberCipher { get; set; } = "";
    /// <summary>Keyed hash of the ID number, so duplicates can be found without decrypting.</summary>
    public string IdNumberLookup { get; set; } = "";
    public string IdNumberMasked { get; set; } = "";
    public string Gender { get; set; } = "";
    public string Industry { get; set; } = "";
    public string Occupation { get; set; } = "";
    public string AgreementVersion { get; set; } = "";
    public DateTimeOffset? AgreementAcceptedAt { get; set; }
    public int? DepartmentId { get; set; }
    public Department? Department { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public bool IsDisabled { get; set; }
    public bool MustChangePassword { get; set; }
}
