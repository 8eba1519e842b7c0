using Bastion.Data;
using Bastion.Requests;
using Bastion.Shared;
using Bastion.Web.Api;
using Bastion.Web.Pages.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Bastion.Web.Pages.Public.Requests;

/// <summary>The tracking page: progress and the public answer by tracking code; rate the answer, or reopen it in time.</summary>
[AllowAnonymous]
[EnableRateLimiting(RequestsApi.PublicIntakeRateLimit)]
public sealed class TrackModel(BastionDb db) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Code { get; set; }
    [BindProperty(SupportsGet = true)] public bool Received { get; set; }
    [BindProperty] public int? Rating { get; set; }
    [BindProperty] public string? Comment { get; set; }
    [BindProperty] public string? Reason { get; set; }

    public PublicTracking? Tracking { get; private set; }
    public bool NotFoundCode { get; private set; }
    public IDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();
    public string? Done { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public Task<IActionResult> OnPostRateAsync(CancellationToken ct) =>
        ActAsync(() => RequesterActions.RateAsync(db, Code, Rating, Comment, ct), "Rated", ct);

    public Task<IActionResult> OnPostReopenAsync(CancellationToken ct) =>
        ActAsync(() => RequesterActions.ReopenAsync(db, Code, Reason, ct), "Reopened", ct);

    private async Task<IActionResult> ActAsync(Func<Task> action, string done, CancellationToken ct)
    {
        try
        {
            await action();
            return Redirect($"/public/requests/track?code={TrackingCode.Normalize(Code)}");
        }
        catch (ValidationFailedException e) { Errors = e.Errors; }
        catch (DomainRuleException e) { Errors = new Dictionary<string, string[]> { [done] = [RuleMessages.Text(HttpContext, e)] }; }
        catch (NotFoundException) { }
        await LoadAsync(ct);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Code)) return;
        Tracking = await RequestQueries.TrackAsync(db, Code, ct);
        NotFoundCode = Tracking is null;
        if (NotFoundCode) Response.StatusCode = StatusCodes.Status404NotFound;
    }
}
