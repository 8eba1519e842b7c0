using Bastion.Data;
using Bastion.Members;
using Bastion.Organizations;
using Bastion.Security;
using Bastion.Shared;
using Bastion.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bastion.Web.Pages.Members;

/// <summary>Registers a member in a branch of the user's subtree (/Members/Create?org=…).</summary>
[Authorize(Policy = BastionPolicies.ReadRoster)]
public sealed class CreateModel(BastionDb db, PiiProtector pii) : PageModel
{
    public OrganizationDetail? Organization { get; private set; }

    [BindProperty]
    public MemberForm Form { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(long? org, CancellationToken ct)
    {
        Organization = await LoadAsync(org, ct);
        return Organization is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostAsync(long? org, CancellationToken ct)
    {
        Organization = await LoadAsync(org, ct);
        if (Organization is null) return NotFound();
        try
        {
            var member = await RegisterMember.HandleAsync(db, pii, new RegisterMember.Command { OrganizationId = Organization.Id, Member = Form.ToInput() }, ct);
            return Redirect($"/Members?org={member.OrganizationId}");
        }
        catch (ValidationFailedException e)
        {
            MemberForm.AddErrors(ModelState, e);
            return Page();
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
    }

    private async Task<OrganizationDetail?> LoadAsync(long? org, CancellationToken ct) =>
        (org ?? User.Organization()) is { } id ? await OrganizationQueries.GetAsync(db, id, ct) : null;
}
