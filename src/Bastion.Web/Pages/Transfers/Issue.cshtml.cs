using Bastion.Data;
using Bastion.Members;
using Bastion.Shared;
using Bastion.Transfers;
using Bastion.Web.Pages.Shared;
using Bastion.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Bastion.Web.Pages.Transfers;

/// <summary>开具介绍信: issues a transfer for one member of the caller's scope (/Transfers/Issue?member=…).</summary>
[Authorize(Policy = BastionPolicies.ReadRoster)]
public sealed class IssueModel(BastionDb db, IStringLocalizer<TransfersResource> t) : PageModel
{
    [BindProperty(SupportsGet = true)] public long? Member { get; set; }
    /// <summary>The text the receiving branch is searched by.</summary>
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty] public long? ToOrganizationId { get; set; }
    [BindProperty] public int? ValidityDays { get; set; } = TransferRules.DefaultValidityDays;
    [BindProperty] public string? LetterNumber { get; set; }
    [BindProperty] public string? Reason { get; set; }
    /// <summary>The organization outside the system, for a letter out of the system (转出系统外).</summary>
    [BindProperty] public string? Destination { get; set; }
    /// <summary>Which form was sent: "internal" or "outgoing", so errors show beside the right fields.</summary>
    public string Form { get; private set; } = "internal";

    public MemberSummary? MemberRecord { get; private set; }
    public IReadOnlyList<DestinationView> Destinations { get; private set; } = [];
    public Dictionary<string, string> Errors { get; } = [];
    public string? RuleError { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        return await SubmitAsync(() => IssueTransfer.HandleAsync(db, new IssueTransfer.Command
        {
            MemberId = Member, ToOrganizationId = ToOrganizationId, ValidityDays = ValidityDays, LetterNumber = LetterNumber, Reason = Reason,
        }, ct));
    }

    /// <summary>A letter to an organization outside the system; the member stays active until the return slip is recorded.</summary>
    public async Task<IActionResult> OnPostOutgoingAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        Form = "outgoing";
        return await SubmitAsync(() => RecordOutgoingLetter.HandleAsync(db, new RecordOutgoingLetter.Command
        {
            MemberId = Member, Destination = Destination, ValidityDays = ValidityDays, LetterNumber = LetterNumber, Reason = Reason,
        }, ct));
    }

    /// <summary>Runs one of the letter use cases: on success back to the outgoing list, otherwise the form again with its errors.</summary>
    private async Task<IActionResult> SubmitAsync(Func<Task> issue)
    {
        try
        {
            await issue();
            return Redirect("/Transfers?tab=outgoing&done=issued");
        }
        catch (ValidationFailedException e)
        {
            ShowErrors(e);
        }
        catch (DomainRuleException e)
        {
            ShowRule(e);
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private void ShowErrors(ValidationFailedException e)
    {
        foreach (var field in e.Errors.Keys) Errors[field] = t[$"Error.{field}"];
    }

    private void ShowRule(DomainRuleException e)
    {
        var text = t[$"Rule.{e.Rule}"];
        RuleError = text.ResourceNotFound ? RuleMessages.Text(HttpContext, e) : text.Value;
    }

    /// <summary>The member in scope (else 404) and the branches matching the search text.</summary>
    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (Member is not { } id) return false;
        MemberRecord = await MemberQueries.GetAsync(db, id, ct);
        if (MemberRecord is null) return false;
        Destinations = (await TransferQueries.DestinationsAsync(db, Q, ct)).Where(d => d.Id != MemberRecord.OrganizationId).ToList();
        return true;
    }
}
