using Microsoft.AspNetCore.Identity;

namespace Bastion.Identity;

/// <summary>A person who signs in. Every user is bound to exactly one organization: their data scope.</summary>
public class BastionUser : IdentityUser<long>
{
    public required string DisplayName { get; set; }
    public long OrganizationId { get; set; }
    public required string Role { get; set; }
    /// <summary>The member record of this person, when they are a party member.</summary>
    public long? MemberId { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>The roles of DESIGN §1. One role per user.</summary>
public static class BastionRoles
{
    public const string SystemAdmin = "SystemAdmin";
    /// <summary>组织部 / 组织员: the organization and its whole subtree.</summary>
    public const string OrganizationDepartment = "OrganizationDepartment";
    /// <summary>书记、支委: one branch and its groups.</summary>
    public const string BranchSecretary = "BranchSecretary";
    /// <summary>党员: self.</summary>
    public const string Member = "Member";
    /// <summary>纪检: subtree, discipline module only.</summary>
    public const string Discipline = "Discipline";

    public static readonly IReadOnlyList<string> All = [SystemAdmin, OrganizationDepartment, BranchSecretary, Member, Discipline];

    public static bool IsKnown(string? role) => role is not null && All.Contains(role);

    /// <summary>Roles allowed to see personal data (resident ID) unmasked.</summary>
    public static bool MaySeePersonalData(string? role) => role is SystemAdmin or OrganizationDepartment or BranchSecretary;
}
