using System.Net.Mail;
using Bastion.Data;
using Bastion.Jobs;
using Bastion.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace Bastion.Notifications;

/// <summary>
/// Emails notifications to users who have an address, when <c>Bastion:Smtp:Host</c> is set
/// (<c>Port</c>, <c>From</c>, <c>UserName</c>, <c>Password</c>, <c>EnableSsl</c> optional). Without SMTP it does nothing.
/// Only notifications of the last two days are sent, so configuring SMTP later does not flood anyone.
/// </summary>
public sealed class NotificationEmailJob(IConfiguration configuration) : IBastionJob
{
    public string Name => "notifications.email";
    public TimeSpan Interval => TimeSpan.FromMinutes(1);

    public async Task<string> RunAsync(BastionDb db, CancellationToken ct)
    {
        var smtp = configuration.GetSection("Bastion:Smtp");
        if (string.IsNullOrWhiteSpace(smtp["Host"])) return "SMTP is not configured; nothing emailed.";

        var now = Clock.UtcNow(db.Time);
        var since = now.AddDays(-2);
        var batch = await db.Set<Notification>()
            .Where(n => n.EmailedAt == null && n.CreatedAt >= since)
            .Join(db.Users.Where(u => u.Email != null && u.Email != ""), n => n.UserId, u => u.Id, (n, u) => new { n.Id, u.Email, n.Title, n.Body, n.Link })
            .OrderBy(x => x.Id).Take(200).ToListAsync(ct);
        if (batch.Count == 0) return "No notification to email.";

        using var client = new SmtpClient(smtp["Host"], smtp.GetValue("Port", 25)) { EnableSsl = smtp.GetValue("EnableSsl", false) };
        if (!string.IsNullOrEmpty(smtp["UserName"])) client.Credentials = new System.Net.NetworkCredential(smtp["UserName"], smtp["Password"]);
        var from = smtp["From"] ?? "bastion@localhost";
        var baseUrl = configuration["Bastion:PublicBaseUrl"]?.TrimEnd('/');
        var sent = new List<long>();
        foreach (var n in batch)
        {
            var body = n.Body + (n.Link is null ? "" : $"\n\n{baseUrl}{n.Link}");
            using var mail = new MailMessage(from, n.Email!, n.Title, body);
            await client.SendMailAsync(mail, ct);
            sent.Add(n.Id);
        }
        await db.Set<Notification>().Where(n => sent.Contains(n.Id)).ExecuteUpdateAsync(s => s.SetProperty(n => n.EmailedAt, now), ct);
        return $"Emailed {sent.Count} notification(s).";
    }
}
