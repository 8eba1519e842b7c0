using Bastion.Data;
using Bastion.Members;
using Bastion.Shared;
using Microsoft.EntityFrameworkCore;

namespace Bastion.MobileMembers;

/// <summary>流出登记: a member of a branch in scope goes away (work, study) without transferring; the home branch keeps contact.</summary>
public static class RegisterOutFlow
{
    public const string MemberNotActiveRule = "Mobile.MemberNotActive";
    public const string AlreadyAwayRule = "Mobile.AlreadyAway";

    public sealed record Command
    {
        public long? MemberId { get; init; }
        /// <summary>Where the member goes: place and employer.</summary>
        public string? Destination { get; init; }
        /// <summary>The organization hosting the member's organizational life, anywhere in the tree.</summary>
        public long? HostOrganizationId { get; init; }
        /// <summary>The host's name when it is not in Bastion.</summary>
        public string? HostName { get; init; }
        public string? ActivityCardNumber { get; init; }
        public bool FixedPlace { get; init; }
        public DateOnly? LeftOn { get; init; }
        public DateOnly? ExpectedReturnOn { get; init; }
    }

    public static async Task<MobileRecord> HandleAsync(BastionDb db, Command command, CancellationToken ct = default)
    {
        var today = Clock.Today(db.Time);
        var errors = new Dictionary<string, string[]>();
        if (command.MemberId is not > 0) errors["MemberId"] = ["A member is required."];
        var destination = MobileRecordRules.Text(errors, "Destination", command.Destination, MobileRecordRules.PlaceLength, required: true);
        var hostName = MobileRecordRules.Text(errors, "HostName", command.HostName, MobileRecordRules.PlaceLength, required: false);
        var card = MobileRecordRules.Text(errors, "ActivityCardNumber", command.ActivityCardNumber, MobileRecordRules.CardLength, required: false);
        MobileRecordRules.CheckDates(errors, command.LeftOn, command.ExpectedReturnOn, today);
        if (command.HostOrganizationId is { } host && !await MobileRecordRules.OrganizationExistsAnywhereAsync(db, host, ct))
            errors["HostOrganizationId"] = ["No active organization has this id."];
        if (errors.Count > 0) throw new ValidationFailedException(errors);

        var member = await db.Members.AsNoTracking().Where(m => m.Id == command.MemberId)
            .Select(m => new { m.Id, m.Name, m.OrganizationId, m.RegionId, m.Status })
            .FirstOrDefaultAsync(ct) ?? throw new NotFoundException($"Member {command.MemberId}");
        if (member.Status != MemberStatus.Active)
            throw new DomainRuleException(MemberNotActiveRule, "Only an active member can be registered as a mobile member.");
        if (await db.Set<MobileRecord>().IgnoreQueryFilters()
                .AnyAsync(r => r.MemberId == member.Id && r.Direction == MobileDirection.OutFlow && r.Status == MobileStatus.Active, ct))
            throw new DomainRuleException(AlreadyAwayRule, "The member already has an active out-flow record; end it before registering a new one.");

        var record = new MobileRecord
        {
            OrganizationId = member.OrganizationId, RegionId = member.RegionId, Direction = MobileDirection.OutFlow,
            MemberId = member.Id, PersonName = member.Name, Place = destination!, HostOrganizationId = command.HostOrganizationId,
            HostName = hostName, ActivityCardNumber = card, FixedPlace = command.FixedPlace, LeftOn = command.LeftOn!.Value,
            ExpectedReturnOn = command.ExpectedReturnOn, RecordedBy = db.Scope.Actor, CreatedAt = Clock.UtcNow(db.Time),
        };
        db.Set<MobileRecord>().Add(record);
        await db.SaveChangesAsync(ct);
        return record;
    }
}
