using Bastion.Data;
using Bastion.Shared;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Alliances;

/// <summary>Records a joint activity; done by a user whose scope contains any member organization.</summary>
public static class RecordAllianceActivity
{
    public sealed record Command
    {
        public DateOnly? HeldOn { get; init; }
        public string? Title { get; init; }
        public string? Summary { get; init; }
        public int? ParticipantCount { get; init; }
        /// <summary>The member organization that organized it.</summary>
        public long? OrganizingOrganizationId { get; init; }
    }

    public static async Task<AllianceActivity> HandleAsync(BastionDb db, long allianceId, Command command, CancellationToken ct = default)
    {
        // Visible means: the lead or a member is in scope — exactly who may record.
        var alliance = await AllianceAccess.Visible(db).AsNoTracking().FirstOrDefaultAsync(a => a.Id == allianceId, ct)
            ?? throw new NotFoundException($"Alliance {allianceId}");
        AllianceAccess.EnsureActive(alliance);

        var errors = new Dictionary<string, string[]>();
        var today = Clock.Today(db.Time);
        if (command.HeldOn is not { } heldOn) errors[nameof(Command.HeldOn)] = ["The date is required."];
        else if (!AllianceRules.IsNotInFuture(heldOn, today)) errors[nameof(Command.HeldOn)] = ["The date may not be in the future."];
        else if (heldOn < alliance.FoundedOn) errors[nameof(Command.HeldOn)] = ["The date may not be before the alliance was founded."];
        var title = command.Title?.Trim() ?? "";
        if (title.Length == 0) errors[nameof(Command.Title)] = ["The title is required."];
        else if (title.Length > 200) errors[nameof(Command.Title)] = ["The title may have at most 200 characters."];
        if (command.Summary?.Length > 2000) errors[nameof(Command.Summary)] = ["The summary may have at most 2000 characters."];
        if (command.ParticipantCount is not { } participants) errors[nameof(Command.ParticipantCount)] = ["The number of participants is required."];
        else if (participants is < 1 or > 100_000) errors[nameof(Command.ParticipantCount)] = ["The number of participants must be between 1 and 100000."];
        if (command.OrganizingOrganizationId is not { } organizer) errors[nameof(Command.OrganizingOrganizationId)] = ["Choose the organizing organization."];
        else if (!await db.Set<AllianceMember>().AnyAsync(m => m.AllianceId == allianceId && m.OrganizationId == organizer, ct))
            errors[nameof(Command.OrganizingOrganizationId)] = ["The organizer must be a member of the alliance."];
        if (errors.Count > 0) throw new ValidationFailedException(errors);

        var activity = new AllianceActivity
        {
            AllianceId = allianceId, HeldOn = command.HeldOn!.Value, Title = title, Summary = CreateAlliance.Blank(command.Summary),
            ParticipantCount = command.ParticipantCount!.Value, OrganizingOrganizationId = command.OrganizingOrganizationId!.Value, CreatedAt = Clock.UtcNow(db.Time),
        };
        db.Set<AllianceActivity>().Add(activity);
        await db.SaveChangesAsync(ct);
        return activity;
    }
}
