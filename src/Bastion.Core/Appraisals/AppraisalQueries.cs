using Bastion.Compliance;
using Bastion.Data;
using Bastion.Members;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Appraisals;

public sealed record AppraisalSummary(long Id, long OrganizationId, int Year, AppraisalStatus Status, DateOnly OpenedOn, DateOnly? ClosedOn,
    int Participants, int FullMembers, int Graded, int Excellent);

/// <summary>Peer grades received, per grade.</summary>
public sealed record VoteTally(int Excellent, int Qualified, int BasicallyQualified, int Unqualified)
{
    public int Total => Excellent + Qualified + BasicallyQualified + Unqualified;
}

public sealed record AppraisalEntryView(long MemberId, string MemberName, MemberCategory Category, string? SelfAssessment,
    AppraisalGrade? Grade, DateOnly? GradedOn, VoteTally Votes);

public sealed record AppraisalDetail(long Id, long OrganizationId, string OrganizationName, int Year, AppraisalStatus Status,
    DateOnly OpenedOn, DateOnly? ClosedOn, string RuleSetVersion, int Graded, int Excellent, int MaxExcellent, IReadOnlyList<AppraisalEntryView> Entries);

/// <summary>One year of a member's appraisal history; <see cref="Grade"/> is null for a probationary year or while undecided.</summary>
public sealed record AppraisalHistoryItem(long RoundId, int Year, long OrganizationId, string OrganizationName, AppraisalStatus Status,
    MemberCategory Category, AppraisalGrade? Grade, string? SelfAssessment);

public static class AppraisalQueries
{
    /// <summary>The branch's rounds, newest first; null when the organization is missing or out of scope.</summary>
    public static async Task<IReadOnlyList<AppraisalSummary>?> ForOrganizationAsync(BastionDb db, long organizationId, CancellationToken ct = default)
    {
        if (!await db.Organizations.AnyAsync(o => o.Id == organizationId, ct)) return null;
        var entries = db.Set<AppraisalEntry>();
        return await db.Set<AppraisalRound>().AsNoTracking().Where(r => r.OrganizationId == organizationId).OrderByDescending(r => r.Year)
            .Select(r => new AppraisalSummary(r.Id, r.OrganizationId, r.Year, r.Status, r.OpenedOn, r.ClosedOn,
                entries.Count(e => e.RoundId == r.Id),
                entries.Count(e => e.RoundId == r.Id && e.Category == MemberCategory.Full),
                entries.Count(e => e.RoundId == r.Id && e.Grade != null),
                entries.Count(e => e.RoundId == r.Id && e.Grade == AppraisalGrade.Excellent)))
            .ToListAsync(ct);
    }

    /// <summary>A round with every participant, their self-assessment, peer votes and grade; null when missing or out of scope.</summary>
    public static async Task<AppraisalDetail?> GetAsync(BastionDb db, long roundId, CancellationToken ct = default)
    {
        var round = await db.Set<AppraisalRound>().AsNoTracking().Where(r => r.Id == roundId)
            .Select(r => new { Round = r, OrganizationName = db.Organizations.Where(o => o.Id == r.OrganizationId).Select(o => o.Name).First() })
            .FirstOrDefaultAsync(ct);
        if (round is null) return null;
        var entries = await (
                from e in db.Set<AppraisalEntry>().AsNoTracking()
                join m in db.Members on e.MemberId equals m.Id
                where e.RoundId == roundId
                orderby e.Category, m.Name, m.Id
                select new { e.Id, e.MemberId, m.Name, e.Category, e.SelfAssessment, e.Grade, e.GradedOn })
            .ToListAsync(ct);
        var votes = await db.Set<AppraisalVote>().AsNoTracking().Where(v => v.RoundId == roundId)
            .GroupBy(v => new { v.EntryId, v.Grade }).Select(g => new { g.Key.EntryId, g.Key.Grade, Count = g.Count() })
            .ToListAsync(ct);
        int Count(long entryId, AppraisalGrade grade) => votes.FirstOrDefault(v => v.EntryId == entryId && v.Grade == grade)?.Count ?? 0;
        var views = entries.Select(e => new AppraisalEntryView(e.MemberId, e.Name, e.Category, e.SelfAssessment, e.Grade, e.GradedOn,
            new VoteTally(Count(e.Id, AppraisalGrade.Excellent), Count(e.Id, AppraisalGrade.Qualified), Count(e.Id, AppraisalGrade.BasicallyQualified), Count(e.Id, AppraisalGrade.Unqualified))))
            .ToList();
        var graded = views.Count(v => v.Grade is not null);
        var r = round.Round;
        return new AppraisalDetail(r.Id, r.OrganizationId, round.OrganizationName, r.Year, r.Status, r.OpenedOn, r.ClosedOn, r.RuleSetVersion,
            graded, views.Count(v => v.Grade == AppraisalGrade.Excellent),
            AppraisalRules.MaxExcellent(views.Count(v => v.Category == MemberCategory.Full), OrganizationalLifeRuleSet.Load().Appraisal),
            views);
    }

    /// <summary>A member's appraisals year by year, newest first; null when the member is missing or out of scope.</summary>
    public static async Task<IReadOnlyList<AppraisalHistoryItem>?> HistoryAsync(BastionDb db, long memberId, CancellationToken ct = default)
    {
        if (!await db.Members.AnyAsync(m => m.Id == memberId, ct)) return null;
        return await (
                from e in db.Set<AppraisalEntry>().AsNoTracking()
                join r in db.Set<AppraisalRound>() on e.RoundId equals r.Id
                join o in db.Organizations on r.OrganizationId equals o.Id
                where e.MemberId == memberId
                orderby r.Year descending
                select new AppraisalHistoryItem(r.Id, r.Year, o.Id, o.Name, r.Status, e.Category, e.Grade, e.SelfAssessment))
            .ToListAsync(ct);
    }
}

/// <summary>An open round seen by one participant: their self-assessment and the grade they gave each peer so far.</summary>
public sealed record MyAppraisal(long RoundId, int Year, string OrganizationName, MemberCategory Category, string? SelfAssessment, IReadOnlyList<MyPeerVote> Peers);

public sealed record MyPeerVote(long MemberId, string MemberName, AppraisalGrade? MyGrade);

public static class MyAppraisalQueries
{
    /// <summary>The open rounds <paramref name="memberId"/> takes part in, with the full members they may assess: three queries.</summary>
    public static async Task<IReadOnlyList<MyAppraisal>> OpenAsync(BastionDb db, long memberId, CancellationToken ct = default)
    {
        var mine = await (
                from e in db.Set<AppraisalEntry>().AsNoTracking()
                join r in db.Set<AppraisalRound>() on e.RoundId equals r.Id
                join o in db.Organizations on r.OrganizationId equals o.Id
                where e.MemberId == memberId && r.Status == AppraisalStatus.Open
                orderby r.Year descending
                select new { r.Id, r.Year, o.Name, e.Category, e.SelfAssessment })
            .ToListAsync(ct);
        var roundIds = mine.Select(m => m.Id).ToList();
        var peers = await (
                from e in db.Set<AppraisalEntry>().AsNoTracking()
                join m in db.Members on e.MemberId equals m.Id
                where roundIds.Contains(e.RoundId) && e.MemberId != memberId && e.Category == MemberCategory.Full
                orderby m.Name, m.Id
                select new { e.RoundId, EntryId = e.Id, e.MemberId, m.Name })
            .ToListAsync(ct);
        var votes = await db.Set<AppraisalVote>().AsNoTracking()
            .Where(v => roundIds.Contains(v.RoundId) && v.VoterMemberId == memberId)
            .Select(v => new { v.EntryId, v.Grade }).ToDictionaryAsync(v => v.EntryId, v => v.Grade, ct);
        return mine.Select(m => new MyAppraisal(m.Id, m.Year, m.Name, m.Category, m.SelfAssessment,
                peers.Where(p => p.RoundId == m.Id).Select(p => new MyPeerVote(p.MemberId, p.Name, votes.TryGetValue(p.EntryId, out var g) ? g : null)).ToList()))
            .ToList();
    }
}
