using Bastion.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Bastion.Notifications;

/// <summary>An in-app message to one user (reminders, escalations, hand-overs). Emailed too when SMTP is configured.</summary>
public class Notification
{
    public long Id { get; set; }
    public long UserId { get; set; }
    /// <summary>What sent it, e.g. "meeting.overdue"; lets pages group and tests find it.</summary>
    public required string Kind { get; set; }
    public required string Title { get; set; }
    public string Body { get; set; } = "";
    /// <summary>A site-relative link to the thing the message is about.</summary>
    public string? Link { get; set; }
    /// <summary>The same (user, key) is never notified twice, so reminder jobs may run as often as they like.</summary>
    public string? DedupKey { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? ReadAt { get; set; }
    /// <summary>When the copy was emailed; null while not sent (or when no SMTP server is configured).</summary>
    public DateTime? EmailedAt { get; set; }
}

/// <summary>What to tell people; see <see cref="Notifier"/>.</summary>
public sealed record NotificationMessage(string Kind, string Title, string Body, string? Link = null, string? DedupKey = null);

public sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.ToTable("Notifications");
        builder.Property(n => n.Kind).HasMaxLength(60);
        builder.Property(n => n.Title).HasMaxLength(200);
        builder.Property(n => n.Body).HasMaxLength(2000);
        builder.Property(n => n.Link).HasMaxLength(400);
        builder.Property(n => n.DedupKey).HasMaxLength(200);
        builder.HasIndex(n => new { n.UserId, n.ReadAt });
        builder.HasIndex(n => new { n.UserId, n.DedupKey }).IsUnique();
        builder.HasIndex(n => n.EmailedAt);
        builder.HasOne<BastionUser>().WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
