using OpenData.Web.Features.Accounts;

namespace OpenData.UnitTests.Features.Accounts;

public class IdNumberTests
{
    private static readonly DateOnly Today = new(2026, 11, 28);

    [Theory]
    [InlineData("11010519491231002X", "女")] // the GB 11643 standard's own example
    [InlineData("110105194912310029", null)]
    public void The_standards_example_check_digit_is_recognised(string id, string? gender)
    {
        if (gender is null) Assert.Equal("身份证号校验位不正确，请核对", IdNumber.Validate(id, null, Today));
        else Assert.Null(IdNumber.Validate(id, gender, Today));
    }

    [Fact]
    public void A_made_number_is_valid_for_its_gender_and_not_the_other()
    {
        var id = IdNumber.Make("331102", new DateOnly(1990, 5, 17), 12, "男");
        Assert.Null(IdNumber.Validate(id, "男", Today));
        Assert.Equal("身份证号与所选性别不一致", IdNumber.Validate(id, "女", Today));
    }

    [Theory]
    [InlineData("33110219900230001", "身份证号应为 18 位，前 17 位为数字，最后一位为数字或 X")]
    [InlineData("", "请输入身份证号")]
    public void Malformed_numbers_get_a_message(string id, string message) => Assert.Equal(message, IdNumber.Validate(id, "男", Today));

    [Fact]
    public void An_impossible_birth_date_is_refused_even_with_a_right_check_digit()
    {
        var first = "33110219900230001";
        var id = first + IdNumber.CheckDigit(first);
        Assert.Equal("身份证号中的出生日期无效", IdNumber.Validate(id, "男", Today));
    }

    [Fact]
    public void Mask_keeps_four_characters_at_each_end() =>
        Assert.Equal("3311**********1234", IdNumber.Mask("331102199001011234"));
}
