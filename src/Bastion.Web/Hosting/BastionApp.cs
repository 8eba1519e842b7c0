using System.Globalization;
using System.Threading.RateLimiting;
using Bastion.Data;
using Bastion.Generation;
using Bastion.Identity;
using Bastion.Jobs;
using Bastion.Security;
using Bastion.Web.Api;
using Bastion.Web.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Scalar.AspNetCore;

namespace Bastion.Web.Hosting;

public static class BastionApp
{
    public static readonly CultureInfo[] Cultures = [new("zh-CN"), new("en")];

    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        var storage = StorageSettings.From(builder.Configuration);
        var services = builder.Services;

        services.AddBastionStorage(storage, builder.Configuration);
        services.AddHostedService<StartupPreparation>();
        services.AddBastionJobs();
        services.AddHostedService<JobScheduler>();
        services.AddScoped<HttpDataScope>();
        services.AddScoped<IDataScope>(sp => sp.GetRequiredService<HttpDataScope>());
        services.AddDataProtection()
            .SetApplicationName("Bastion")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(storage.DataDirectory, "keys", "dataprotection")));

        services.AddIdentityCore<BastionUser>(o =>
            {
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.Password.RequiredLength = 8;
                o.User.RequireUniqueEmail = false;
            })
            .AddSignInManager()
            .AddEntityFrameworkStores<BastionDb>()
            .AddClaimsPrincipalFactory<BastionClaimsFactory>();

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = BastionAuth.SmartScheme;
                o.DefaultChallengeScheme = BastionAuth.SmartScheme;
            })
            .AddPolicyScheme(BastionAuth.SmartScheme, null, o => o.ForwardDefaultSelector = BastionAuth.SelectScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(BastionAuth.TokenScheme, null)
            .AddIdentityCookies();
        services.ConfigureApplicationCookie(BastionAuth.ConfigureCookie);
        BastionPolicies.Add(services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build()));

        services.AddLocalization(o => o.ResourcesPath = "Resources");
        // Chinese text goes into pages as characters, not as &#x..; entities.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture("zh-CN");
            o.SupportedCultures = Cultures;
            o.SupportedUICultures = Cultures;
            // Chinese unless the user asked for English: the cookie first, then ?culture= for links.
            o.RequestCultureProviders = [new CookieRequestCultureProvider(), new QueryStringRequestCultureProvider()];
        });
        services.AddRazorPages(o => o.Conventions
                .AllowAnonymousToPage("/Account/Login").AllowAnonymousToPage("/Error").AllowAnonymousToPage("/StatusCode").AllowAnonymousToPage("/Language")
                .AddPageApplicationModelConvention("/Account/Login", m => m.EndpointMetadata.Add(new EnableRateLimitingAttribute(BastionAuth.LoginRateLimit))))
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, f) => f.Create(typeof(SharedResource)));

        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.AddOpenApi(o => o.AddDocumentTransformer<BearerSecurityTransformer>());
        services.AddHealthChecks().AddDbContextCheck<BastionDb>("database");
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));

        var loginPerMinute = builder.Configuration.GetValue("Bastion:RateLimits:LoginPerMinute", 10);
        var intakePerHour = builder.Configuration.GetValue("Bastion:RateLimits:PublicIntakePerHour", 30);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(BastionAuth.LoginRateLimit, ctx => HttpMethods.IsPost(ctx.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(ctx.Connection.RemoteIpAddress?.ToString() ?? "local",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = loginPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
                : RateLimitPartition.GetNoLimiter("read"));
            o.AddPolicy(RequestsApi.PublicIntakeRateLimit, ctx => HttpMethods.IsPost(ctx.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(ctx.Connection.RemoteIpAddress?.ToString() ?? "local",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = intakePerHour, Window = TimeSpan.FromHours(1), QueueLimit = 0 })
                : RateLimitPartition.GetNoLimiter("read"));
            // People get the localized 429 page from the status-code pages; API clients get problem details.
            o.OnRejected = (ctx, ct) => ctx.HttpContext.Request.Path.StartsWithSegments(Open311Api.Prefix)
                ? new ValueTask(Open311Api.WriteTooManyAsync(ctx.HttpContext, ct))
                : BastionAuth.IsApi(ctx.HttpContext.Request)
                ? new ValueTask(ProblemResponses.WriteAsync(ctx.HttpContext, StatusCodes.Status429TooManyRequests,
                    "Too many requests", "Too many requests from this address; wait a little and try again.", ct))
                : ValueTask.CompletedTask;
        });

        return builder.Build().UseBastionPipeline();
    }

    private static WebApplication UseBastionPipeline(this WebApplication app)
    {
        app.UseMiddleware<SecurityHeadersMiddleware>();
        // The API answers every error as problem details; people get the localized error pages.
        app.UseWhen(c => BastionAuth.IsApi(c.Request), api => api.UseExceptionHandler().UseStatusCodePages(ProblemResponses.StatusCodePageAsync));
        app.UseWhen(c => !BastionAuth.IsApi(c.Request), pages => pages.UseExceptionHandler("/Error").UseStatusCodePagesWithReExecute("/StatusCode/{0}"));
        app.UseRequestLocalization();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseMiddleware<DataScopeMiddleware>();
        app.UseAuthorization();

        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready").AllowAnonymous();
        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference("/api/docs", o => o.WithTitle("Bastion API").WithOpenApiRoutePattern("/openapi/{documentName}.json")).AllowAnonymous();
        app.MapRazorPages();
        app.MapOrganizationsApi();
        app.MapMembersApi();
        app.MapAccountApi();
        app.MapPositionsApi();
        app.MapAlliancesApi();
        app.MapMobileMembersApi();
        app.MapTransfersApi();
        app.MapStructureApi();
        app.MapDuesApi();
        app.MapCallUpsApi();
        app.MapVolunteeringApi();
        app.MapMeetingsApi();
        app.MapDevelopmentApi();
        app.MapComplianceApi();
        app.MapAppraisalsApi();
        app.MapDirectivesApi();
        app.MapStudyApi();
        app.MapNotificationsApi();
        app.MapVillagesApi();
        app.MapRequestsApi();
        app.MapDisciplineApi();
        app.MapRectificationApi();
        app.MapSecretaryReviewsApi();
        app.MapStandardizationApi();
        app.MapOpen311Api();
        app.MapStrengthApi();
        return app;
    }
}
