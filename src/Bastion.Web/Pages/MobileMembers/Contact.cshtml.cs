using Bastion.Data;
using Bastion.MobileMembers;
using Bastion.Shared;
using Bastion.Web.Pages.Shared;
using Bastion.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Bastion.Web.Pages.MobileMembers;

/// <summary>One mobile record: its contacts, a form to record a contact, and ending the record (/MobileMembers/Contact?id=…).</summary>
[Authorize(Policy = BastionPolicies.ReadRoster)]
public sealed class ContactModel(BastionDb db, IStringLocalizer<MobileMembersResource> t) : PageModel
{
    public MobileRecordDetail? Detail { get; private set; }
    public string? RuleError { get; private set; }
    public Dictionary<string, string> Errors { get; } = [];

    [BindProperty] public DateOnly? ContactedOn { get; set; }
    [BindProperty] public ContactChannel? Channel { get; set; }
    [BindProperty] public string? Note { get; set; }
    [BindProperty] public DateOnly? ReturnedOn { get; set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        Detail = await MobileQueries.GetAsync(db, id, ct);
        if (Detail is null) return NotFound();
        ContactedOn = ReturnedOn = Clock.Today(db.Time);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        Detail = await MobileQueries.GetAsync(db, id, ct);
        if (Detail is null) return NotFound();
        CollectBindingErrors(nameof(ContactedOn), nameof(Channel));
        if (Errors.Count == 0)
        {
            try
            {
                await RecordContact.HandleAsync(db, id, new RecordContact.Command { ContactedOn = ContactedOn, Channel = Channel, Note = Note }, ct);
                return Redirect($"/MobileMembers?org={Detail.Record.OrganizationId}&done=contact");
            }
            catch (ValidationFailedException e) { Show(e); }
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    public async Task<IActionResult> OnPostEndAsync(long id, CancellationToken ct)
    {
        Detail = await MobileQueries.GetAsync(db, id, ct);
        if (Detail is null) return NotFound();
        CollectBindingErrors(nameof(ReturnedOn));
        if (Errors.Count == 0)
        {
            try
            {
                await EndMobility.HandleAsync(db, id, new EndMobility.Command { ReturnedOn = ReturnedOn }, ct);
                return Redirect($"/MobileMembers?org={Detail.Record.OrganizationId}&done=ended");
            }
            catch (ValidationFailedException e) { Show(e); }
            catch (DomainRuleException e)
            {
                var text = t[$"Rule.{e.Rule}"];
                RuleError = text.ResourceNotFound ? RuleMessages.Text(HttpContext, e) : text.Value;
            }
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private void CollectBindingErrors(params string[] fields)
    {
        foreach (var field in fields)
            if (ModelState.TryGetValue(field, out var entry) && entry.Errors.Count > 0) Errors[field] = t[$"Error.{field}"];
    }

    private void Show(ValidationFailedException e)
    {
        foreach (var field in e.Errors.Keys) Errors[field] = t[$"Error.{field}"];
    }
}
