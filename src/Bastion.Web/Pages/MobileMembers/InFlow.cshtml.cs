using Bastion.Data;
using Bastion.MobileMembers;
using Bastion.Organizations;
using Bastion.Security;
using Bastion.Shared;
using Bastion.Web.Pages.Shared;
using Bastion.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Bastion.Web.Pages.MobileMembers;

/// <summary>流入登记: a member of another organization takes part in this branch's organizational life (/MobileMembers/InFlow?org=…).</summary>
[Authorize(Policy = BastionPolicies.ReadRoster)]
public sealed class InFlowModel(BastionDb db, PiiProtector pii, IStringLocalizer<MobileMembersResource> t) : PageModel
{
    public OrganizationDetail? Organization { get; private set; }
    public string? RuleError { get; private set; }
    public Dictionary<string, string> Errors { get; } = [];

    /// <summary>Used only to find the member's record; never stored by this page.</summary>
    [BindProperty] public string? ResidentId { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Origin { get; set; }
    [BindProperty] public string? ActivityCardNumber { get; set; }
    [BindProperty] public DateOnly? ArrivedOn { get; set; }
    [BindProperty] public DateOnly? ExpectedReturnOn { get; set; }

    public async Task<IActionResult> OnGetAsync(long? org, CancellationToken ct)
    {
        if (!await LoadAsync(org, ct)) return NotFound();
        ArrivedOn = Clock.Today(db.Time);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long? org, CancellationToken ct)
    {
        if (!await LoadAsync(org, ct)) return NotFound();
        foreach (var field in new[] { nameof(ArrivedOn), nameof(ExpectedReturnOn) })
            if (ModelState.TryGetValue(field, out var entry) && entry.Errors.Count > 0) Errors[field] = t[$"Error.{field}"];
        if (Errors.Count == 0)
        {
            try
            {
                await RegisterInFlow.HandleAsync(db, pii, new RegisterInFlow.Command
                {
                    OrganizationId = Organization!.Id, ResidentId = ResidentId, Name = Name, Origin = Origin,
                    ActivityCardNumber = ActivityCardNumber, ArrivedOn = ArrivedOn, ExpectedReturnOn = ExpectedReturnOn,
                }, ct);
                return Redirect($"/MobileMembers?org={Organization.Id}&direction=InFlow&done=registered");
            }
            catch (ValidationFailedException e)
            {
                foreach (var field in e.Errors.Keys) Errors[field] = t[$"Error.{field}"];
            }
            catch (DomainRuleException e)
            {
                var text = t[$"Rule.{e.Rule}"];
                RuleError = text.ResourceNotFound ? RuleMessages.Text(HttpContext, e) : text.Value;
            }
        }
        ResidentId = null;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<bool> LoadAsync(long? org, CancellationToken ct)
    {
        if ((org ?? User.Organization()) is not { } id) return false;
        Organization = await OrganizationQueries.GetAsync(db, id, ct);
        return Organization is not null;
    }
}
