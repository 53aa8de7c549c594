namespace OpenData.Web.Infrastructure.Web;

/// <summary>
/// A section of the back office's left menu, contributed by the feature that owns it
/// (services.AddSingleton(new AdminMenuItem("评论审核", "/admin/interaction/comments", "chat-square-text", Policies.Reviewer, 200))).
/// The menu shows an item only to someone its policy admits, so each role sees only what it may use.
/// </summary>
public sealed record AdminMenuItem(string Label, string Href, string Icon, string Policy, int Order);
