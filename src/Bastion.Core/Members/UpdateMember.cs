using Bastion.Data;
using Bastion.Security;
using Bastion.Shared;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Members;

/// <summary>
/// Corrects a member record with the same checks as registering; a changed resident ID is re-checked for uniqueness.
/// Screens show personal data masked, so a blank resident ID keeps the stored one, a null phone keeps the stored
/// phone and an empty phone removes it.
/// </summary>
public static class UpdateMember
{
    public sealed record Command
    {
        public long MemberId { get; init; }
        public required MemberInput Member { get; init; }
    }

    public static async Task<Member> HandleAsync(BastionDb db, PiiProtector pii, Command command, CancellationToken ct = default)
    {
        var member = await db.Members.AsTracking().FirstOrDefaultAsync(m => m.Id == command.MemberId, ct)
            ?? throw new NotFoundException($"Member {command.MemberId}");
        var input = command.Member;
        if (string.IsNullOrWhiteSpace(input.ResidentId)) input = input with { ResidentId = pii.Decrypt(member.ResidentIdCipher) };
        var keepPhone = input.Phone is null;
        var checkedMember = MemberRules.Check(input, Clock.Today(db.Time), out var errors)
            ?? throw new ValidationFailedException(errors);
        var hash = pii.LookupHash(checkedMember.ResidentId.Value);
        if (hash != member.ResidentIdHash && await MemberRecords.IsRegisteredAsync(db, hash, member.Id, ct))
            throw ValidationFailedException.For(nameof(MemberInput.ResidentId), MemberRecords.AlreadyRegistered);

        var (phoneCipher, phoneMasked) = (member.PhoneCipher, member.PhoneMasked);
        MemberRecords.Apply(member, checkedMember, pii);
        if (keepPhone) (member.PhoneCipher, member.PhoneMasked) = (phoneCipher, phoneMasked);
        await db.SaveChangesAsync(ct);
        return member;
    }
}
