using System.Text.Encodings.Web;
using Bastion.Data;
using Bastion.Identity;
using Bastion.Shared;
using Bastion.Web.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Bastion.Web.Security;

/// <summary>Authenticates "Authorization: Bearer bst_…" with a personal access token (only its hash is stored).</summary>
public sealed class ApiTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    BastionDb db, IOptions<IdentityOptions> identityOptions)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return AuthenticateResult.NoResult();
        var secret = header["Bearer ".Length..].Trim();
        if (secret.Length == 0) return AuthenticateResult.Fail("The bearer token is empty.");

        var hash = ApiToken.Hash(secret);
        var now = Bastion.Shared.Clock.UtcNow(TimeProvider);
        // Token and user in one query: this runs on every API request.
        var found = await db.ApiTokens.AsTracking().Where(t => t.TokenHash == hash)
            .Join(db.Users, t => t.UserId, u => u.Id, (t, u) => new { Token = t, User = u })
            .FirstOrDefaultAsync(Context.RequestAborted);
        if (found is null || !found.Token.IsActive(now)) return AuthenticateResult.Fail("The token is unknown, expired or revoked.");
        var (token, user) = (found.Token, found.User);
        if (user.LockoutEnd is { } end && end > TimeProvider.GetUtcNow())
            return AuthenticateResult.Fail("The token's user is locked out.");

        // Record use at most once a minute: a busy client must not turn every read into a write.
        if (token.LastUsedAt is null || now - token.LastUsedAt > TimeSpan.FromMinutes(1))
        {
            token.LastUsedAt = now;
            await db.SaveChangesAsync(Context.RequestAborted);
        }
        var principal = new System.Security.Claims.ClaimsPrincipal(BastionClaimsFactory.Identity(user, identityOptions.Value.ClaimsIdentity, Scheme.Name));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        ProblemResponses.WriteAsync(Context, StatusCodes.Status401Unauthorized, "Not authenticated", "The bearer token is missing, unknown, expired or revoked.");

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ProblemResponses.WriteAsync(Context, StatusCodes.Status403Forbidden, "Forbidden", "Your role may not do this.");
}
