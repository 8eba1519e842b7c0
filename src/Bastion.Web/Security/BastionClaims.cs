using System.Security.Claims;
using Bastion.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Bastion.Web.Security;

public static class BastionClaims
{
    public const string OrganizationId = "bastion:org";
    public const string DisplayName = "bastion:name";
    public const string MemberId = "bastion:member";

    public static long? Organization(this ClaimsPrincipal user) =>
        long.TryParse(user.FindFirstValue(OrganizationId), out var id) ? id : null;

    public static long? UserId(this ClaimsPrincipal user) =>
        long.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public static string? Role(this ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.Role);
}

/// <summary>
/// Builds the principal from the user row alone: id, name, security stamp, the one role, the organization.
/// Bastion keeps no per-user claims table entries, so no further query is needed (token requests build one each time).
/// </summary>
public sealed class BastionClaimsFactory(UserManager<BastionUser> users, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<BastionUser>(users, options)
{
    protected override Task<ClaimsIdentity> GenerateClaimsAsync(BastionUser user) => Task.FromResult(Identity(user, Options.ClaimsIdentity));

    public static ClaimsIdentity Identity(BastionUser user, ClaimsIdentityOptions names, string authenticationType = "Identity.Application")
    {
        var identity = new ClaimsIdentity(authenticationType, names.UserNameClaimType, names.RoleClaimType);
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        identity.AddClaim(new Claim(names.UserIdClaimType, user.Id.ToString(invariant)));
        identity.AddClaim(new Claim(names.UserNameClaimType, user.UserName ?? ""));
        if (user.SecurityStamp is { } stamp) identity.AddClaim(new Claim(names.SecurityStampClaimType, stamp));
        identity.AddClaim(new Claim(names.RoleClaimType, user.Role));
        identity.AddClaim(new Claim(BastionClaims.OrganizationId, user.OrganizationId.ToString(invariant)));
        identity.AddClaim(new Claim(BastionClaims.DisplayName, user.DisplayName));
        if (user.MemberId is { } m) identity.AddClaim(new Claim(BastionClaims.MemberId, m.ToString(invariant)));
        return identity;
    }
}
