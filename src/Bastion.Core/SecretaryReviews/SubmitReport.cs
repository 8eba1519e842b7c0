using Bastion.Attachments;
using Bastion.Data;
using Bastion.Positions;
using Bastion.Shared;
using Microsoft.EntityFrameworkCore;

namespace Bastion.SecretaryReviews;

/// <summary>A file to attach to a report (the caller disposes the stream).</summary>
public sealed record ReportFile(string FileName, Stream Content);

/// <summary>
/// The secretary submits their report (述职报告), with an optional attachment. Only the organization's current secretary
/// may. The first submission attaches a frozen copy of the organization's strength index and warnings for the year; the
/// text may be revised until a reviewer has rated it, the copy stays as it was.
/// </summary>
public static class SubmitReport
{
    public const string AttachmentOwner = "SecretaryReport";

    public sealed record Command
    {
        public string? Text { get; init; }
    }

    public static async Task<SecretaryReport> HandleAsync(BastionDb db, AttachmentStore? store, long reportId, long? memberId, Command command, ReportFile? file = null, CancellationToken ct = default)
    {
        // Authorization is by the secretary position, not by the account's data scope.
        var report = await db.Set<SecretaryReport>().IgnoreQueryFilters().FirstOrDefaultAsync(r => r.Id == reportId, ct)
            ?? throw new NotFoundException($"Report {reportId}");
        var round = await db.Set<SecretaryReviewRound>().IgnoreQueryFilters().FirstAsync(r => r.Id == report.RoundId, ct);
        OpenReviewRound.EnsureOpen(round);
        var isSecretary = memberId is { } me && await db.Set<Position>().IgnoreQueryFilters()
            .AnyAsync(p => p.OrganizationId == report.OrganizationId && p.Role == PositionRole.Secretary && p.EndedOn == null && p.MemberId == me, ct);
        if (!isSecretary)
            throw new DomainRuleException(SecretaryReviewRules.NotCurrentSecretaryRule, "Only the organization's current secretary submits its report.");
        if (report.SubmittedAt is not null && await db.Set<SecretaryRating>().IgnoreQueryFilters().AnyAsync(r => r.ReportId == report.Id, ct))
            throw new DomainRuleException(SecretaryReviewRules.ReportRatedRule, "Reviewers have rated this report; it no longer changes.");

        var text = command.Text?.Trim();
        if (string.IsNullOrEmpty(text)) throw ValidationFailedException.For(nameof(Command.Text), "Write the report.");
        if (text.Length > SecretaryReviewConfiguration.MaxReportLength)
            throw ValidationFailedException.For(nameof(Command.Text), $"At most {SecretaryReviewConfiguration.MaxReportLength} characters.");

        var now = Clock.UtcNow(db.Time);
        var first = report.SubmittedAt is null;
        report.Text = text;
        report.SecretaryMemberId = memberId;
        if (first) report.SubmittedAt = now;
        else report.RevisedAt = now;
        if (file is not null)
        {
            if (store is null) throw new InvalidOperationException("An attachment needs the attachment store.");
            await store.AddAsync(db, report.OrganizationId, AttachmentOwner, report.Id, file.FileName, file.Content, ct);
        }
        if (first && !report.IndexAttached) await IndexSnapshot.AttachAsync(db, report, round.Year, ct);
        await db.SaveChangesAsync(ct);
        return report;
    }
}
