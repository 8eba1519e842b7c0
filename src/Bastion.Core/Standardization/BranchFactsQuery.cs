using Bastion.Compliance;
using Bastion.Data;
using Bastion.Development;
using Bastion.Dues;
using Bastion.Meetings;
using Bastion.Members;
using Bastion.Organizations;
using Bastion.Positions;
using Bastion.Strength;
using Bastion.Study;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Standardization;

/// <summary>The facts of one branch with its name, as the checks read them.</summary>
public sealed record AssessedBranch(long Id, string Name, BranchFacts Facts);

/// <summary>
/// Reads what the automatic checks need for every active branch (支部, 联合支部) of a subtree, set-based: a fixed number
/// of statements whatever the subtree's size. A branch's figures include its party groups. Where the strength index has
/// assessed the year (a yearly run), its stored figures for 三会一课, study hours and dues are used, so both modules agree;
/// otherwise the figures are computed here from the modules' records.
/// </summary>
public static class BranchFactsQuery
{
    public static async Task<IReadOnlyList<AssessedBranch>> ForSubtreeAsync(BastionDb db, string rootPath, int year, DateOnly asOf, CancellationToken ct = default)
    {
        var subtree = OrganizationQueries.InSubtree(db, rootPath).Where(o => o.Status == OrganizationStatus.Active);
        var orgs = await subtree.AsNoTracking()
            .Where(o => o.Kind == OrganizationKind.Branch || o.Kind == OrganizationKind.JointBranch || o.Kind == OrganizationKind.Group)
            .Select(o => new { o.Id, o.Name, o.ParentId, o.Kind, o.UnitType, o.TermStartedOn, o.TermYears, o.Path })
            .ToListAsync(ct);
        var branches = orgs.Where(o => o.Kind != OrganizationKind.Group).OrderBy(o => o.Path, StringComparer.Ordinal).ToList();
        if (branches.Count == 0) return [];
        var branchIds = branches.Select(b => b.Id).ToHashSet();
        // Each row's branch: the branch itself, or a group's parent branch.
        var owner = new Dictionary<long, long>();
        foreach (var o in orgs)
        {
            if (o.Kind != OrganizationKind.Group) owner[o.Id] = o.Id;
            else if (o.ParentId is { } p && branchIds.Contains(p)) owner[o.Id] = p;
        }
        long? Owner(long organizationId) => owner.TryGetValue(organizationId, out var b) ? b : null;

        var yearStart = new DateOnly(year, 1, 1);

        // Committee posts held on the as-of day.
        var posts = await (from p in db.Set<Position>()
                           join o in subtree on p.OrganizationId equals o.Id
                           where p.StartedOn <= asOf && (p.EndedOn == null || p.EndedOn >= asOf) && p.Role != PositionRole.GroupLeader
                           select new { p.OrganizationId, p.MemberId, p.Role }).ToListAsync(ct);

        // 正式党员 on the as-of day, per organization.
        var full = await (from m in db.Members
                          join o in subtree on m.OrganizationId equals o.Id
                          where m.Status == MemberStatus.Active && m.JoinedOn <= asOf
                                && (m.FullOn != null ? m.FullOn <= asOf : m.Category == MemberCategory.Full)
                          group m by m.OrganizationId into g
                          select new { OrganizationId = g.Key, Count = g.Count() }).ToListAsync(ct);

        // 三会一课 over the year (the compliance engine, its own fixed number of statements).
        var compliance = await ComplianceQueries.ComputeAsync(db, rootPath, yearStart, new DateOnly(year, 12, 31), OrganizationalLifeRuleSet.Load(), ct);
        var complianceById = compliance.Nodes.ToDictionary(n => n.Id, n => n.Subtree);

        var lastMeetings = await (from m in db.Set<Meeting>()
                                  join o in subtree on m.OrganizationId equals o.Id
                                  where m.Status == MeetingStatus.Held && m.HeldOn != null && m.HeldOn <= asOf
                                  group m by m.OrganizationId into g
                                  select new { OrganizationId = g.Key, Last = g.Max(m => m.HeldOn!.Value) }).ToListAsync(ct);

        // Study hours of the year per member (counted study and training attendance), members who had joined by the as-of day.
        var hours = db.Set<StudyRecord>().Where(r => r.Year == year && r.Counted).Select(r => new { r.MemberId, r.Hours })
            .Concat(db.Set<TrainingAttendance>().Where(a => a.Year == year).Select(a => new { a.MemberId, a.Hours }))
            .GroupBy(x => x.MemberId).Select(g => new { MemberId = g.Key, Hours = g.Sum(x => x.Hours) });
        var study = await (from m in db.Members
                           join o in subtree on m.OrganizationId equals o.Id
                           where m.Status == MemberStatus.Active && m.JoinedOn <= asOf
                           join h in hours on m.Id equals h.MemberId into hj
                           from h in hj.DefaultIfEmpty()
                           select new { m.Id, m.OrganizationId, Hours = (double?)h.Hours ?? 0.0 }).ToListAsync(ct);

        // Dues: the complete months of the year up to the as-of day, and each member's distinct paid months among them.
        var months = CompleteMonths(year, asOf);
        var firstMonth = yearStart;
        var lastMonth = months == 0 ? yearStart : new DateOnly(year, months, 1);
        var dues = months == 0 ? [] : await (from m in db.Members
                                             join o in subtree on m.OrganizationId equals o.Id
                                             where m.Status == MemberStatus.Active && m.JoinedOn < yearStart
                                             select new
                                             {
                                                 m.OrganizationId,
                                                 Paid = db.Set<DuesPayment>().Where(p => p.MemberId == m.Id && p.Month >= firstMonth && p.Month <= lastMonth)
                                                     .Select(p => p.Month).Distinct().Count(),
                                             }).ToListAsync(ct);

        var candidates = await (from c in db.Set<Candidate>()
                                join o in subtree on c.OrganizationId equals o.Id
                                where c.AppliedOn <= asOf && (c.Status == CandidateStatus.Active || c.LastDate >= yearStart)
                                group c by c.OrganizationId into g
                                select new { OrganizationId = g.Key, Count = g.Count() }).ToListAsync(ct);

        // The strength snapshot of the year, where the index assessed it.
        var label = year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        string[] codes = ["organizational-life", "study-hours", "dues-paid"];
        var snapshot = await (from v in db.Set<IndicatorValue>()
                              join r in db.Set<AssessmentRun>() on v.RunId equals r.Id
                              join o in subtree on v.OrganizationId equals o.Id
                              where r.Period == label && codes.Contains(v.Code)
                              select new { v.OrganizationId, v.Code, v.Numerator, v.Denominator }).ToListAsync(ct);
        var fromSnapshot = snapshot.Where(s => s.Denominator > 0).ToDictionary(s => (s.OrganizationId, s.Code), s => new Share(s.Numerator, s.Denominator, "strength:" + label));

        var rules = StudyRuleSet.Load();
        var share = YearShare(year, asOf);
        var leaders = posts.Select(p => p.MemberId).ToHashSet();

        var result = new List<AssessedBranch>(branches.Count);
        var postsBy = posts.Where(p => branchIds.Contains(p.OrganizationId)).ToLookup(p => p.OrganizationId);
        var fullBy = Sum(full.Select(x => (Owner(x.OrganizationId), x.Count)));
        var lastBy = lastMeetings.Select(x => (Branch: Owner(x.OrganizationId), x.Last)).Where(x => x.Branch is not null)
            .GroupBy(x => x.Branch!.Value).ToDictionary(g => g.Key, g => g.Max(x => x.Last));
        var studyBy = study.Select(x => (Branch: Owner(x.OrganizationId), OnTrack: x.Hours >= rules.TargetHours(leaders.Contains(x.Id)) * share - 1e-9))
            .Where(x => x.Branch is not null).GroupBy(x => x.Branch!.Value)
            .ToDictionary(g => g.Key, g => new Share(g.Count(x => x.OnTrack), g.Count(), StandardizationRules.Records));
        var duesBy = dues.Select(x => (Branch: Owner(x.OrganizationId), PaidUp: x.Paid >= months))
            .Where(x => x.Branch is not null).GroupBy(x => x.Branch!.Value)
            .ToDictionary(g => g.Key, g => new Share(g.Count(x => x.PaidUp), g.Count(), StandardizationRules.Records));
        var candidatesBy = Sum(candidates.Select(x => (Owner(x.OrganizationId), x.Count)));

        foreach (var b in branches)
        {
            var own = postsBy[b.Id].ToList();
            var years = CommitteeTerm.EffectiveYears(b.Kind, b.UnitType, b.TermYears);
            Share? life = complianceById.TryGetValue(b.Id, out var tally) && tally.Due > 0 ? new Share(tally.Met, tally.Due, StandardizationRules.Records) : null;
            result.Add(new AssessedBranch(b.Id, b.Name, new BranchFacts
            {
                OrganizationId = b.Id, AsOf = asOf,
                SecretaryInPost = own.Any(p => p.Role == PositionRole.Secretary),
                CommitteeSize = own.Select(p => p.MemberId).Distinct().Count(),
                FullMembers = fullBy.GetValueOrDefault(b.Id),
                ElectionDueOn = CommitteeTerm.NextElectionOn(b.TermStartedOn, years),
                OrganizationalLife = fromSnapshot.GetValueOrDefault((b.Id, "organizational-life")) ?? life,
                LastActivityOn = lastBy.TryGetValue(b.Id, out var last) ? last : null,
                StudyHours = fromSnapshot.GetValueOrDefault((b.Id, "study-hours")) ?? studyBy.GetValueOrDefault(b.Id),
                DuesPaid = fromSnapshot.GetValueOrDefault((b.Id, "dues-paid")) ?? duesBy.GetValueOrDefault(b.Id),
                Candidates = candidatesBy.GetValueOrDefault(b.Id),
            }));
        }
        return result;
    }

    /// <summary>The months of <paramref name="year"/> that are complete on <paramref name="asOf"/> (December 31: all 12).</summary>
    public static int CompleteMonths(int year, DateOnly asOf)
    {
        if (asOf.Year > year) return 12;
        if (asOf.Year < year) return 0;
        var lastDay = asOf.Day == DateTime.DaysInMonth(asOf.Year, asOf.Month);
        return asOf.Month - (lastDay ? 0 : 1);
    }

    /// <summary>The share of the year gone on <paramref name="asOf"/> (1 for a past year), the pace the study hours are held to.</summary>
    public static double YearShare(int year, DateOnly asOf) =>
        asOf.Year > year ? 1.0 : asOf.Year < year ? 0.0
        : (asOf.DayNumber - new DateOnly(year, 1, 1).DayNumber + 1) / (double)(DateTime.IsLeapYear(year) ? 366 : 365);

    private static Dictionary<long, int> Sum(IEnumerable<(long? Branch, int Count)> rows) =>
        rows.Where(r => r.Branch is not null).GroupBy(r => r.Branch!.Value).ToDictionary(g => g.Key, g => g.Sum(r => r.Count));
}
