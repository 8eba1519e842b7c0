using Bastion.Data;
using Bastion.Organizations;
using Bastion.Security;
using Bastion.Shared;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Members;

/// <summary>What registering, editing and importing members share: where a member may belong, uniqueness, storage.</summary>
internal static class MemberRecords
{
    public const string AlreadyRegistered = "This resident ID number is already registered.";

    /// <summary>
    /// The branch a member is kept in: a branch or joint branch in scope, or a group's branch (members of a group
    /// belong to the branch's roster). Out of scope is 404; another kind is a validation error.
    /// </summary>
    public static async Task<(long Id, long RegionId)> ResolveBranchAsync(BastionDb db, long organizationId, CancellationToken ct)
    {
        var org = await db.Organizations.Where(o => o.Id == organizationId)
            .Select(o => new { o.Id, o.Kind, o.ParentId, o.RegionId, o.Status }).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException($"Organization {organizationId}");
        if (org.Kind == OrganizationKind.Group && org.ParentId is { } parent)
            return await ResolveBranchAsync(db, parent, ct);
        if (org.Kind is not (OrganizationKind.Branch or OrganizationKind.JointBranch))
            throw ValidationFailedException.For("OrganizationId", "Members are kept in a branch (党支部) or joint branch; choose one.");
        if (org.Status != OrganizationStatus.Active)
            throw ValidationFailedException.For("OrganizationId", "The organization has been dissolved.");
        return (org.Id, org.RegionId);
    }

    /// <summary>
    /// Whether the hash is taken anywhere in the tree. The scope filter is ignored on purpose: the number must be
    /// unique everywhere, and the answer says only "already registered", never where.
    /// </summary>
    public static Task<bool> IsRegisteredAsync(BastionDb db, string hash, long? exceptMemberId, CancellationToken ct) =>
        db.Members.IgnoreQueryFilters().AnyAsync(m => m.ResidentIdHash == hash && m.Id != (exceptMemberId ?? 0), ct);

    public static void Apply(Member member, CheckedMember c, PiiProtector pii)
    {
        member.Name = c.Name;
        member.Gender = c.Gender;
        member.BirthDate = c.BirthDate;
        if (member.ResidentIdHash != pii.LookupHash(c.ResidentId.Value))
        {
            member.ResidentIdCipher = pii.Encrypt(c.ResidentId.Value);
            member.ResidentIdHash = pii.LookupHash(c.ResidentId.Value);
            member.ResidentIdMasked = c.ResidentId.Masked;
        }
        member.PhoneCipher = c.Phone is null ? null : pii.Encrypt(c.Phone);
        member.PhoneMasked = c.Phone is null ? null : MemberRules.MaskPhone(c.Phone);
        member.Ethnicity = c.Ethnicity;
        member.Education = c.Education;
        member.Occupation = c.Occupation;
        member.JoinedOn = c.JoinedOn;
        member.FullOn = c.FullOn;
        member.Category = c.Category;
    }

    public static Member NewMember(CheckedMember c, long organizationId, long regionId, PiiProtector pii, DateTime now)
    {
        var member = new Member
        {
            Name = c.Name, OrganizationId = organizationId, RegionId = regionId, CreatedAt = now,
            ResidentIdCipher = pii.Encrypt(c.ResidentId.Value), ResidentIdHash = pii.LookupHash(c.ResidentId.Value),
            ResidentIdMasked = c.ResidentId.Masked,
        };
        Apply(member, c, pii);
        return member;
    }
}
