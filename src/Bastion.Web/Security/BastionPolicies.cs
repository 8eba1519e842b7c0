using Bastion.Identity;
using Microsoft.AspNetCore.Authorization;

namespace Bastion.Web.Security;

/// <summary>What each role may do (DESIGN §1). Where they may do it is the data scope's business.</summary>
public static class BastionPolicies
{
    /// <summary>Browse the organization tree. Discipline staff work only in the discipline module.</summary>
    public const string ReadOrganizations = "ReadOrganizations";
    /// <summary>Read member records: the people who run an organization, not members themselves.</summary>
    public const string ReadRoster = "ReadRoster";
    public const string ManageOrganizations = "ManageOrganizations";
    public const string SeePersonalData = "SeePersonalData";

    public static void Add(AuthorizationBuilder builder) => builder
        .AddPolicy(ReadOrganizations, p => p.RequireRole(BastionRoles.SystemAdmin, BastionRoles.OrganizationDepartment, BastionRoles.BranchSecretary, BastionRoles.Member))
        .AddPolicy(ReadRoster, p => p.RequireRole(BastionRoles.SystemAdmin, BastionRoles.OrganizationDepartment, BastionRoles.BranchSecretary))
        .AddPolicy(ManageOrganizations, p => p.RequireRole(BastionRoles.SystemAdmin, BastionRoles.OrganizationDepartment))
        .AddPolicy(SeePersonalData, p => p.RequireAssertion(c => BastionRoles.MaySeePersonalData(c.User.Role())));
}
