using Bastion.Data;
using Bastion.Members;
using Bastion.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Bastion.CallUps;

/// <summary>
/// An emergency call-up (应急动员): an organization calls up the active members of its subtree; each answers
/// available or unavailable. Visible in the caller's scope; members see it through their own response row.
/// </summary>
public class CallUp : IOrganizationOwned
{
    public long Id { get; set; }
    /// <summary>The calling organization; its subtree is called up.</summary>
    public long OrganizationId { get; set; }
    public CallUpKind Kind { get; set; }
    public required string Title { get; set; }
    public required string Instructions { get; set; }
    public DateTime StartsAt { get; set; }
    public DateTime? EndsAt { get; set; }
    public CallUpStatus Status { get; set; } = CallUpStatus.Open;
    public DateTime? ClosedAt { get; set; }
    public long? CreatedByUserId { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>One member's answer to a call-up; owned by the member's organization (branch), so counts per branch are a grouping.</summary>
public class CallUpResponse : IOrganizationOwned
{
    public long Id { get; set; }
    public long CallUpId { get; set; }
    public long MemberId { get; set; }
    /// <summary>The member's organization when called up.</summary>
    public long OrganizationId { get; set; }
    public CallUpAnswer Answer { get; set; } = CallUpAnswer.NoAnswer;
    public string? Note { get; set; }
    public DateTime? AnsweredAt { get; set; }
}

public enum CallUpKind
{
    /// <summary>疫情防控</summary>
    Epidemic = 1,
    /// <summary>防汛</summary>
    Flood = 2,
    /// <summary>扫雪除冰</summary>
    Snow = 3,
    Other = 9,
}

public enum CallUpStatus { Open = 1, Closed = 2 }

public enum CallUpAnswer
{
    NoAnswer = 0,
    /// <summary>可以参加</summary>
    Available = 1,
    /// <summary>无法参加</summary>
    Unavailable = 2,
}

public sealed class CallUpConfiguration : IEntityTypeConfiguration<CallUp>
{
    public void Configure(EntityTypeBuilder<CallUp> builder)
    {
        builder.ToTable("CallUps");
        builder.Property(c => c.Title).HasMaxLength(CallUpRules.MaxTitle);
        builder.Property(c => c.Instructions).HasMaxLength(CallUpRules.MaxText);
        builder.HasIndex(c => new { c.OrganizationId, c.StartsAt });
        builder.HasOne<Organization>().WithMany().HasForeignKey(c => c.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class CallUpResponseConfiguration : IEntityTypeConfiguration<CallUpResponse>
{
    public void Configure(EntityTypeBuilder<CallUpResponse> builder)
    {
        builder.ToTable("CallUpResponses");
        builder.Property(r => r.Note).HasMaxLength(CallUpRules.MaxNote);
        builder.HasIndex(r => new { r.CallUpId, r.MemberId }).IsUnique();
        builder.HasIndex(r => new { r.CallUpId, r.OrganizationId });
        builder.HasIndex(r => r.MemberId);
        builder.HasOne<CallUp>().WithMany().HasForeignKey(r => r.CallUpId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Member>().WithMany().HasForeignKey(r => r.MemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organization>().WithMany().HasForeignKey(r => r.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}

public static class CallUpRules
{
    public const int MaxTitle = 100;
    public const int MaxText = 2000;
    public const int MaxNote = 200;
}
