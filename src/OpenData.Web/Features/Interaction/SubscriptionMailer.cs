using System.Net;
using System.Net.Mail;
using Microsoft.EntityFrameworkCore;
using OpenData.Web.Data;
using OpenData.Web.Data.Entities;

namespace OpenData.Web.Features.Interaction;

/// <summary>Sends one e-mail; replaced in tests to prove nothing is sent while SMTP is off.</summary>
public interface IMailSender
{
    Task SendAsync(SmtpSettings smtp, string to, string subject, string body, CancellationToken ct);
}

public sealed class SmtpMailSender : IMailSender
{
    public async Task SendAsync(SmtpSettings smtp, string to, string subject, string body, CancellationToken ct)
    {
        using var client = new SmtpClient(smtp.Host, smtp.Port) { EnableSsl = smtp.Port is 465 or 587 };
        if (smtp.User.Length > 0) client.Credentials = new NetworkCredential(smtp.User, smtp.Password);
        using var mail = new MailMessage(smtp.From, to, subject, body);
        await client.SendMailAsync(mail, ct);
    }
}

/// <summary>The optional e-mail copy of subscription messages: only when smtp.enabled is "true" (off by default).</summary>
public sealed class SubscriptionMailer(IMailSender sender, InteractionSettings settings, ILogger<SubscriptionMailer> log)
{
    public async Task SendAsync(PortalDbContext db, IReadOnlyList<Message> messages, CancellationToken ct)
    {
        var smtp = await settings.SmtpAsync(ct);
        if (!smtp.Enabled || smtp.Host.Length == 0) return;
        var ids = messages.Select(m => m.UserId).Distinct().ToList();
        var emails = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id) && u.Email != null).ToDictionaryAsync(u => u.Id, u => u.Email!, ct);
        foreach (var m in messages)
        {
            if (!emails.TryGetValue(m.UserId, out var to)) continue;
            try { await sender.SendAsync(smtp, to, m.Title, $"{m.Body}\n\n{m.Link}", ct); }
            catch (Exception e) when (e is SmtpException or InvalidOperationException or FormatException)
            {
                // The message is in the message centre already; a mail failure must not fail the change.
                log.LogWarning(e, "Subscription e-mail to user {UserId} failed", m.UserId);
            }
        }
    }
}
