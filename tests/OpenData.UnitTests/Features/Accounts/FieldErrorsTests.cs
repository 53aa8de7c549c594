using OpenData.Web.Features.Accounts;

namespace OpenData.UnitTests.Features.Accounts;

public class FieldErrorsTests
{
    [Fact]
    public void Described_by_names_help_and_error_only_when_they_exist()
    {
        var e = new FieldErrors();
        Assert.Null(e.DescribedBy("Email"));
        Assert.Equal("Email-help", e.DescribedBy("Email", "Email-help"));
        e.AddOnce("Email", "邮箱格式不正确");
        e.AddOnce("Email", "second message is ignored");
        Assert.Equal("Email-help Email-error", e.DescribedBy("Email", "Email-help"));
        Assert.Equal("Email-error", e.DescribedBy("Email"));
        Assert.Equal(" is-invalid", e.Invalid("Email"));
        Assert.Equal("", e.Invalid("Phone"));
        Assert.Equal("邮箱格式不正确", e["Email"]);
    }
}
