using Bastion.Data;
using Bastion.Members;
using Bastion.Security;
using Bastion.Shared;
using Microsoft.EntityFrameworkCore;

namespace Bastion.MobileMembers;

/// <summary>
/// 流入登记: a member of another organization, anywhere, takes part in organizational life at a branch in scope.
/// The member's record is looked up across the whole tree by id or resident ID number; without one, the name is kept as text.
/// </summary>
public static class RegisterInFlow
{
    public const string AlreadyRegisteredHereRule = "Mobile.AlreadyRegisteredHere";
    public const string OwnBranchRule = "Mobile.InFlowToOwnBranch";

    public sealed record Command
    {
        /// <summary>The host branch.</summary>
        public long? OrganizationId { get; init; }
        /// <summary>The member's id in Bastion; needs the matching <see cref="Name"/>.</summary>
        public long? MemberId { get; init; }
        public string? ResidentId { get; init; }
        /// <summary>Required when the member is not found in Bastion.</summary>
        public string? Name { get; init; }
        /// <summary>The member's home organization or place, as text.</summary>
        public string? Origin { get; init; }
        public string? ActivityCardNumber { get; init; }
        public DateOnly? ArrivedOn { get; init; }
        public DateOnly? ExpectedReturnOn { get; init; }
    }

    public static async Task<MobileRecord> HandleAsync(BastionDb db, PiiProtector pii, Command command, CancellationToken ct = default)
    {
        var today = Clock.Today(db.Time);
        var errors = new Dictionary<string, string[]>();
        if (command.OrganizationId is not > 0) errors["OrganizationId"] = ["The host branch is required."];
        var origin = MobileRecordRules.Text(errors, "Origin", command.Origin, MobileRecordRules.PlaceLength, required: true);
        var card = MobileRecordRules.Text(errors, "ActivityCardNumber", command.ActivityCardNumber, MobileRecordRules.CardLength, required: false);
        var name = MobileRecordRules.Text(errors, "Name", command.Name, MobileRecordRules.NameLength, required: false);
        MobileRecordRules.CheckDates(errors, command.ArrivedOn, command.ExpectedReturnOn, today, "ArrivedOn");
        string? hash = null;
        if (!string.IsNullOrWhiteSpace(command.ResidentId))
        {
            if (Members.ResidentId.TryParse(command.ResidentId, out var error) is { } rid) hash = pii.LookupHash(rid.Value);
            else errors["ResidentId"] = [error!];
        }
        if (errors.Count > 0) throw new ValidationFailedException(errors);

        var (branchId, regionId) = await MobileRecordRules.BranchAsync(db, command.OrganizationId!.Value, ct);

        // The member usually belongs to a subtree the host cannot see: looked up everywhere, only the name is kept.
        var members = db.Members.IgnoreQueryFilters().AsNoTracking();
        // By id, the name must match too: otherwise ids could be tried one by one to learn who is who elsewhere.
        var member = command.MemberId is > 0
            ? await members.Where(m => m.Id == command.MemberId && m.Name == name).Select(m => new { m.Id, m.Name, m.OrganizationId }).FirstOrDefaultAsync(ct)
                ?? throw ValidationFailedException.For("MemberId", "No member has this id and name.")
            : hash is null ? null
            : await members.Where(m => m.ResidentIdHash == hash).Select(m => new { m.Id, m.Name, m.OrganizationId }).FirstOrDefaultAsync(ct);
        if (member is null && name is null) throw ValidationFailedException.For("Name", "The member is not in Bastion; enter the name.");
        if (member is not null && member.OrganizationId == branchId)
            throw new DomainRuleException(OwnBranchRule, "The member belongs to this branch already.");
        if (member is not null && await db.Set<MobileRecord>().AnyAsync(r => r.OrganizationId == branchId && r.MemberId == member.Id
                && r.Direction == MobileDirection.InFlow && r.Status == MobileStatus.Active, ct))
            throw new DomainRuleException(AlreadyRegisteredHereRule, "The member is already registered as taking part in this branch.");

        var record = new MobileRecord
        {
            OrganizationId = branchId, RegionId = regionId, Direction = MobileDirection.InFlow, MemberId = member?.Id,
            PersonName = member?.Name ?? name!, Place = origin!, ActivityCardNumber = card, LeftOn = command.ArrivedOn!.Value,
            ExpectedReturnOn = command.ExpectedReturnOn, RecordedBy = db.Scope.Actor, CreatedAt = Clock.UtcNow(db.Time),
        };
        db.Set<MobileRecord>().Add(record);
        await db.SaveChangesAsync(ct);
        return record;
    }
}
