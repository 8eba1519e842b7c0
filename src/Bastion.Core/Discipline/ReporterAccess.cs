using Bastion.Attachments;
using Bastion.Data;
using Bastion.Requests;
using Bastion.Shared;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Discipline;

/// <summary>
/// The reporter's side after filing: with the tracking code and the secret they see the status and the public
/// statement (never a handler's notes, names or the disposition's details) and may add information while it is open.
/// </summary>
public static class ReporterAccess
{
    public const string WrongCodeOrSecretRule = "Discipline.TrackingCodeAndSecretMustMatch";

    public sealed record Step(DateOnly On, MisconductEventKind Kind);

    public sealed record View(
        string TrackingCode, MisconductCategory Category, string OrganizationName, MisconductStatus Status,
        DateOnly ReceivedOn, DateOnly? ClosedOn, MisconductOutcome? Outcome, string? Statement, IReadOnlyList<Step> Steps);

    private static readonly MisconductEventKind[] PublicKinds =
        [MisconductEventKind.Received, MisconductEventKind.Supplemented, MisconductEventKind.Accepted, MisconductEventKind.Declined, MisconductEventKind.Disposed, MisconductEventKind.Closed];

    public static async Task<View> FollowAsync(BastionDb db, string? code, string? secret, CancellationToken ct = default)
    {
        await using var reporterDb = DisciplineAudit.ReporterContext(db);
        var report = await FindAsync(reporterDb, code, secret, ct);
        var organization = await reporterDb.Organizations.IgnoreQueryFilters().Where(o => o.Id == report.ConcernedOrganizationId).Select(o => o.Name).FirstAsync(ct);
        var steps = await reporterDb.Set<MisconductReportEvent>().Where(e => e.ReportId == report.Id && PublicKinds.Contains(e.Kind))
            .OrderBy(e => e.On).ThenBy(e => e.Id).Select(e => new Step(e.On, e.Kind)).ToListAsync(ct);
        await DisciplineAudit.SaveAsync(reporterDb, DisciplineAudit.ReporterRead, report.Id, null, ct);
        return new View(report.TrackingCode, report.Category, organization, report.Status, report.ReceivedOn, report.ClosedOn,
            report.Status == MisconductStatus.Closed ? report.Outcome : null, report.PublicStatement, steps);
    }

    /// <summary>Adds the reporter's further information (text, files or both) to an open report and tells the handlers.</summary>
    public static async Task SupplementAsync(BastionDb db, AttachmentStore store, string? code, string? secret, string? text, IReadOnlyList<EvidenceFile> evidence, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, List<string>>();
        var clean = MisconductRules.CleanText(text);
        if (clean.Length == 0 && evidence.Count == 0) errors["Text"] = ["Write what you want to add, or attach a file."];
        else if (clean.Length > MisconductRules.MaxAccount) errors["Text"] = [$"At most {MisconductRules.MaxAccount} characters."];
        SubmitMisconductReport.CheckEvidence(evidence, store, errors);
        if (errors.Count > 0) throw new ValidationFailedException(errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));

        await using var reporterDb = DisciplineAudit.ReporterContext(db);
        var report = await FindAsync(reporterDb, code, secret, ct);
        MisconductRules.EnsureOpenForSupplement(report);
        var today = Clock.Today(reporterDb.Time);
        await using var transaction = await reporterDb.Database.BeginTransactionAsync(ct);
        reporterDb.Set<MisconductReportEvent>().Add(new MisconductReportEvent
        {
            ReportId = report.Id, Kind = MisconductEventKind.Supplemented, On = today, Text = clean.Length == 0 ? null : clean,
        });
        foreach (var file in evidence)
            await store.AddAsync(reporterDb, report.OrganizationId, SubmitMisconductReport.EvidenceOwnerType, report.Id, file.FileName, new MemoryStream(file.Content), ct);
        var receiverPath = await reporterDb.Organizations.IgnoreQueryFilters().Where(o => o.Id == report.OrganizationId).Select(o => o.Path).FirstAsync(ct);
        await SubmitMisconductReport.NotifyAsync(reporterDb, receiverPath, report.Id, "discipline.supplemented", "举报人补充了材料 / The reporter added information",
            "一件问题线索举报有举报人补充的材料。", ct);
        await DisciplineAudit.SaveAsync(reporterDb, DisciplineAudit.Supplement, report.Id, new { Evidence = evidence.Count }, ct);
        await transaction.CommitAsync(ct);
    }

    private static async Task<MisconductReport> FindAsync(BastionDb db, string? code, string? secret, CancellationToken ct)
    {
        var normalized = TrackingCode.Normalize(code);
        var report = normalized is null ? null
            : await db.Set<MisconductReport>().IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(r => r.TrackingCode == normalized, ct);
        // The same answer for an unknown code and a wrong secret: the code alone tells nothing.
        if (report is null || !ReporterSecret.Matches(secret, report.SecretHash))
            throw new DomainRuleException(WrongCodeOrSecretRule, "The tracking code and the secret do not match a report.");
        return report;
    }
}
