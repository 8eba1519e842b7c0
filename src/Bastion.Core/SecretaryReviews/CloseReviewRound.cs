using Bastion.Data;
using Bastion.Notifications;
using Bastion.Shared;
using Microsoft.EntityFrameworkCore;

namespace Bastion.SecretaryReviews;

/// <summary>
/// Closes a round and stores each secretary's result by the rule set's grade rule. Refused while a submitted report has
/// been rated by no more than half of the reviewers; a secretary without a report by then is recorded as not reported
/// (未述职, no grade). Afterwards the round is read-only history.
/// </summary>
public static class CloseReviewRound
{
    public static async Task<SecretaryReviewRound> HandleAsync(BastionDb db, long roundId, CancellationToken ct = default)
    {
        var round = await OpenReviewRound.OpenRoundAsync(db, roundId, ct);
        var rules = SecretaryReviewRuleSet.Load();
        var reviewers = await db.Set<SecretaryReviewer>().CountAsync(r => r.RoundId == round.Id, ct);
        var reports = await db.Set<SecretaryReport>().IgnoreQueryFilters().Where(r => r.RoundId == round.Id).ToListAsync(ct);
        var tallies = (await db.Set<SecretaryRating>().IgnoreQueryFilters().Where(r => r.RoundId == round.Id)
                .GroupBy(r => new { r.ReportId, r.Grade }).Select(g => new { g.Key.ReportId, g.Key.Grade, Count = g.Count() }).ToListAsync(ct))
            .ToLookup(t => t.ReportId);
        RatingTally TallyOf(long id)
        {
            int Of(ReviewGrade g) => tallies[id].Where(t => t.Grade == g).Sum(t => t.Count);
            return new RatingTally(Of(ReviewGrade.Good), Of(ReviewGrade.FairlyGood), Of(ReviewGrade.Average), Of(ReviewGrade.Poor));
        }

        var short_ = reports.Count(r => r.SubmittedAt is not null && !SecretaryReviewRules.EnoughRatings(TallyOf(r.Id).Total, reviewers, rules.RaterQuorum));
        if (short_ > 0)
            throw new DomainRuleException(SecretaryReviewRules.UnratedRule,
                $"{short_} submitted reports have been rated by no more than {rules.RaterQuorum.Numerator}/{rules.RaterQuorum.Denominator} of the {reviewers} reviewers; " +
                $"each needs at least {SecretaryReviewRules.RatingsNeeded(reviewers, rules.RaterQuorum)} ratings.");

        foreach (var report in reports)
        {
            var tally = TallyOf(report.Id);
            (report.Good, report.FairlyGood, report.Average, report.Poor, report.Ratings) = (tally.Good, tally.FairlyGood, tally.Average, tally.Poor, tally.Total);
            if (report.SubmittedAt is null)
            {
                report.Outcome = ReviewOutcome.NotReported;
                report.Grade = null;
                report.Score = null;
                continue;
            }
            var result = SecretaryReviewRules.Result(tally, rules)!;
            report.Outcome = ReviewOutcome.Graded;
            report.Grade = result.Grade;
            report.Score = (double)result.Score;
        }
        round.Status = ReviewStatus.Closed;
        round.ClosedOn = Clock.Today(db.Time);
        round.RuleSetVersion = rules.Version;
        var secretaries = reports.Where(r => r.SecretaryMemberId is not null && r.SubmittedAt is not null).Select(r => r.SecretaryMemberId!.Value).ToList();
        await Notifier.ToMembersAsync(db, secretaries, new NotificationMessage("secretary-review.closed",
            $"{round.Year}年度书记抓基层党建工作述职评议已结束", "评议结果已可查看。", "/SecretaryReviews/Mine", $"secretary-review:{round.Id}:closed"), ct);
        await db.SaveChangesAsync(ct);
        return round;
    }
}
