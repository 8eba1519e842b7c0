using Bastion.Data;
using Bastion.Shared;
using Bastion.Transfers;
using Bastion.Web.Pages.Shared;
using Bastion.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Bastion.Web.Pages.Transfers;

/// <summary>组织关系转接: letters coming in and going out of the caller's scope (/Transfers?tab=incoming|outgoing|overdue).</summary>
[Authorize(Policy = BastionPolicies.ReadRoster)]
public sealed class IndexModel(BastionDb db, IStringLocalizer<TransfersResource> t) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)] public string? Tab { get; set; }
    /// <summary>The page number ("page" is taken by Razor Pages' routing).</summary>
    [BindProperty(SupportsGet = true)] public int? P { get; set; }
    [BindProperty(SupportsGet = true)] public string? Done { get; set; }

    public TransferBox Box { get; private set; }
    public Page<TransferView> List { get; private set; } = new([], 1, PageSize, 0);
    public int OverdueCount { get; private set; }

    /// <summary>The row whose action failed, and why.</summary>
    public long? FailedId { get; private set; }
    public string? RuleError { get; private set; }
    public string? ReasonError { get; private set; }
    public string? Reason { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public Task<IActionResult> OnPostAcceptAsync(long id, CancellationToken ct) =>
        StepAsync(id, "accepted", () => AcceptTransfer.HandleAsync(db, id, ct), ct);

    public Task<IActionResult> OnPostReturnAsync(long id, string? reason, CancellationToken ct)
    {
        Reason = reason;
        return StepAsync(id, "returned", () => ReturnTransfer.HandleAsync(db, id, new ReturnTransfer.Command { Reason = reason }, ct), ct);
    }

    public Task<IActionResult> OnPostCancelAsync(long id, CancellationToken ct) =>
        StepAsync(id, "cancelled", () => CancelTransfer.HandleAsync(db, id, ct), ct);

    public Task<IActionResult> OnPostReturnSlipAsync(long id, CancellationToken ct) =>
        StepAsync(id, "completed", () => RecordReturnSlip.HandleAsync(db, id, new RecordReturnSlip.Command(), ct), ct);

    private async Task<IActionResult> StepAsync(long id, string done, Func<Task<TransferView>> step, CancellationToken ct)
    {
        try
        {
            await step();
            return Redirect($"/Transfers?tab={TabName(ParseTab(Tab))}&done={done}");
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        catch (ValidationFailedException)
        {
            FailedId = id;
            ReasonError = t["Error.ReturnReason"];
        }
        catch (DomainRuleException e)
        {
            FailedId = id;
            var text = t[$"Rule.{e.Rule}"];
            RuleError = text.ResourceNotFound ? RuleMessages.Text(HttpContext, e) : text.Value;
        }
        await LoadAsync(ct);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Box = ParseTab(Tab);
        List = await TransferQueries.ListAsync(db, Box, null, P, PageSize, ct);
        OverdueCount = Box == TransferBox.Overdue ? List.TotalCount : (await TransferQueries.ListAsync(db, TransferBox.Overdue, null, 1, 1, ct)).TotalCount;
    }

    public static TransferBox ParseTab(string? tab) => tab switch
    {
        "outgoing" => TransferBox.Outgoing,
        "overdue" => TransferBox.Overdue,
        _ => TransferBox.Incoming,
    };

    public static string TabName(TransferBox box) => box.ToString().ToLowerInvariant();
}
