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
    /// <summary>
    /// The mobile number, encrypted like the ID number; Identity's PhoneNumber column stays empty (see
    /// PersonalDataProtector). The lookup is a keyed hash for uniqueness and exact search; the masked form is for lists.
    /// </summary>
    public string PhoneCipher { get; set; } = "";
    public string PhoneLookup { get; set; } = "";
    public string PhoneMasked { get; set; } = "";
    /// <summary>
    /// Changed at every sign-out; each sign-in cookie carries the value it was issued with and is refused once
    /// they differ, so a copied cookie dies at logout (the security stamp changes for other reasons too).
    /// </summary>
    public string SessionStamp { get; set; } = "";
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
