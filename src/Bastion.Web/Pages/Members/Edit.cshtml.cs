using Bastion.Data;
using Bastion.Members;
using Bastion.Security;
using Bastion.Shared;
using Bastion.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bastion.Web.Pages.Members;

/// <summary>Corrects a member record (/Members/Edit/{id}); resident ID and phone are shown masked and kept when left blank.</summary>
[Authorize(Policy = BastionPolicies.ReadRoster)]
public sealed class EditModel(BastionDb db, PiiProtector pii) : PageModel
{
    public MemberDetail? Member { get; private set; }

    [BindProperty]
    public MemberForm Form { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        Member = await MemberQueries.GetDetailAsync(db, id, ct);
        if (Member is null) return NotFound();
        Form = MemberForm.From(Member);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        Member = await MemberQueries.GetDetailAsync(db, id, ct);
        if (Member is null) return NotFound();
        try
        {
            await UpdateMember.HandleAsync(db, pii, new UpdateMember.Command { MemberId = id, Member = Form.ToInput() }, ct);
            return Redirect($"/Members?org={Member.OrganizationId}");
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
}
