using Bastion.Attachments;
using Bastion.Data;
using Bastion.Members;
using Bastion.Organizations;
using Bastion.Shared;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Development;

/// <summary>One line of a pipeline board or queue: where a candidate is, what is due next and by when.</summary>
public sealed record PipelineRow
{
    public required long Id { get; init; }
    public required string Name { get; init; }
    public required long OrganizationId { get; init; }
    public required string OrganizationName { get; init; }
    public required int Stage { get; init; }
    public required int CurrentStep { get; init; }
    public required IReadOnlyList<int> NextSteps { get; init; }
    public required CandidateStatus Status { get; init; }
    public required DateOnly AppliedOn { get; init; }
    public required DateOnly LastDate { get; init; }
    public int? DueStep { get; init; }
    public DateOnly? DueOn { get; init; }
    public required bool Late { get; init; }
    /// <summary>Some step was done after its time limit (e.g. a late talk).</summary>
    public required bool HasLateStep { get; init; }
    public required bool UpperCommitteeNext { get; init; }
}

public sealed record StagePipelineCount(int Stage, int Count);

public sealed record WeakBranchRow(long Id, string Name, int Members);

public sealed record IntakeRow(long OrganizationId, string Name, int? Plan, int Intake);

/// <summary>The upper level's view of its subtree (DESIGN §5 warning "no 发展对象 in 2 years").</summary>
public sealed record SubtreePipeline
{
    public required long OrganizationId { get; init; }
    public required string OrganizationName { get; init; }
    public required DateOnly Today { get; init; }
    public required int Year { get; init; }
    public required IReadOnlyList<StagePipelineCount> Stages { get; init; }
    public required int LateCount { get; init; }
    public required IReadOnlyList<PipelineRow> Late { get; init; }
    public required int DormantYears { get; init; }
    public required string DormantSource { get; init; }
    public required int WeakBranchCount { get; init; }
    public required IReadOnlyList<WeakBranchRow> WeakBranches { get; init; }
    public required int? Plan { get; init; }
    public required int Intake { get; init; }
    public required IReadOnlyList<IntakeRow> Children { get; init; }
}

public sealed record StepPersonView(StepPersonRole Role, long? MemberId, string Name);

public sealed record StepDocumentView(long Id, string FileName, string ContentType, long Length, DateTime UploadedAt);

public sealed record StepView
{
    public required long Id { get; init; }
    public required int Number { get; init; }
    public required DevelopmentEventKind Kind { get; init; }
    public required DateOnly Date { get; init; }
    public string? Notes { get; init; }
    public required bool Late { get; init; }
    public int? TrainingHours { get; init; }
    public int? TrainingDays { get; init; }
    public DateOnly? NoticeFrom { get; init; }
    public DateOnly? NoticeTo { get; init; }
    public required bool ApprovalExtended { get; init; }
    public int? ExtensionMonths { get; init; }
    public long? MeetingResolutionId { get; init; }
    public string? ResolutionSummary { get; init; }
    public required string RuleSetVersion { get; init; }
    public required string RecordedBy { get; init; }
    public required DateTime RecordedAt { get; init; }
    public required IReadOnlyList<StepPersonView> People { get; init; }
    public required IReadOnlyList<StepDocumentView> Documents { get; init; }
}

public sealed record RelativeView(long Id, long MemberId, string MemberName, string Relation);

/// <summary>A candidate's complete file (档案), printable as one document.</summary>
public sealed record CandidateFile
{
    public required long Id { get; init; }
    public required string Name { get; init; }
    public required Gender Gender { get; init; }
    public required DateOnly BirthDate { get; init; }
    public required string ResidentIdMasked { get; init; }
    public string? Occupation { get; init; }
    public required long OrganizationId { get; init; }
    public required string OrganizationName { get; init; }
    public required DateOnly AppliedOn { get; init; }
    public required int Stage { get; init; }
    public required int CurrentStep { get; init; }
    public required IReadOnlyList<int> NextSteps { get; init; }
    public required CandidateStatus Status { get; init; }
    public int? DueStep { get; init; }
    public DateOnly? DueOn { get; init; }
    public required bool Late { get; init; }
    public int? ProbationExtendedMonths { get; init; }
    public long? MemberId { get; init; }
    public required IReadOnlyList<StepView> Steps { get; init; }
    public required IReadOnlyList<RelativeView> Relatives { get; init; }
}

public static class DevelopmentQueries
{
    public const string AttachmentOwner = "DevelopmentStep";
    public const int ListLimit = 200;

    private static readonly int[] s_beforeUpperStep = DevelopmentRules.UpperCommitteeSteps.Select(s => s - 1).ToArray();

    /// <summary>The branch's pipeline board: everyone in progress, by stage and step, with what is due and late.</summary>
    public static async Task<IReadOnlyList<PipelineRow>> BoardAsync(BastionDb db, long organizationId, CancellationToken ct = default)
    {
        var today = Clock.Today(db.Time);
        var org = await db.Organizations.Where(o => o.Id == organizationId).Select(o => new { o.Path }).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException($"Organization {organizationId}");
        var hi = TreePath.UpperBound(org.Path);
        var rows = await Rows(db, today, db.Set<Candidate>().Where(c => c.Status == CandidateStatus.Active || c.Status == CandidateStatus.Admitted), org.Path, hi)
            .OrderBy(r => r.Stage).ThenBy(r => r.CurrentStep).ThenBy(r => r.Id).Take(ListLimit * 5).ToListAsync(ct);
        return rows.Select(Finish).ToList();
    }

    /// <summary>
    /// The upper level's approval queue: candidates of branches below the caller's organization whose next step
    /// belongs to the upper committee (④ ⑧ ⑬ ⑯ ⑰ ⑱ ㉔), oldest due first.
    /// </summary>
    public static async Task<IReadOnlyList<PipelineRow>> QueueAsync(BastionDb db, CancellationToken ct = default)
    {
        var today = Clock.Today(db.Time);
        var scope = db.Scope.Path;
        var before = s_beforeUpperStep;
        var rows = await Rows(db, today, db.Set<Candidate>().Where(c => (c.Status == CandidateStatus.Active || c.Status == CandidateStatus.Admitted)
                && before.Contains(c.CurrentStep)), scope, TreePath.UpperBound(scope), excludePath: scope)
            .OrderBy(r => r.DueOn == null).ThenBy(r => r.DueOn).ThenBy(r => r.LastDate).ThenBy(r => r.Id).Take(ListLimit).ToListAsync(ct);
        return rows.Select(Finish).ToList();
    }

    private static IQueryable<PipelineRow> Rows(BastionDb db, DateOnly today, IQueryable<Candidate> candidates, string lo, string hi, string? excludePath = null) =>
        from c in candidates
        join o in db.Organizations on c.OrganizationId equals o.Id
        where string.Compare(o.Path, lo) >= 0 && string.Compare(o.Path, hi) < 0 && o.Path != excludePath
        select new PipelineRow
        {
            Id = c.Id, Name = c.Name, OrganizationId = o.Id, OrganizationName = o.Name, Stage = c.Stage, CurrentStep = c.CurrentStep,
            NextSteps = Array.Empty<int>(), Status = c.Status, AppliedOn = c.AppliedOn, LastDate = c.LastDate, DueStep = c.DueStep, DueOn = c.DueOn,
            Late = c.DueOn != null && c.DueOn < today,
            HasLateStep = db.Set<DevelopmentStep>().Any(s => s.CandidateId == c.Id && s.Late),
            UpperCommitteeNext = false,
        };

    private static PipelineRow Finish(PipelineRow r)
    {
        var next = DevelopmentRules.NextSteps(r.CurrentStep);
        return r with { NextSteps = next, UpperCommitteeNext = next.Any(DevelopmentRules.IsUpperCommitteeStep) };
    }

    /// <summary>
    /// The subtree view in a fixed number of statements, whatever the size of the tree: candidates per stage, late
    /// steps, branches with members but no activist or development target for the rule's years, intake against plan.
    /// </summary>
    public static async Task<SubtreePipeline?> SubtreeAsync(BastionDb db, long organizationId, int? year = null, DevelopmentRuleCatalogue? catalogue = null, CancellationToken ct = default)
    {
        var today = Clock.Today(db.Time);
        var org = await db.Organizations.Where(o => o.Id == organizationId).Select(o => new { o.Id, o.Name, o.Path }).FirstOrDefaultAsync(ct);
        if (org is null) return null;
        var lo = org.Path;
        var hi = TreePath.UpperBound(org.Path);
        var y = year ?? today.Year;
        var rules = (catalogue ?? DevelopmentRuleCatalogue.Shipped).InForceOn(today);
        var inSubtree = db.Organizations.Where(o => string.Compare(o.Path, lo) >= 0 && string.Compare(o.Path, hi) < 0);
        var open = from c in db.Set<Candidate>()
                   join o in inSubtree on c.OrganizationId equals o.Id
                   where c.Status == CandidateStatus.Active || c.Status == CandidateStatus.Admitted
                   select c;

        var stages = await open.GroupBy(c => c.Stage).Select(g => new StagePipelineCount(g.Key, g.Count())).ToListAsync(ct);
        var lateQuery = Rows(db, today, db.Set<Candidate>().Where(c => (c.Status == CandidateStatus.Active || c.Status == CandidateStatus.Admitted)
            && c.DueOn != null && c.DueOn < today), lo, hi);
        var lateCount = await lateQuery.CountAsync(ct);
        var late = await lateQuery.OrderBy(r => r.DueOn).ThenBy(r => r.Id).Take(ListLimit).ToListAsync(ct);

        var subtreeIds = inSubtree.Select(o => o.Id);
        var weak = DormantBranches(db, inSubtree, today, rules.DormantBranchYears.Value);
        var weakCount = await weak.CountAsync(ct);
        var memberCounts = db.Members.Where(m => m.Status == MemberStatus.Active && subtreeIds.Contains(m.OrganizationId)).GroupBy(m => m.OrganizationId).Select(g => new { Id = g.Key, Count = g.Count() });
        var weakRows = await (from b in weak
                              join c in memberCounts on b.Id equals c.Id
                              orderby b.Name, b.Id
                              select new { b.Id, b.Name, c.Count }).Take(ListLimit)
            .Select(w => new WeakBranchRow(w.Id, w.Name, w.Count)).ToListAsync(ct);

        var from = new DateOnly(y, 1, 1);
        var to = from.AddYears(1);
        var admissions = db.Set<DevelopmentStep>().Where(s => s.Kind == DevelopmentEventKind.Step && s.Number == DevelopmentRules.ApprovalStep && s.Date >= from && s.Date < to);
        var intake = await admissions.CountAsync(s => inSubtree.Any(o => o.Id == s.OrganizationId), ct);
        var plan = await db.Set<DevelopmentPlan>().Where(p => p.OrganizationId == org.Id && p.Year == y).Select(p => (int?)p.Target).FirstOrDefaultAsync(ct);
        var children = await db.Organizations.Where(c => c.ParentId == org.Id).OrderBy(c => c.Name).ThenBy(c => c.Id)
            .Select(c => new IntakeRow(c.Id, c.Name,
                db.Set<DevelopmentPlan>().Where(p => p.OrganizationId == c.Id && p.Year == y).Select(p => (int?)p.Target).FirstOrDefault(),
                admissions.Count(s => db.Organizations.Any(o => o.Id == s.OrganizationId
                    && string.Compare(o.Path, c.Path) >= 0 && string.Compare(o.Path, c.Path + "~") < 0))))
            .ToListAsync(ct);

        return new SubtreePipeline
        {
            OrganizationId = org.Id, OrganizationName = org.Name, Today = today, Year = y,
            Stages = Enumerable.Range(1, 5).Select(s => new StagePipelineCount(s, stages.FirstOrDefault(x => x.Stage == s)?.Count ?? 0)).ToList(),
            LateCount = lateCount, Late = late.Select(Finish).ToList(),
            DormantYears = rules.DormantBranchYears.Value, DormantSource = DevelopmentRules.Cite(rules, rules.DormantBranchYears),
            WeakBranchCount = weakCount, WeakBranches = weakRows, Plan = plan, Intake = intake, Children = children,
        };
    }

    /// <summary>
    /// Active branches of <paramref name="organizations"/> with active members but no activist or development target in
    /// the <paramref name="years"/> before <paramref name="asOf"/>: nobody made an activist (③) on or before that day who had
    /// not been admitted (⑰), cancelled or withdrawn before the window began. Written as IN / NOT IN over uncorrelated
    /// subqueries limited to <paramref name="organizations"/>, so both databases hash them once instead of probing per branch.
    /// </summary>
    public static IQueryable<Organization> DormantBranches(BastionDb db, IQueryable<Organization> organizations, DateOnly asOf, int years)
    {
        var cutoff = asOf.AddYears(-years);
        var steps = db.Set<DevelopmentStep>();
        var ids = organizations.Select(o => o.Id);
        var withMembers = db.Members.Where(m => m.Status == MemberStatus.Active && ids.Contains(m.OrganizationId)).Select(m => m.OrganizationId);
        var leftBeforeWindow = steps.Where(e => e.Date < cutoff && ((e.Kind == DevelopmentEventKind.Step && e.Number == DevelopmentRules.ApprovalStep)
                                                                   || e.Kind == DevelopmentEventKind.Cancelled || e.Kind == DevelopmentEventKind.Withdrawn))
            .Select(e => e.CandidateId);
        var developing = steps.Where(a => a.Kind == DevelopmentEventKind.Step && a.Number == DevelopmentRules.ActivistStep && a.Date <= asOf
                                          && ids.Contains(a.OrganizationId) && !leftBeforeWindow.Contains(a.CandidateId))
            .Select(a => a.OrganizationId);
        return organizations.Where(b => (b.Kind == OrganizationKind.Branch || b.Kind == OrganizationKind.JointBranch) && b.Status == OrganizationStatus.Active
                                        && withMembers.Contains(b.Id) && !developing.Contains(b.Id));
    }

    /// <summary>A candidate's complete file: every step with its people, documents, votes and rule-set version.</summary>
    public static async Task<CandidateFile?> FileAsync(BastionDb db, long candidateId, CancellationToken ct = default)
    {
        var today = Clock.Today(db.Time);
        var c = await (from x in db.Set<Candidate>()
                       join o in db.Organizations on x.OrganizationId equals o.Id
                       where x.Id == candidateId
                       select new { x, OrganizationName = o.Name }).FirstOrDefaultAsync(ct);
        if (c is null) return null;
        var steps = await (from s in db.Set<DevelopmentStep>()
                           where s.CandidateId == candidateId
                           join r in db.Set<Meetings.MeetingResolution>() on s.MeetingResolutionId equals r.Id into rs
                           from r in rs.DefaultIfEmpty()
                           orderby s.Date, s.Id
                           select new { s, r }).ToListAsync(ct);
        var people = await db.Set<StepPerson>().Where(p => p.CandidateId == candidateId).OrderBy(p => p.Id).ToListAsync(ct);
        var stepIds = steps.Select(s => s.s.Id).ToList();
        var documents = await db.Set<Attachment>().Where(a => a.OwnerType == AttachmentOwner && stepIds.Contains(a.OwnerId)).OrderBy(a => a.Id).ToListAsync(ct);
        var relatives = await (from r in db.Set<CandidateRelative>()
                               join m in db.Members on r.MemberId equals m.Id
                               where r.CandidateId == candidateId
                               select new RelativeView(r.Id, r.MemberId, m.Name, r.Relation)).ToListAsync(ct);
        var cand = c.x;
        return new CandidateFile
        {
            Id = cand.Id, Name = cand.Name, Gender = cand.Gender, BirthDate = cand.BirthDate, ResidentIdMasked = cand.ResidentIdMasked, Occupation = cand.Occupation,
            OrganizationId = cand.OrganizationId, OrganizationName = c.OrganizationName, AppliedOn = cand.AppliedOn, Stage = cand.Stage, CurrentStep = cand.CurrentStep,
            NextSteps = cand.Status is CandidateStatus.Active or CandidateStatus.Admitted ? DevelopmentRules.NextSteps(cand.CurrentStep) : [],
            Status = cand.Status, DueStep = cand.DueStep, DueOn = cand.DueOn, Late = cand.DueOn < today, ProbationExtendedMonths = cand.ProbationExtendedMonths, MemberId = cand.MemberId,
            Relatives = relatives,
            Steps = steps.Select(t => new StepView
            {
                Id = t.s.Id, Number = t.s.Number, Kind = t.s.Kind, Date = t.s.Date, Notes = t.s.Notes, Late = t.s.Late,
                TrainingHours = t.s.TrainingHours, TrainingDays = t.s.TrainingDays, NoticeFrom = t.s.NoticeFrom, NoticeTo = t.s.NoticeTo,
                ApprovalExtended = t.s.ApprovalExtended, ExtensionMonths = t.s.ExtensionMonths, MeetingResolutionId = t.s.MeetingResolutionId,
                ResolutionSummary = t.r is null ? null : $"{t.r.Title}: {t.r.Yes}/{t.r.No}/{t.r.Abstain} · {t.r.Present}/{t.r.ShouldAttend} · {t.r.RuleSetVersion}",
                RuleSetVersion = t.s.RuleSetVersion, RecordedBy = t.s.RecordedBy, RecordedAt = t.s.RecordedAt,
                People = people.Where(p => p.StepId == t.s.Id).Select(p => new StepPersonView(p.Role, p.MemberId, p.Name)).ToList(),
                Documents = documents.Where(d => d.OwnerId == t.s.Id).Select(d => new StepDocumentView(d.Id, d.FileName, d.ContentType, d.Length, d.UploadedAt)).ToList(),
            }).ToList(),
        };
    }
}
