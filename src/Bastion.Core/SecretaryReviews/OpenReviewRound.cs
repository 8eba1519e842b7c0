using Bastion.Data;
using Bastion.Notifications;
using Bastion.Organizations;
using Bastion.Positions;
using Bastion.Shared;
using Microsoft.EntityFrameworkCore;

namespace Bastion.SecretaryReviews;

/// <summary>
/// Opens a committee's secretaries' review for a year: every active organization directly under the committee gets a
/// report to be written by its current secretary; the named reviewers rate them. One round per committee and year.
/// </summary>
public static class OpenReviewRound
{
    public sealed record Command
    {
        public long? OrganizationId { get; init; }
        public int? Year { get; init; }
        /// <summary>User names of the reviewers (the committee's members); more can be added while the round is open.</summary>
        public IReadOnlyList<string>? Reviewers { get; init; }
    }

    public static async Task<SecretaryReviewRound> HandleAsync(BastionDb db, Command command, CancellationToken ct = default)
    {
        var today = Clock.Today(db.Time);
        var errors = new Dictionary<string, string[]>();
        var org = command.OrganizationId is { } oid ? await db.Organizations.FirstOrDefaultAsync(o => o.Id == oid, ct) : null;
        if (org is null) errors[nameof(Command.OrganizationId)] = ["Choose the organizing committee."];
        else if (org.Kind != OrganizationKind.Committee || org.Status != OrganizationStatus.Active)
            errors[nameof(Command.OrganizationId)] = ["A secretaries' review is organized by an active party committee."];
        if (command.Year is not { } year || year < 1921) errors[nameof(Command.Year)] = ["Enter the year under review."];
        var reviewers = await ReviewerUsers.ResolveAsync(db, command.Reviewers ?? [], errors, nameof(Command.Reviewers), ct);
        if (errors.Count > 0) throw new ValidationFailedException(errors);

        if (!SecretaryReviewRules.YearMayOpen(command.Year!.Value, today))
            throw new DomainRuleException(SecretaryReviewRules.FutureYearRule, $"{command.Year} has not begun; a review covers this year or an earlier one.");
        if (await db.Set<SecretaryReviewRound>().AnyAsync(r => r.OrganizationId == org!.Id && r.Year == command.Year, ct))
            throw new DomainRuleException(SecretaryReviewRules.OnePerYearRule, $"The committee already has a secretaries' review for {command.Year}.");

        var orgs = await db.Organizations
            .Where(o => o.ParentId == org!.Id && o.Status == OrganizationStatus.Active && o.Kind != OrganizationKind.Group)
            .Select(o => new
            {
                o.Id, o.RegionId,
                Secretary = db.Set<Position>().Where(p => p.OrganizationId == o.Id && p.Role == PositionRole.Secretary && p.EndedOn == null)
                    .OrderByDescending(p => p.StartedOn).Select(p => (long?)p.MemberId).FirstOrDefault(),
            })
            .OrderBy(o => o.Id).ToListAsync(ct);
        if (orgs.Count == 0) throw ValidationFailedException.For(nameof(Command.OrganizationId), "The committee has no organizations under it to review.");

        var now = Clock.UtcNow(db.Time);
        var round = new SecretaryReviewRound
        {
            OrganizationId = org!.Id, RegionId = org.RegionId, Year = command.Year.Value, OpenedOn = today,
            RuleSetVersion = SecretaryReviewRuleSet.Load().Version, CreatedAt = now,
        };
        db.Set<SecretaryReviewRound>().Add(round);
        await db.SaveChangesAsync(ct);
        db.Set<SecretaryReport>().AddRange(orgs.Select(o => new SecretaryReport
        {
            RoundId = round.Id, OrganizationId = o.Id, RegionId = o.RegionId, SecretaryMemberId = o.Secretary,
        }));
        db.Set<SecretaryReviewer>().AddRange(reviewers.Select(u => new SecretaryReviewer { RoundId = round.Id, OrganizationId = org.Id, UserId = u, AddedAt = now }));
        var secretaries = orgs.Where(o => o.Secretary is not null).Select(o => o.Secretary!.Value).ToList();
        await Notifier.ToMembersAsync(db, secretaries, new NotificationMessage("secretary-review.report",
            $"{org.Name}{round.Year}年度书记抓基层党建工作述职评议：请提交述职报告", "请在评议结束前提交述职报告。",
            "/SecretaryReviews/Mine", $"secretary-review:{round.Id}:report"), ct);
        await Notifier.ToUsersAsync(db, reviewers, ReviewerMessage(org.Name, round), ct);
        await db.SaveChangesAsync(ct);
        return round;
    }

    internal static NotificationMessage ReviewerMessage(string organizer, SecretaryReviewRound round) =>
        new("secretary-review.rate", $"{organizer}{round.Year}年度书记抓基层党建工作述职评议：请评议", "书记提交述职报告后即可评议。",
            $"/SecretaryReviews/Rate/{round.Id}", $"secretary-review:{round.Id}:rate");

    /// <summary>The round (in scope), refusing changes once it is closed.</summary>
    internal static async Task<SecretaryReviewRound> OpenRoundAsync(BastionDb db, long roundId, CancellationToken ct)
    {
        var round = await db.Set<SecretaryReviewRound>().FirstOrDefaultAsync(r => r.Id == roundId, ct) ?? throw new NotFoundException($"Secretaries' review {roundId}");
        EnsureOpen(round);
        return round;
    }

    internal static void EnsureOpen(SecretaryReviewRound round)
    {
        if (round.Status == ReviewStatus.Closed)
            throw new DomainRuleException(SecretaryReviewRules.ClosedRule, $"The {round.Year} secretaries' review is closed; its record no longer changes.");
    }
}

/// <summary>Reviewers named by user name: each must be an account within the caller's data scope.</summary>
internal static class ReviewerUsers
{
    public static async Task<List<long>> ResolveAsync(BastionDb db, IReadOnlyList<string> userNames, Dictionary<string, string[]> errors, string field, CancellationToken ct)
    {
        var names = userNames.Select(n => n?.Trim() ?? "").Where(n => n.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (names.Count == 0) return [];
        var upper = names.Select(n => n.ToUpperInvariant()).ToList();
        var found = await db.Users.Where(u => upper.Contains(u.NormalizedUserName!) && db.Organizations.Any(o => o.Id == u.OrganizationId))
            .Select(u => new { u.Id, u.NormalizedUserName }).ToListAsync(ct);
        var missing = names.Where(n => found.All(f => !string.Equals(f.NormalizedUserName, n, StringComparison.OrdinalIgnoreCase))).ToList();
        if (missing.Count > 0) errors[field] = [$"No account in your organization's scope is named {string.Join(", ", missing)}."];
        return found.Select(f => f.Id).ToList();
    }
}
