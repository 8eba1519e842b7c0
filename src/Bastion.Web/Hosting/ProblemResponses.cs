using System.Globalization;
using Bastion.Shared;
using Bastion.Web.Security;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Bastion.Web.Hosting;

/// <summary>Writes RFC 9457 problem details for the API, whatever produced the error.</summary>
public static class ProblemResponses
{
    public static async Task WriteAsync(HttpContext context, int status, string title, string detail, CancellationToken ct = default)
    {
        if (context.Response.HasStarted) return;
        context.Response.StatusCode = status;
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail, Instance = context.Request.Path },
        });
    }

    /// <summary>Bare status codes from the API (404 from routing, 405 …) become problem details too.</summary>
    public static Task StatusCodePageAsync(StatusCodeContext context)
    {
        var http = context.HttpContext;
        var status = http.Response.StatusCode;
        var title = ReasonPhrases.For(status);
        return WriteAsync(http, status, title, status == StatusCodes.Status404NotFound
            ? "Nothing exists at this address, or it is outside your organization's scope."
            : title);
    }

    private static class ReasonPhrases
    {
        public static string For(int status) => Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status) is { Length: > 0 } p ? p : "Error";
    }
}

/// <summary>
/// The one place where exceptions become API answers: a missing or out-of-scope id is 404, invalid input 400
/// with the fields, a broken business rule 409 with the rule's name, anything else 500 without internals.
/// Page requests fall through to the error page.
/// </summary>
public sealed class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var context = httpContext;
        if (!BastionAuth.IsApi(context.Request)) return false;
        ProblemDetails problem = exception switch
        {
            NotFoundException e => new ProblemDetails { Status = 404, Title = "Not found", Detail = e.Message },
            ValidationFailedException e => new HttpValidationProblemDetails(e.Errors) { Status = 400, Title = "The request is not valid", Detail = e.Message },
            DomainRuleException e => new ProblemDetails { Status = 409, Title = "A rule forbids this", Detail = e.Message, Extensions = { ["rule"] = e.Rule } },
            BadHttpRequestException e => new ProblemDetails { Status = e.StatusCode, Title = "The request is not valid", Detail = e.Message },
            _ => new ProblemDetails { Status = 500, Title = "Unexpected error", Detail = "The server could not complete the request; the error was logged." },
        };
        if (exception is DomainRuleException rule) AddRuleText(context, problem, rule);
        if (problem.Status == 500) log.LogError(exception, "Unhandled API error on {Path}", context.Request.Path);
        context.Response.StatusCode = problem.Status!.Value;
        problem.Instance = context.Request.Path;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }

    /// <summary>The rule's plain sentence in the request's language (the handler runs outside the localization middleware).</summary>
    private static void AddRuleText(HttpContext context, ProblemDetails problem, DomainRuleException rule)
    {
        if (context.Features.Get<IRequestCultureFeature>() is not { } culture) return;
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = culture.RequestCulture.UICulture;
            if (context.RequestServices.GetService<IStringLocalizer<RulesResource>>()?[rule.Rule] is { ResourceNotFound: false } text)
                problem.Extensions["ruleText"] = text.Value;
        }
        finally { CultureInfo.CurrentUICulture = previous; }
    }
}
