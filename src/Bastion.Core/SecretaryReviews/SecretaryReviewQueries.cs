using Bastion.Attachments;
using Bastion.Data;
using Bastion.Organizations;
using Bastion.Positions;
using Bastion.Shared;
using Bastion.Strength;
using Microsoft.EntityFrameworkCore;

namespace Bastion.SecretaryReviews;

public sealed record RoundSummary(long Id, long OrganizationId, string OrganizationName, int Year, ReviewStatus Status, DateOnly OpenedOn, DateOnly? ClosedOn,
    int Reports, int Submitted, int Reviewers, int Ratings);

public sealed record ReviewerView(long UserId, string UserName, string DisplayName, int Rated);

/// <summary>The frozen index copy; <see cref="Period"/> null means there was no assessment (or nothing was submitted yet).</summary>
public sealed record IndexCopy(bool Attached, string? Period, DateOnly? AsOf, double? Total, double? Political, double? Development, double? Cohesion, double? Renewal,
    int? SiblingRank, int? Siblings, int? SubtreeWarnings)
{
    public bool HasAssessment => Period is not null;
}

public sealed record ReportRow(long ReportId, long OrganizationId, string OrganizationName, OrganizationKind Kind, long? SecretaryMemberId, string? SecretaryName,
    DateTime? SubmittedAt, int Ratings, IndexCopy Index, int Warnings, ReviewOutcome? Outcome, ReviewGrade? Grade, double? Score, RatingTally Tally, long RoundId);

public sealed record RoundDetail(long Id, long OrganizationId, string OrganizationName, int Year, ReviewStatus Status, DateOnly OpenedOn, DateOnly? ClosedOn,
    string RuleSetVersion, int RatingsNeeded, IReadOnlyList<ReviewerView> Reviewers, IReadOnlyList<ReportRow> Reports, GradeCounts Counts);

public sealed record GradeCounts(int Good, int FairlyGood, int Average, int Poor, int NotReported)
{
    public int Total => Good + FairlyGood + Average + Poor + NotReported;
}

public sealed record WarningCopy(string Code, string Name, string NameEn, WarningSeverity Severity, WeakSituation Situation, double Measure, double Threshold, DateOnly? Since);

public sealed record RatingView(long ReviewerUserId, string ReviewerName, ReviewGrade Grade, string? Comment, DateTime RatedAt);

public sealed record AttachmentView(long Id, string FileName, string ContentType, long Length);

/// <summary>Who is looking at a report, which decides what they see.</summary>
public enum ReportViewer
{
    /// <summary>The organizing committee: everything, ratings and comments included.</summary>
    Organizer = 1,
    /// <summary>The secretary: the own report and, once closed, the final grade.</summary>
    Secretary = 2,
    /// <summary>A reviewer: the report, its index and warnings, and their own rating.</summary>
    Reviewer = 3,
}

public sealed record ReportDetail(long ReportId, long RoundId, int Year, ReviewStatus RoundStatus, string OrganizerName, long OrganizationId, string OrganizationName,
    long? SecretaryMemberId, string? SecretaryName, string? Text, DateTime? SubmittedAt, DateTime? RevisedAt, IndexCopy Index, IReadOnlyList<WarningCopy> Warnings,
    IReadOnlyList<AttachmentView> Attachments, ReportViewer Viewer, bool MaySubmit, bool MayRate, RatingView? MyRating,
    ReviewOutcome? Outcome, ReviewGrade? Grade, double? Score, RatingTally? Tally, IReadOnlyList<RatingView> Ratings);

/// <summary>A report the signed-in secretary writes or wrote.</summary>
public sealed record MyReport(long ReportId, long RoundId, int Year, ReviewStatus Status, string OrganizerName, long OrganizationId, string OrganizationName,
    DateTime? SubmittedAt, ReviewOutcome? Outcome, ReviewGrade? Grade);

/// <summary>A round the signed-in user reviews, with what they must rate.</summary>
public sealed record RoundToRate(long RoundId, int Year, ReviewStatus Status, string OrganizerName, IReadOnlyList<ReportToRate> Reports)
{
    public int Rated => Reports.Count(r => r.MyGrade is not null);
    public int Submitted => Reports.Count(r => r.SubmittedAt is not null);
}

public sealed record ReportToRate(long ReportId, string OrganizationName, string? SecretaryName, DateTime? SubmittedAt, IndexCopy Index, int Warnings,
    ReviewGrade? MyGrade, string? MyComment);

public sealed record ResultRow(long ReportId, long RoundId, int Year, string OrganizerName, long OrganizationId, string OrganizationName, string? SecretaryName,
    ReviewOutcome? Outcome, ReviewGrade? Grade, double? Score, int Ratings, IndexCopy Index, int Warnings, string WarningNames);

public sealed record SubtreeResults(long OrganizationId, string OrganizationName, int Year, GradeCounts Counts, Page<ResultRow> Rows);

/// <summary>Reads of the secretaries' review. Managers read through the data scope; secretaries and reviewers by their part in a round.</summary>
public static class SecretaryReviewQueries
{
    /// <summary>Rounds organized in the subtree of <paramref name="organizationId"/> (or the whole scope), newest year first: one query.</summary>
    public static async Task<IReadOnlyList<RoundSummary>?> RoundsAsync(BastionDb db, long? organizationId, CancellationToken ct = default)
    {
        var rounds = db.Set<SecretaryReviewRound>().AsNoTracking();
        if (organizationId is { } id)
        {
            var path = await db.Organizations.Where(o => o.Id == id).Select(o => o.Path).FirstOrDefaultAsync(ct);
            if (path is null) return null;
            var orgs = OrganizationQueries.InSubtree(db, path);
            rounds = rounds.Where(r => orgs.Any(o => o.Id == r.OrganizationId));
        }
        var reports = db.Set<SecretaryReport>();
        return await (from r in rounds
                      join o in db.Organizations on r.OrganizationId equals o.Id
                      orderby r.Year descending, o.Path
                      select new RoundSummary(r.Id, r.OrganizationId, o.Name, r.Year, r.Status, r.OpenedOn, r.ClosedOn,
                          reports.Count(x => x.RoundId == r.Id), reports.Count(x => x.RoundId == r.Id && x.SubmittedAt != null),
                          db.Set<SecretaryReviewer>().Count(x => x.RoundId == r.Id), db.Set<SecretaryRating>().Count(x => x.RoundId == r.Id)))
            .Take(200).ToListAsync(ct);
    }

    /// <summary>A round for its organizers: reviewers, every report with its status, rating progress and result. Null out of scope. Four queries.</summary>
    public static async Task<RoundDetail?> RoundAsync(BastionDb db, long roundId, CancellationToken ct = default)
    {
        var round = await (from r in db.Set<SecretaryReviewRound>().AsNoTracking()
                           join o in db.Organizations on r.OrganizationId equals o.Id
                           where r.Id == roundId
                           select new { r, o.Name }).FirstOrDefaultAsync(ct);
        if (round is null) return null;
        var ratings = db.Set<SecretaryRating>();
        var reviewers = await (from v in db.Set<SecretaryReviewer>().AsNoTracking()
                               join u in db.Users on v.UserId equals u.Id
                               where v.RoundId == roundId
                               orderby u.DisplayName, u.Id
                               select new ReviewerView(u.Id, u.UserName ?? "", u.DisplayName, ratings.Count(x => x.RoundId == roundId && x.ReviewerUserId == u.Id)))
            .ToListAsync(ct);
        var rows = await Rows(db, db.Set<SecretaryReport>().AsNoTracking().Where(x => x.RoundId == roundId), ignoreScope: false).ToListAsync(ct);
        if (round.r.Status == ReviewStatus.Open)
        {
            // While open, the tally is live (organizers follow progress); once closed it is the stored one.
            var live = (await ratings.Where(x => x.RoundId == roundId).GroupBy(x => new { x.ReportId, x.Grade })
                    .Select(g => new { g.Key.ReportId, g.Key.Grade, Count = g.Count() }).ToListAsync(ct)).ToLookup(x => x.ReportId);
            rows = rows.Select(r => r with
            {
                Tally = RatingTally.From(live[r.ReportId].SelectMany(x => Enumerable.Repeat(x.Grade, x.Count))),
                Ratings = live[r.ReportId].Sum(x => x.Count),
            }).ToList();
        }
        var rules = SecretaryReviewRuleSet.Load();
        return new RoundDetail(round.r.Id, round.r.OrganizationId, round.Name, round.r.Year, round.r.Status, round.r.OpenedOn, round.r.ClosedOn, round.r.RuleSetVersion,
            SecretaryReviewRules.RatingsNeeded(reviewers.Count, rules.RaterQuorum), reviewers, rows, Count(rows.Select(r => (r.Outcome, r.Grade))));
    }

    private static GradeCounts Count(IEnumerable<(ReviewOutcome? Outcome, ReviewGrade? Grade)> results)
    {
        var list = results.ToList();
        return new GradeCounts(list.Count(r => r.Grade == ReviewGrade.Good), list.Count(r => r.Grade == ReviewGrade.FairlyGood),
            list.Count(r => r.Grade == ReviewGrade.Average), list.Count(r => r.Grade == ReviewGrade.Poor), list.Count(r => r.Outcome == ReviewOutcome.NotReported));
    }

    private static IQueryable<ReportRow> Rows(BastionDb db, IQueryable<SecretaryReport> reports, bool ignoreScope)
    {
        var orgs = ignoreScope ? db.Organizations.IgnoreQueryFilters() : db.Organizations;
        var members = ignoreScope ? db.Members.IgnoreQueryFilters() : db.Members;
        var warnings = db.Set<SecretaryReportWarning>().IgnoreQueryFilters();
        return from x in reports
               join o in orgs on x.OrganizationId equals o.Id
               orderby o.Path
               select new ReportRow(x.Id, o.Id, o.Name, o.Kind, x.SecretaryMemberId,
                   members.Where(m => m.Id == x.SecretaryMemberId).Select(m => m.Name).FirstOrDefault(),
                   x.SubmittedAt, x.Ratings,
                   new IndexCopy(x.IndexAttached, x.IndexPeriod, x.IndexAsOf, x.Total, x.Political, x.Development, x.Cohesion, x.Renewal, x.SiblingRank, x.Siblings, x.SubtreeWarnings),
                   warnings.Count(w => w.ReportId == x.Id), x.Outcome, x.Grade, x.Score,
                   new RatingTally(x.Good, x.FairlyGood, x.Average, x.Poor), x.RoundId);
    }

    /// <summary>
    /// One report as <paramref name="userId"/> may see it: the organizers (a managing role with the round in scope), the
    /// secretary who wrote it or the organization's current secretary, or a reviewer of the round. Null for anyone else.
    /// </summary>
    public static async Task<ReportDetail?> ReportAsync(BastionDb db, long reportId, long? userId, long? memberId, bool mayManage, CancellationToken ct = default)
    {
        var x = await db.Set<SecretaryReport>().IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(r => r.Id == reportId, ct);
        if (x is null) return null;
        var round = await db.Set<SecretaryReviewRound>().IgnoreQueryFilters().AsNoTracking().FirstAsync(r => r.Id == x.RoundId, ct);
        ReportViewer? viewer = null;
        if (mayManage && await db.Set<SecretaryReviewRound>().AnyAsync(r => r.Id == round.Id, ct)) viewer = ReportViewer.Organizer;
        var isCurrentSecretary = memberId is { } me && await db.Set<Position>().IgnoreQueryFilters()
            .AnyAsync(p => p.OrganizationId == x.OrganizationId && p.Role == PositionRole.Secretary && p.EndedOn == null && p.MemberId == me, ct);
        viewer ??= isCurrentSecretary || (memberId is not null && x.SecretaryMemberId == memberId && x.SubmittedAt is not null) ? ReportViewer.Secretary : null;
        var isReviewer = userId is { } uid && await db.Set<SecretaryReviewer>().IgnoreQueryFilters().AnyAsync(r => r.RoundId == round.Id && r.UserId == uid, ct);
        if (viewer is null && isReviewer && x.SubmittedAt is not null) viewer = ReportViewer.Reviewer;
        if (viewer is null) return null;

        var names = await db.Organizations.IgnoreQueryFilters().Where(o => o.Id == x.OrganizationId || o.Id == round.OrganizationId)
            .Select(o => new { o.Id, o.Name }).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var secretaryName = x.SecretaryMemberId is { } sid
            ? await db.Members.IgnoreQueryFilters().Where(m => m.Id == sid).Select(m => m.Name).FirstOrDefaultAsync(ct) : null;
        var warnings = await db.Set<SecretaryReportWarning>().IgnoreQueryFilters().AsNoTracking().Where(w => w.ReportId == x.Id)
            .OrderByDescending(w => w.Severity).ThenBy(w => w.Code)
            .Select(w => new WarningCopy(w.Code, w.Name, w.NameEn, w.Severity, w.Situation, w.Measure, w.Threshold, w.Since)).ToListAsync(ct);
        var attachments = await db.Set<Attachment>().IgnoreQueryFilters().AsNoTracking()
            .Where(a => a.OwnerType == SubmitReport.AttachmentOwner && a.OwnerId == x.Id).OrderBy(a => a.Id)
            .Select(a => new AttachmentView(a.Id, a.FileName, a.ContentType, a.Length)).ToListAsync(ct);
        var ratingRows = await (from r in db.Set<SecretaryRating>().IgnoreQueryFilters().AsNoTracking()
                                join u in db.Users on r.ReviewerUserId equals u.Id
                                where r.ReportId == x.Id && (viewer == ReportViewer.Organizer || r.ReviewerUserId == userId)
                                orderby u.DisplayName, u.Id
                                select new RatingView(r.ReviewerUserId, u.DisplayName, r.Grade, r.Comment, r.RatedAt)).ToListAsync(ct);
        var open = round.Status == ReviewStatus.Open;
        var closed = !open;
        var tally = closed ? new RatingTally(x.Good, x.FairlyGood, x.Average, x.Poor) : null;
        return new ReportDetail(x.Id, round.Id, round.Year, round.Status, names.GetValueOrDefault(round.OrganizationId, ""), x.OrganizationId,
            names.GetValueOrDefault(x.OrganizationId, ""), x.SecretaryMemberId, secretaryName, x.Text, x.SubmittedAt, x.RevisedAt,
            Index(x), warnings, attachments, viewer.Value,
            MaySubmit: open && isCurrentSecretary, MayRate: open && isReviewer && x.SubmittedAt is not null && x.SecretaryMemberId != memberId,
            MyRating: ratingRows.FirstOrDefault(r => r.ReviewerUserId == userId),
            closed ? x.Outcome : null, closed ? x.Grade : null, closed ? x.Score : null,
            viewer == ReportViewer.Organizer ? tally : null,
            viewer == ReportViewer.Organizer ? ratingRows : ratingRows.Where(r => r.ReviewerUserId == userId).ToList());
    }

    private static IndexCopy Index(SecretaryReport x) =>
        new(x.IndexAttached, x.IndexPeriod, x.IndexAsOf, x.Total, x.Political, x.Development, x.Cohesion, x.Renewal, x.SiblingRank, x.Siblings, x.SubtreeWarnings);

    /// <summary>An attachment of a report the caller may see (checked by <see cref="ReportAsync"/> first).</summary>
    public static Task<Attachment?> AttachmentAsync(BastionDb db, long reportId, long attachmentId, CancellationToken ct = default) =>
        db.Set<Attachment>().IgnoreQueryFilters().AsNoTracking()
            .FirstOrDefaultAsync(a => a.Id == attachmentId && a.OwnerType == SubmitReport.AttachmentOwner && a.OwnerId == reportId, ct);

    /// <summary>
    /// The reports of <paramref name="memberId"/> as a secretary: in open rounds those of the organizations they are the
    /// current secretary of, in closed rounds those they submitted. Newest first; two queries.
    /// </summary>
    public static async Task<IReadOnlyList<MyReport>> MineAsync(BastionDb db, long memberId, CancellationToken ct = default)
    {
        var current = db.Set<Position>().IgnoreQueryFilters()
            .Where(p => p.MemberId == memberId && p.Role == PositionRole.Secretary && p.EndedOn == null).Select(p => p.OrganizationId);
        var orgs = db.Organizations.IgnoreQueryFilters();
        return await (from x in db.Set<SecretaryReport>().IgnoreQueryFilters().AsNoTracking()
                      join r in db.Set<SecretaryReviewRound>().IgnoreQueryFilters() on x.RoundId equals r.Id
                      join o in orgs on x.OrganizationId equals o.Id
                      join c in orgs on r.OrganizationId equals c.Id
                      where (r.Status == ReviewStatus.Open && current.Contains(x.OrganizationId))
                          || (x.SecretaryMemberId == memberId && x.SubmittedAt != null)
                      orderby r.Year descending, r.Id descending
                      select new MyReport(x.Id, r.Id, r.Year, r.Status, c.Name, o.Id, o.Name, x.SubmittedAt,
                          r.Status == ReviewStatus.Closed ? x.Outcome : null, r.Status == ReviewStatus.Closed ? x.Grade : null))
            .Take(100).ToListAsync(ct);
    }

    /// <summary>The rounds <paramref name="userId"/> reviews (open first, then the latest closed), with every report and their own rating: three queries.</summary>
    public static async Task<IReadOnlyList<RoundToRate>> ToRateAsync(BastionDb db, long userId, long? roundId = null, CancellationToken ct = default)
    {
        var rounds = await (from v in db.Set<SecretaryReviewer>().IgnoreQueryFilters().AsNoTracking()
                            join r in db.Set<SecretaryReviewRound>().IgnoreQueryFilters() on v.RoundId equals r.Id
                            join c in db.Organizations.IgnoreQueryFilters() on r.OrganizationId equals c.Id
                            where v.UserId == userId && (roundId == null || r.Id == roundId)
                            orderby r.Status, r.Year descending, r.Id descending
                            select new { r.Id, r.Year, r.Status, c.Name }).Take(20).ToListAsync(ct);
        if (rounds.Count == 0) return [];
        var ids = rounds.Select(r => r.Id).ToList();
        var rows = await Rows(db, db.Set<SecretaryReport>().IgnoreQueryFilters().AsNoTracking().Where(x => ids.Contains(x.RoundId) && x.SubmittedAt != null), ignoreScope: true)
            .ToListAsync(ct);
        var mine = await db.Set<SecretaryRating>().IgnoreQueryFilters().AsNoTracking().Where(r => ids.Contains(r.RoundId) && r.ReviewerUserId == userId)
            .Select(r => new { r.ReportId, r.Grade, r.Comment }).ToDictionaryAsync(r => r.ReportId, ct);
        return rounds.Select(r => new RoundToRate(r.Id, r.Year, r.Status, r.Name, rows.Where(x => x.RoundId == r.Id).Select(x =>
        {
            var my = mine.GetValueOrDefault(x.ReportId);
            return new ReportToRate(x.ReportId, x.OrganizationName, x.SecretaryName, x.SubmittedAt, x.Index, x.Warnings, my?.Grade, my?.Comment);
        }).ToList())).ToList();
    }

    /// <summary>
    /// Stored results of the closed rounds of <paramref name="year"/> for the organizations in the subtree of
    /// <paramref name="organizationId"/>, limited to rounds whose organizer is in the caller's scope: counts per grade
    /// and one page of rows. Three queries whatever the size. Null when the organization is out of scope.
    /// </summary>
    public static async Task<SubtreeResults?> ResultsAsync(BastionDb db, long organizationId, int year, int? page, int? pageSize, CancellationToken ct = default)
    {
        var org = await db.Organizations.AsNoTracking().Where(o => o.Id == organizationId).Select(o => new { o.Id, o.Name, o.Path }).FirstOrDefaultAsync(ct);
        if (org is null) return null;
        var query = ResultQuery(db, org.Path, year);
        var counts = await query.GroupBy(x => new { x.Report.Outcome, x.Report.Grade }).Select(g => new { g.Key.Outcome, g.Key.Grade, Count = g.Count() }).ToListAsync(ct);
        int Of(ReviewGrade g) => counts.Where(c => c.Grade == g).Sum(c => c.Count);
        var gradeCounts = new GradeCounts(Of(ReviewGrade.Good), Of(ReviewGrade.FairlyGood), Of(ReviewGrade.Average), Of(ReviewGrade.Poor),
            counts.Where(c => c.Outcome == ReviewOutcome.NotReported).Sum(c => c.Count));
        var (number, size) = Paging.Normalize(page, pageSize);
        var items = await ResultRows(db, query).Skip((number - 1) * size).Take(size).ToListAsync(ct);
        return new SubtreeResults(org.Id, org.Name, year, gradeCounts, new Page<ResultRow>(items.Select(Named).ToList(), number, size, gradeCounts.Total));
    }

    /// <summary>Every result row of <see cref="ResultsAsync"/> (at most <see cref="Workbook.MaxRows"/>) for an export: one query.</summary>
    public static async Task<IReadOnlyList<ResultRow>?> ResultsForExportAsync(BastionDb db, long organizationId, int year, CancellationToken ct = default)
    {
        var path = await db.Organizations.Where(o => o.Id == organizationId).Select(o => o.Path).FirstOrDefaultAsync(ct);
        if (path is null) return null;
        return (await ResultRows(db, ResultQuery(db, path, year)).Take(Workbook.MaxRows).ToListAsync(ct)).Select(Named).ToList();
    }

    // A member-initialized class (not a positional record) so that EF Core can compose further over it.
    private sealed class ResultSource
    {
        public required SecretaryReport Report { get; init; }
        public required SecretaryReviewRound Round { get; init; }
        public required Organization Organization { get; init; }
        public required string OrganizerName { get; init; }
    }

    private static IQueryable<ResultSource> ResultQuery(BastionDb db, string path, int year)
    {
        var hi = TreePath.UpperBound(path);
        // The round passes the data scope (its organizer is in scope); the report's organization lies in the subtree.
        return from x in db.Set<SecretaryReport>().AsNoTracking()
               join r in db.Set<SecretaryReviewRound>() on x.RoundId equals r.Id
               join o in db.Organizations on x.OrganizationId equals o.Id
               join c in db.Organizations on r.OrganizationId equals c.Id
               where r.Year == year && r.Status == ReviewStatus.Closed && string.Compare(o.Path, path) >= 0 && string.Compare(o.Path, hi) < 0
               select new ResultSource { Report = x, Round = r, Organization = o, OrganizerName = c.Name };
    }

    private sealed record RawResult(ResultRow Row, List<string> WarningNames);

    private static IQueryable<RawResult> ResultRows(BastionDb db, IQueryable<ResultSource> query) =>
        query.OrderBy(s => s.Report.Grade == null).ThenBy(s => s.Report.Grade).ThenByDescending(s => s.Report.Score).ThenBy(s => s.Organization.Path)
            .Select(s => new RawResult(
                new ResultRow(s.Report.Id, s.Round.Id, s.Round.Year, s.OrganizerName, s.Organization.Id, s.Organization.Name,
                    db.Members.IgnoreQueryFilters().Where(m => m.Id == s.Report.SecretaryMemberId).Select(m => m.Name).FirstOrDefault(),
                    s.Report.Outcome, s.Report.Grade, s.Report.Score, s.Report.Ratings,
                    new IndexCopy(s.Report.IndexAttached, s.Report.IndexPeriod, s.Report.IndexAsOf, s.Report.Total, s.Report.Political, s.Report.Development,
                        s.Report.Cohesion, s.Report.Renewal, s.Report.SiblingRank, s.Report.Siblings, s.Report.SubtreeWarnings),
                    db.Set<SecretaryReportWarning>().Count(w => w.ReportId == s.Report.Id), ""),
                db.Set<SecretaryReportWarning>().Where(w => w.ReportId == s.Report.Id).OrderByDescending(w => w.Severity).Select(w => w.Name).ToList()));

    private static ResultRow Named(RawResult raw) => raw.Row with { WarningNames = string.Join("、", raw.WarningNames) };
}
