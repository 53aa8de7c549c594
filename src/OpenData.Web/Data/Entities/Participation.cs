using System.Text.Json.Serialization;

namespace OpenData.Web.Data.Entities;

/// <summary>Named, not numbered, in the JSON API.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DataRequestStatus>))]
public enum DataRequestStatus { Pending, Accepted, Opened, Declined }

/// <summary>数据请求: a wish for data that is not open yet, answered publicly by the department.</summary>
public class DataRequest
{
    public long Id { get; set; }
    public string UserId { get; set; } = "";
    public string UserName { get; set; } = "";
    public string Title { get; set; } = "";
    public string Description { get; set; } = "";
    public string WantedFields { get; set; } = "";
    public string Purpose { get; set; } = "";
    public string? DepartmentCode { get; set; }
    public int? DomainId { get; set; }
    public DataRequestStatus Status { get; set; }
    public string? Reply { get; set; }
    public string? DatasetSlug { get; set; }
    public int Votes { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? RepliedAt { get; set; }
}

/// <summary>One +1 per user per request.</summary>
public class DataRequestVote
{
    public long Id { get; set; }
    public long RequestId { get; set; }
    public string UserId { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>建议反馈 with a public reply.</summary>
public class Feedback
{
    public long Id { get; set; }
    public string UserId { get; set; } = "";
    public string UserName { get; set; } = "";
    public string Title { get; set; } = "";
    public string Body { get; set; } = "";
    public string? Reply { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? RepliedAt { get; set; }
}

/// <summary>Named, not numbered, in the JSON API.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SurveyQuestionKind>))]
public enum SurveyQuestionKind { Single, Multiple, Text }

/// <summary>问卷调查, built by administrators; open between two dates.</summary>
public class Survey
{
    public int Id { get; set; }
    public string Title { get; set; } = "";
    public string Description { get; set; } = "";
    public DateTimeOffset OpensAt { get; set; }
    public DateTimeOffset ClosesAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public List<SurveyQuestion> Questions { get; set; } = [];
}

public class SurveyQuestion
{
    public int Id { get; set; }
    public int SurveyId { get; set; }
    public int Position { get; set; }
    public string Text { get; set; } = "";
    public SurveyQuestionKind Kind { get; set; }
    public bool Required { get; set; }
    /// <summary>Choices, one per line (empty for text questions).</summary>
    public string Options { get; set; } = "";
}

/// <summary>One user's answers to one survey (answered once).</summary>
public class SurveyResponse
{
    public long Id { get; set; }
    public int SurveyId { get; set; }
    public string UserId { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public List<SurveyAnswer> Answers { get; set; } = [];
}

/// <summary>A choice answer holds the chosen option indexes comma-joined; a text answer its text.</summary>
public class SurveyAnswer
{
    public long Id { get; set; }
    public long ResponseId { get; set; }
    public int QuestionId { get; set; }
    public string Value { get; set; } = "";
}
