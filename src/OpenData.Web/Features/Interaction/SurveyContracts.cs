using OpenData.Web.Data.Entities;

namespace OpenData.Web.Features.Interaction;

public sealed class SurveyInput
{
    public string Title { get; set; } = "";
    public string Description { get; set; } = "";
    public DateTime? OpensAt { get; set; }
    public DateTime? ClosesAt { get; set; }
    public List<QuestionInput> Questions { get; set; } = [];
}

public sealed class QuestionInput
{
    public string Text { get; set; } = "";
    public SurveyQuestionKind Kind { get; set; }
    public bool Required { get; set; }
    /// <summary>One choice per line.</summary>
    public string Options { get; set; } = "";
}

public sealed record SurveySummary(int Id, string Title, string Description, DateTimeOffset OpensAt, DateTimeOffset ClosesAt, int Responses);
public sealed record QuestionDto(int Id, int Position, string Text, SurveyQuestionKind Kind, bool Required, IReadOnlyList<string> Options);
public sealed record SurveyDto(int Id, string Title, string Description, DateTimeOffset OpensAt, DateTimeOffset ClosesAt, IReadOnlyList<QuestionDto> Questions)
{
    public bool IsOpenAt(DateTimeOffset now) => now >= OpensAt && now < ClosesAt;
}

public sealed record OptionCount(string Option, int Count);
public sealed record QuestionResult(QuestionDto Question, IReadOnlyList<OptionCount> Counts, IReadOnlyList<string> Texts);
public sealed record SurveyResults(SurveyDto Survey, int Responses, IReadOnlyList<QuestionResult> Questions);
