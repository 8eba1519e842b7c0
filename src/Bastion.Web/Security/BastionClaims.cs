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

/// <summary>Puts the user's one role and organization into the principal, for cookies and tokens alike.</summary>
public sealed class BastionClaimsFactory(UserManager<BastionUser> users, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<BastionUser>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(BastionUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(ClaimTypes.Role, user.Role));
        identity.AddClaim(new Claim(BastionClaims.OrganizationId, user.OrganizationId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        identity.AddClaim(new Claim(BastionClaims.DisplayName, user.DisplayName));
        if (user.MemberId is { } m) identity.AddClaim(new Claim(BastionClaims.MemberId, m.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return identity;
    }
}
