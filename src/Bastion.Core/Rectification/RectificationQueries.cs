using Bastion.Attachments;
using Bastion.Data;
using Bastion.Organizations;
using Bastion.Shared;
using Bastion.Strength;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Rectification;

public sealed record RectificationFilter
{
    public RectificationState? State { get; init; }
    public WeakSituation? Situation { get; init; }
    public int? Year { get; init; }
    /// <summary>Only this organization's subtree (within the caller's scope).</summary>
    public long? OrganizationId { get; init; }
}

public sealed record LedgerRow
{
    public required long Id { get; init; }
    public required long OrganizationId { get; init; }
    public required string OrganizationName { get; init; }
    public required RectificationState State { get; init; }
    public required int Year { get; init; }
    public required DateOnly IdentifiedOn { get; init; }
    public required long SituationMask { get; init; }
    public IReadOnlyList<WeakSituation> Situations => SituationBits.Situations(SituationMask);
    public string? LeaderName { get; init; }
    public string? LeaderPost { get; init; }
    public string? FirstSecretary { get; init; }
    public string? WorkTeam { get; init; }
    public string? PairedUnit { get; init; }
    public DateOnly? TargetOn { get; init; }
    public required int StepsDone { get; init; }
    public required int StepsTotal { get; init; }
    public required int StepsOverdue { get; init; }
    public DateOnly? CheckedOn { get; init; }
    public DateOnly? ClosedOn { get; init; }
    /// <summary>A measure is overdue, or the target date passed before a passed check.</summary>
    public required bool Overdue { get; init; }
}

public sealed record StateCount(RectificationState State, int Count);

/// <summary>台账: the living ledger of cases in a subtree, counts per state, overdue cases first.</summary>
public sealed record Ledger(IReadOnlyList<StateCount> Counts, Page<LedgerRow> Cases, DateOnly Today);

public sealed record StepView(long Id, int Number, string Text, DateOnly DueOn, DateOnly? CompletedOn, string? CompletionNote, bool Overdue);
public sealed record FileView(long Id, string FileName, string ContentType, long Length);
public sealed record NoteView(long Id, DateOnly On, string Text, string RecordedBy, IReadOnlyList<FileView> Files);
public sealed record CheckView(long Id, DateOnly CheckedOn, string Body, bool Passed, string Opinion, string RecordedBy);
public sealed record EventView(long Id, RectificationEventKind Kind, DateOnly On, DateTime RecordedAt, string Actor, string? Text);

/// <summary>A case with everything recorded on it: the printable case file.</summary>
public sealed record CaseFile
{
    public required long Id { get; init; }
    public required long OrganizationId { get; init; }
    public required string OrganizationName { get; init; }
    public required UnitType? UnitType { get; init; }
    public required RectificationState State { get; init; }
    public required int Year { get; init; }
    public required DateOnly IdentifiedOn { get; init; }
    public required IReadOnlyList<WeakSituation> Situations { get; init; }
    public required string Reason { get; init; }
    public required IReadOnlyList<string> WarningCodes { get; init; }
    public required string IdentifiedBy { get; init; }
    public string? PlanText { get; init; }
    public string? LeaderName { get; init; }
    public string? LeaderPost { get; init; }
    public string? FirstSecretary { get; init; }
    public string? WorkTeam { get; init; }
    public string? PairedUnit { get; init; }
    public DateOnly? TargetOn { get; init; }
    public DateOnly? PlannedOn { get; init; }
    public DateOnly? RectifyingSince { get; init; }
    public DateOnly? CheckedOn { get; init; }
    public required bool HasPassedCheck { get; init; }
    public DateOnly? ClosedOn { get; init; }
    public string? ClosingEvidence { get; init; }
    public required IReadOnlyList<StepView> Steps { get; init; }
    public required IReadOnlyList<NoteView> Notes { get; init; }
    public required IReadOnlyList<CheckView> Checks { get; init; }
    public required IReadOnlyList<FileView> ClosingFiles { get; init; }
    public required IReadOnlyList<EventView> Timeline { get; init; }
    public required DateOnly Today { get; init; }

    public int StepsDone => Steps.Count(s => s.CompletedOn is not null);
    public IReadOnlyList<StepView> OverdueSteps => Steps.Where(s => s.Overdue).ToList();
    public bool IsVillage => UnitType is Organizations.UnitType.Rural;
}

/// <summary>What the organization's own page shows of its open case.</summary>
public sealed record OpenCaseSummary(long Id, RectificationState State, DateOnly IdentifiedOn, IReadOnlyList<WeakSituation> Situations, int StepsDone, int StepsTotal, int StepsOverdue, DateOnly? TargetOn);

/// <summary>Reads of rectification cases. The data scope limits them to the caller's subtree; set-based, a fixed number of statements.</summary>
public static class RectificationQueries
{
    public const int PageSize = 50;

    private sealed record Row(RectificationCase Case, string Path, string Name);

    private static IQueryable<RectificationCase> Filtered(BastionDb db, RectificationFilter f, string? subtreePath)
    {
        var q = db.Set<RectificationCase>().AsNoTracking();
        if (f.State is { } s) q = q.Where(c => c.State == s);
        if (f.Situation is { } w)
        {
            var bit = SituationBits.Bit(w);
            q = q.Where(c => (c.SituationMask & bit) != 0);
        }
        if (f.Year is { } y) q = q.Where(c => c.Year == y);
        if (subtreePath is not null)
        {
            var hi = TreePath.UpperBound(subtreePath);
            q = q.Where(c => db.Organizations.Any(o => o.Id == c.OrganizationId && string.Compare(o.Path, subtreePath) >= 0 && string.Compare(o.Path, hi) < 0));
        }
        return q;
    }

    private static async Task<string?> SubtreeAsync(BastionDb db, long? organizationId, CancellationToken ct) =>
        organizationId is { } id
            ? await db.Organizations.Where(o => o.Id == id).Select(o => o.Path).FirstOrDefaultAsync(ct) ?? throw new NotFoundException($"Organization {id}")
            : null;

    private static IQueryable<LedgerRow> Project(BastionDb db, IQueryable<RectificationCase> q, DateOnly today)
    {
        var steps = db.Set<RectificationStep>();
        return from c in q
               join o in db.Organizations on c.OrganizationId equals o.Id
               let total = steps.Count(s => s.CaseId == c.Id)
               let done = steps.Count(s => s.CaseId == c.Id && s.CompletedOn != null)
               let late = c.State == RectificationState.Closed ? 0 : steps.Count(s => s.CaseId == c.Id && s.CompletedOn == null && s.DueOn < today)
               select new LedgerRow
               {
                   Id = c.Id, OrganizationId = c.OrganizationId, OrganizationName = o.Name, State = c.State, Year = c.Year, IdentifiedOn = c.IdentifiedOn,
                   SituationMask = c.SituationMask, LeaderName = c.LeaderName, LeaderPost = c.LeaderPost, FirstSecretary = c.FirstSecretary,
                   WorkTeam = c.WorkTeam, PairedUnit = c.PairedUnit, TargetOn = c.TargetOn, StepsDone = done, StepsTotal = total, StepsOverdue = late,
                   CheckedOn = c.CheckedOn, ClosedOn = c.ClosedOn,
                   Overdue = late > 0 || (c.State != RectificationState.Closed && c.State != RectificationState.Checked && c.TargetOn != null && c.TargetOn < today),
               };
    }

    private static IQueryable<LedgerRow> OverdueFirst(IQueryable<LedgerRow> q) =>
        q.OrderByDescending(r => r.Overdue).ThenBy(r => r.State == RectificationState.Closed).ThenByDescending(r => r.IdentifiedOn).ThenByDescending(r => r.Id);

    /// <summary>The ledger: counts per state (over every filter but the state) and one page of cases, overdue first. Three statements.</summary>
    public static async Task<Ledger> LedgerAsync(BastionDb db, RectificationFilter filter, int page, CancellationToken ct = default)
    {
        var today = Clock.Today(db.Time);
        var subtree = await SubtreeAsync(db, filter.OrganizationId, ct);
        var counts = await Filtered(db, filter with { State = null }, subtree).GroupBy(c => c.State)
            .Select(g => new StateCount(g.Key, g.Count())).ToListAsync(ct);
        var all = Enum.GetValues<RectificationState>().Select(s => counts.FirstOrDefault(c => c.State == s) ?? new StateCount(s, 0)).ToList();
        var total = filter.State is { } st ? all.First(c => c.State == st).Count : all.Sum(c => c.Count);
        page = Math.Max(1, page);
        var rows = await OverdueFirst(Project(db, Filtered(db, filter, subtree), today)).Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        return new Ledger(all, new Page<LedgerRow>(rows, page, PageSize, total), today);
    }

    /// <summary>Every case of the filter (at most <see cref="Workbook.MaxRows"/>), overdue first, for the export. One statement.</summary>
    public static async Task<IReadOnlyList<LedgerRow>> ExportRowsAsync(BastionDb db, RectificationFilter filter, CancellationToken ct = default)
    {
        var today = Clock.Today(db.Time);
        var subtree = await SubtreeAsync(db, filter.OrganizationId, ct);
        return await OverdueFirst(Project(db, Filtered(db, filter, subtree), today)).Take(Workbook.MaxRows).ToListAsync(ct);
    }

    public static async Task<CaseFile?> FileAsync(BastionDb db, long id, CancellationToken ct = default)
    {
        var today = Clock.Today(db.Time);
        var x = await (from k in db.Set<RectificationCase>().AsNoTracking()
                       join o in db.Organizations on k.OrganizationId equals o.Id
                       where k.Id == id
                       select new { Case = k, o.Name, o.UnitType }).FirstOrDefaultAsync(ct);
        if (x is null) return null;
        var c = x.Case;
        var steps = await db.Set<RectificationStep>().AsNoTracking().Where(s => s.CaseId == id).OrderBy(s => s.Number).ToListAsync(ct);
        var notes = await db.Set<RectificationNote>().AsNoTracking().Where(n => n.CaseId == id).OrderBy(n => n.On).ThenBy(n => n.Id).ToListAsync(ct);
        var noteIds = notes.Select(n => n.Id).ToList();
        var files = await db.Set<Attachment>().AsNoTracking()
            .Where(a => (a.OwnerType == RecordRectification.NoteFileOwner && noteIds.Contains(a.OwnerId)) || (a.OwnerType == CloseRectification.EvidenceFileOwner && a.OwnerId == id))
            .OrderBy(a => a.Id).Select(a => new { a.Id, a.OwnerType, a.OwnerId, a.FileName, a.ContentType, a.Length }).ToListAsync(ct);
        var checks = await db.Set<RectificationCheck>().AsNoTracking().Where(k => k.CaseId == id).OrderBy(k => k.CheckedOn).ThenBy(k => k.Id)
            .Select(k => new CheckView(k.Id, k.CheckedOn, k.Body, k.Passed, k.Opinion, k.RecordedBy)).ToListAsync(ct);
        var events = await db.Set<RectificationEvent>().AsNoTracking().Where(e => e.CaseId == id).OrderBy(e => e.Id)
            .Select(e => new EventView(e.Id, e.Kind, e.On, e.RecordedAt, e.Actor, e.Text)).ToListAsync(ct);
        return new CaseFile
        {
            Id = c.Id, OrganizationId = c.OrganizationId, OrganizationName = x.Name, UnitType = x.UnitType, State = c.State, Year = c.Year,
            IdentifiedOn = c.IdentifiedOn, Situations = c.Situations, Reason = c.Reason,
            WarningCodes = c.WarningCodes?.Split(',', StringSplitOptions.RemoveEmptyEntries) ?? [], IdentifiedBy = c.IdentifiedBy,
            PlanText = c.PlanText, LeaderName = c.LeaderName, LeaderPost = c.LeaderPost, FirstSecretary = c.FirstSecretary, WorkTeam = c.WorkTeam,
            PairedUnit = c.PairedUnit, TargetOn = c.TargetOn, PlannedOn = c.PlannedOn, RectifyingSince = c.RectifyingSince, CheckedOn = c.CheckedOn,
            HasPassedCheck = c.HasPassedCheck, ClosedOn = c.ClosedOn, ClosingEvidence = c.ClosingEvidence,
            Steps = steps.Select(s => new StepView(s.Id, s.Number, s.Text, s.DueOn, s.CompletedOn, s.CompletionNote, RectificationRules.IsOverdue(s, c.State, today))).ToList(),
            Notes = notes.Select(n => new NoteView(n.Id, n.On, n.Text, n.RecordedBy,
                files.Where(a => a.OwnerType == RecordRectification.NoteFileOwner && a.OwnerId == n.Id).Select(a => new FileView(a.Id, a.FileName, a.ContentType, a.Length)).ToList())).ToList(),
            Checks = checks,
            ClosingFiles = files.Where(a => a.OwnerType == CloseRectification.EvidenceFileOwner).Select(a => new FileView(a.Id, a.FileName, a.ContentType, a.Length)).ToList(),
            Timeline = events, Today = today,
        };
    }

    /// <summary>An evidence file of a case in scope (a progress note's or the closing's).</summary>
    public static async Task<Attachment> FileOfCaseAsync(BastionDb db, long caseId, long fileId, CancellationToken ct = default)
    {
        if (!await db.Set<RectificationCase>().AnyAsync(c => c.Id == caseId, ct)) throw new NotFoundException($"Rectification case {caseId}");
        var noteIds = db.Set<RectificationNote>().Where(n => n.CaseId == caseId).Select(n => n.Id);
        return await db.Set<Attachment>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == fileId
                   && ((a.OwnerType == CloseRectification.EvidenceFileOwner && a.OwnerId == caseId) || (a.OwnerType == RecordRectification.NoteFileOwner && noteIds.Contains(a.OwnerId))), ct)
               ?? throw new NotFoundException($"File {fileId}");
    }

    /// <summary>The organization's open case, if any, for its own page.</summary>
    public static async Task<OpenCaseSummary?> OpenCaseAsync(BastionDb db, long organizationId, CancellationToken ct = default)
    {
        var today = Clock.Today(db.Time);
        var steps = db.Set<RectificationStep>();
        var x = await db.Set<RectificationCase>().AsNoTracking().Where(c => c.OrganizationId == organizationId && c.State != RectificationState.Closed)
            .Select(c => new
            {
                c.Id, c.State, c.IdentifiedOn, c.SituationMask, c.TargetOn,
                Done = steps.Count(s => s.CaseId == c.Id && s.CompletedOn != null),
                Total = steps.Count(s => s.CaseId == c.Id),
                Late = steps.Count(s => s.CaseId == c.Id && s.CompletedOn == null && s.DueOn < today),
            }).FirstOrDefaultAsync(ct);
        return x is null ? null : new OpenCaseSummary(x.Id, x.State, x.IdentifiedOn, SituationBits.Situations(x.SituationMask), x.Done, x.Total, x.Late, x.TargetOn);
    }
}
