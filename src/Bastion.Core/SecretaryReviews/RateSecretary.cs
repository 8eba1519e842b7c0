using Bastion.Data;
using Bastion.Shared;
using Microsoft.EntityFrameworkCore;

namespace Bastion.SecretaryReviews;

/// <summary>
/// A reviewer rates a secretary 好/较好/一般/差 with an optional comment: one rating per reviewer and secretary, changed
/// by rating again, until the round closes. Only the round's reviewers rate, and only submitted reports.
/// </summary>
public static class RateSecretary
{
    public sealed record Command
    {
        public ReviewGrade? Grade { get; init; }
        public string? Comment { get; init; }
    }

    public static async Task<SecretaryRating> HandleAsync(BastionDb db, long reportId, long? reviewerUserId, long? reviewerMemberId, Command command, CancellationToken ct = default)
    {
        // Reviewers may sit anywhere in the tree: the reviewer list, not the data scope, decides who rates.
        var report = await db.Set<SecretaryReport>().IgnoreQueryFilters().FirstOrDefaultAsync(r => r.Id == reportId, ct)
            ?? throw new NotFoundException($"Report {reportId}");
        var round = await db.Set<SecretaryReviewRound>().IgnoreQueryFilters().FirstAsync(r => r.Id == report.RoundId, ct);
        OpenReviewRound.EnsureOpen(round);
        if (reviewerUserId is not { } userId || !await db.Set<SecretaryReviewer>().IgnoreQueryFilters().AnyAsync(r => r.RoundId == round.Id && r.UserId == userId, ct))
            throw new DomainRuleException(SecretaryReviewRules.NotReviewerRule, "Only the reviewers named for this round rate its secretaries.");
        if (report.SubmittedAt is null)
            throw new DomainRuleException(SecretaryReviewRules.ReportNotSubmittedRule, "The secretary has not submitted the report yet; it is rated after it is submitted.");
        if (reviewerMemberId is { } me && report.SecretaryMemberId == me)
            throw new DomainRuleException(SecretaryReviewRules.OwnReportRule, "A reviewer does not rate their own report.");

        var errors = new Dictionary<string, string[]>();
        if (command.Grade is not { } grade || !Enum.IsDefined(grade)) errors[nameof(Command.Grade)] = ["Choose a grade."];
        var comment = string.IsNullOrWhiteSpace(command.Comment) ? null : command.Comment.Trim();
        if (comment is { Length: > SecretaryReviewConfiguration.MaxCommentLength })
            errors[nameof(Command.Comment)] = [$"At most {SecretaryReviewConfiguration.MaxCommentLength} characters."];
        if (errors.Count > 0) throw new ValidationFailedException(errors);

        var rating = await db.Set<SecretaryRating>().IgnoreQueryFilters().FirstOrDefaultAsync(r => r.ReportId == report.Id && r.ReviewerUserId == userId, ct);
        if (rating is null)
        {
            rating = new SecretaryRating { RoundId = round.Id, ReportId = report.Id, OrganizationId = report.OrganizationId, ReviewerUserId = userId };
            db.Set<SecretaryRating>().Add(rating);
        }
        rating.Grade = command.Grade!.Value;
        rating.Comment = comment;
        rating.RatedAt = Clock.UtcNow(db.Time);
        await db.SaveChangesAsync(ct);
        return rating;
    }
}
