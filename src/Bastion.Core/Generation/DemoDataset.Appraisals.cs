using Bastion.Appraisals;
using Bastion.Compliance;
using Bastion.Data;
using Bastion.Members;
using Bastion.Organizations;

namespace Bastion.Generation;

/// <summary>Democratic appraisals (民主评议党员) in the first demo county: last year's, closed, and this year's in a few branches.</summary>
public sealed partial class DemoDataset
{
    /// <summary>One branch's generated appraisal; entries carry no ids (the database assigns them when loading).</summary>
    public sealed record DemoAppraisal(AppraisalRound Round, List<AppraisalEntry> Entries);

    public List<DemoAppraisal> Appraisals { get; private set; } = [];

    private static readonly string[] SelfAssessments =
    [
        "坚持学习党的理论，按时参加组织生活和“三会一课”，按月交纳党费；不足是联系群众还不够经常。",
        "认真完成岗位工作，积极参加志愿服务；理论学习深度不够，今后加强自学。",
        "严格遵守党的纪律，带头落实支部安排的各项任务；批评与自我批评开展得还不够充分。",
        "主动联系服务群众，参与网格走访；业务能力有待提高，今后多向先进党员学习。",
    ];

    /// <summary>
    /// For every active branch of <see cref="FirstCounty"/>: last year's appraisal, closed, every full member graded
    /// (at most a third 优秀, a few 基本合格), probationary members without a grade; and for the first few branches this
    /// year's, still open, with some self-assessments written. Deterministic, with its own random sequence. Call after
    /// <see cref="Build"/>'s members exist.
    /// </summary>
    public List<DemoAppraisal> BuildAppraisals(int seed)
    {
        var random = new Random(seed * 7919 + 4);
        var rule = OrganizationalLifeRuleSet.Load();
        var branches = Organizations.Where(o => TreePath.Contains(FirstCounty.Path, o.Path) && ComplianceCalculator.IsBranch(o.Kind) && o.Status == OrganizationStatus.Active).ToList();
        var members = Members.Where(m => m.Status == MemberStatus.Active).ToLookup(m => m.OrganizationId);
        var result = new List<DemoAppraisal>();
        foreach (var (branch, index) in branches.Select((b, i) => (b, i)))
        {
            var roster = members[branch.Id].ToList();
            if (roster.Count == 0) continue;
            var lastYear = new AppraisalRound
            {
                OrganizationId = branch.Id, RegionId = branch.RegionId, Year = _today.Year - 1, Status = AppraisalStatus.Closed,
                OpenedOn = new DateOnly(_today.Year - 1, 12, 1), ClosedOn = new DateOnly(_today.Year - 1, 12, 28), RuleSetVersion = rule.Version, CreatedAt = _now,
            };
            var full = roster.Count(m => m.Category == MemberCategory.Full);
            var excellentLeft = AppraisalRules.MaxExcellent(full, rule.Appraisal) - random.Next(0, 2);
            var entries = roster.Select(m =>
            {
                AppraisalGrade? grade = null;
                if (AppraisalRules.MayBeGraded(m.Category))
                {
                    var draw = random.NextDouble();
                    grade = draw < 0.28 && excellentLeft-- > 0 ? AppraisalGrade.Excellent : draw > 0.97 ? AppraisalGrade.BasicallyQualified : AppraisalGrade.Qualified;
                }
                return new AppraisalEntry
                {
                    OrganizationId = branch.Id, MemberId = m.Id, Category = m.Category, Grade = grade, GradedOn = grade is null ? null : lastYear.ClosedOn,
                    SelfAssessment = SelfAssessments[random.Next(SelfAssessments.Length)], SelfAssessedAt = _now.AddDays(-_today.DayOfYear - 20),
                };
            }).ToList();
            result.Add(new DemoAppraisal(lastYear, entries));

            if (index >= 5) continue;
            var thisYear = new AppraisalRound
            {
                OrganizationId = branch.Id, RegionId = branch.RegionId, Year = _today.Year, Status = AppraisalStatus.Open,
                OpenedOn = _today.AddDays(-10), RuleSetVersion = rule.Version, CreatedAt = _now,
            };
            result.Add(new DemoAppraisal(thisYear, roster.Select(m => new AppraisalEntry
            {
                OrganizationId = branch.Id, MemberId = m.Id, Category = m.Category,
                SelfAssessment = random.NextDouble() < 0.5 ? SelfAssessments[random.Next(SelfAssessments.Length)] : null,
                SelfAssessedAt = null,
            }).ToList()));
        }
        return result;
    }

    /// <summary>Inserts <see cref="Appraisals"/>: rounds first (the database gives their ids), then their entries.</summary>
    public async Task LoadAppraisalsAsync(BastionDb db, CancellationToken ct = default)
    {
        foreach (var chunk in Appraisals.Chunk(DemoLoader.BatchSize))
        {
            db.AddRange(chunk.Select(a => a.Round));
            await db.SaveChangesAsync(ct);
            foreach (var a in chunk)
                foreach (var e in a.Entries)
                {
                    e.RoundId = a.Round.Id;
                    if (e.SelfAssessment is not null) e.SelfAssessedAt ??= a.Round.CreatedAt;
                    db.Add(e);
                }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
    }
}
