using Bastion.Data;
using Bastion.Security;
using Bastion.Shared;

namespace Bastion.Members;

/// <summary>Registers a member in a branch of the caller's subtree. Nothing is saved unless every check passes.</summary>
public static class RegisterMember
{
    public sealed record Command
    {
        public long OrganizationId { get; init; }
        public required MemberInput Member { get; init; }
    }

    public static async Task<Member> HandleAsync(BastionDb db, PiiProtector pii, Command command, CancellationToken ct = default)
    {
        var (branchId, regionId) = await MemberRecords.ResolveBranchAsync(db, command.OrganizationId, ct);
        var checkedMember = MemberRules.Check(command.Member, Clock.Today(db.Time), out var errors)
            ?? throw new ValidationFailedException(errors);
        if (await MemberRecords.IsRegisteredAsync(db, pii.LookupHash(checkedMember.ResidentId.Value), null, ct))
            throw ValidationFailedException.For(nameof(MemberInput.ResidentId), MemberRecords.AlreadyRegistered);

        var member = MemberRecords.NewMember(checkedMember, branchId, regionId, pii, Clock.UtcNow(db.Time));
        db.Members.Add(member);
        await db.SaveChangesAsync(ct);
        return member;
    }
}
