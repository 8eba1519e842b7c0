using Bastion.Web.Hosting;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace Bastion.Web.Security;

public static class BastionAuth
{
    public const string SmartScheme = "cookie-or-token";
    public const string TokenScheme = "Bearer";
    public const string LoginRateLimit = "login";

    /// <summary>A request with "Authorization: Bearer …" is a machine client; everything else uses the sign-in cookie.</summary>
    public static string SelectScheme(HttpContext context) =>
        context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            ? TokenScheme
            : IdentityConstants.ApplicationScheme;

    public static bool IsApi(HttpRequest request) =>
        request.Path.StartsWithSegments("/api") || request.Path.StartsWithSegments("/open311");

    public static void ConfigureCookie(CookieAuthenticationOptions o)
    {
        o.LoginPath = "/Account/Login";
        o.LogoutPath = "/Account/Logout";
        o.AccessDeniedPath = "/StatusCode/403";
        o.Cookie.Name = "bastion.auth";
        o.Cookie.HttpOnly = true;
        o.Cookie.SameSite = SameSiteMode.Lax;
        o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        o.ExpireTimeSpan = TimeSpan.FromHours(8);
        o.SlidingExpiration = true;
        // The API answers 401/403 as ProblemDetails instead of redirecting to the login page.
        o.Events.OnRedirectToLogin = ctx => IsApi(ctx.Request)
            ? ProblemResponses.WriteAsync(ctx.HttpContext, StatusCodes.Status401Unauthorized, "Not signed in", "Sign in or send a personal access token as 'Authorization: Bearer …'.")
            : RedirectAsync(ctx);
        o.Events.OnRedirectToAccessDenied = ctx => IsApi(ctx.Request)
            ? ProblemResponses.WriteAsync(ctx.HttpContext, StatusCodes.Status403Forbidden, "Forbidden", "Your role may not do this.")
            : RedirectAsync(ctx);
    }

    private static Task RedirectAsync(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> ctx)
    {
        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }
}
