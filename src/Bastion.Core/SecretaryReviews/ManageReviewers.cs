using Bastion.Data;
using Bastion.Notifications;
using Bastion.Shared;
using Microsoft.EntityFrameworkCore;

namespace Bastion.SecretaryReviews;

/// <summary>Names one more reviewer of an open round (by user name).</summary>
public static class AddReviewer
{
    public sealed record Command
    {
        public string? UserName { get; init; }
    }

    public static async Task<SecretaryReviewer> HandleAsync(BastionDb db, long roundId, Command command, CancellationToken ct = default)
    {
        var round = await OpenReviewRound.OpenRoundAsync(db, roundId, ct);
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(command.UserName)) errors[nameof(Command.UserName)] = ["Enter the reviewer's user name."];
        var ids = await ReviewerUsers.ResolveAsync(db, [command.UserName ?? ""], errors, nameof(Command.UserName), ct);
        if (errors.Count > 0) throw new ValidationFailedException(errors);
        var userId = ids[0];
        if (await db.Set<SecretaryReviewer>().AnyAsync(r => r.RoundId == round.Id && r.UserId == userId, ct))
            throw ValidationFailedException.For(nameof(Command.UserName), "This user is already a reviewer of the round.");
        var reviewer = new SecretaryReviewer { RoundId = round.Id, OrganizationId = round.OrganizationId, UserId = userId, AddedAt = Clock.UtcNow(db.Time) };
        db.Set<SecretaryReviewer>().Add(reviewer);
        var organizer = await db.Organizations.Where(o => o.Id == round.OrganizationId).Select(o => o.Name).FirstAsync(ct);
        await Notifier.ToUsersAsync(db, [userId], OpenReviewRound.ReviewerMessage(organizer, round), ct);
        await db.SaveChangesAsync(ct);
        return reviewer;
    }
}

/// <summary>Takes a reviewer off an open round; the ratings they gave go with them.</summary>
public static class RemoveReviewer
{
    public static async Task HandleAsync(BastionDb db, long roundId, long userId, CancellationToken ct = default)
    {
        var round = await OpenReviewRound.OpenRoundAsync(db, roundId, ct);
        var reviewer = await db.Set<SecretaryReviewer>().FirstOrDefaultAsync(r => r.RoundId == round.Id && r.UserId == userId, ct)
            ?? throw new NotFoundException($"Reviewer {userId} of secretaries' review {roundId}");
        var ratings = await db.Set<SecretaryRating>().IgnoreQueryFilters().Where(r => r.RoundId == round.Id && r.ReviewerUserId == userId).ToListAsync(ct);
        db.Set<SecretaryRating>().RemoveRange(ratings);
        db.Set<SecretaryReviewer>().Remove(reviewer);
        await db.SaveChangesAsync(ct);
    }
}
