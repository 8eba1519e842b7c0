using Bastion.Data;
using Bastion.Shared;
using Microsoft.EntityFrameworkCore;

namespace Bastion.MobileMembers;

/// <summary>Records one contact with a mobile member (phone call, visit, online, letter).</summary>
public static class RecordContact
{
    public const int NoteLength = 500;

    public sealed record Command
    {
        public DateOnly? ContactedOn { get; init; }
        public ContactChannel? Channel { get; init; }
        public string? Note { get; init; }
    }

    public static async Task<MobileContact> HandleAsync(BastionDb db, long recordId, Command command, CancellationToken ct = default)
    {
        var record = await db.Set<MobileRecord>().AsNoTracking().Where(r => r.Id == recordId)
            .Select(r => new { r.Id, r.OrganizationId, r.RegionId, r.LeftOn }).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException($"Mobile record {recordId}");
        var today = Clock.Today(db.Time);
        var errors = new Dictionary<string, string[]>();
        if (command.ContactedOn is not { } on) errors["ContactedOn"] = ["The contact date is required."];
        else if (on > today) errors["ContactedOn"] = ["The contact date cannot be in the future."];
        else if (on < record.LeftOn) errors["ContactedOn"] = ["The contact date cannot be before the departure."];
        if (command.Channel is not { } channel || !Enum.IsDefined(channel)) errors["Channel"] = ["Choose how the contact was made."];
        var note = MobileRecordRules.Text(errors, "Note", command.Note, NoteLength, required: false);
        if (errors.Count > 0) throw new ValidationFailedException(errors);

        var contact = new MobileContact
        {
            MobileRecordId = record.Id, OrganizationId = record.OrganizationId, RegionId = record.RegionId,
            ContactedOn = command.ContactedOn!.Value, Channel = command.Channel!.Value, Note = note,
            RecordedBy = db.Scope.Actor, RecordedAt = Clock.UtcNow(db.Time),
        };
        db.Set<MobileContact>().Add(contact);
        await db.SaveChangesAsync(ct);
        return contact;
    }
}
