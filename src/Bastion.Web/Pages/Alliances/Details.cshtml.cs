using Bastion.Alliances;
using Bastion.Data;
using Bastion.Shared;
using Bastion.Web.Pages.Shared;
using Bastion.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bastion.Web.Pages.Alliances;

/// <summary>One alliance: members (out-of-scope ones by name only), activities, and the form to record one. 404 when not visible.</summary>
[Authorize(Policy = BastionPolicies.ReadRoster)]
public sealed class DetailsModel(BastionDb db) : FormPageModel
{
    public AllianceDetail Alliance { get; private set; } = null!;
    [BindProperty] public DateOnly? HeldOn { get; set; }
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Summary { get; set; }
    [BindProperty] public int? ParticipantCount { get; set; }
    [BindProperty] public long? OrganizingOrganizationId { get; set; }
    public bool Recorded { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, bool recorded, CancellationToken ct)
    {
        if (await AllianceQueries.GetAsync(db, id, ct) is not { } alliance) return NotFound();
        Alliance = alliance;
        Recorded = recorded;
        HeldOn = Clock.Today(db.Time);
        OrganizingOrganizationId = alliance.Members.FirstOrDefault(m => m.InScope)?.OrganizationId;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        if (await AllianceQueries.GetAsync(db, id, ct) is not { } alliance) return NotFound();
        Alliance = alliance;
        return await SubmitAsync(async () =>
        {
            await RecordAllianceActivity.HandleAsync(db, id, new RecordAllianceActivity.Command
            {
                HeldOn = HeldOn, Title = Title, Summary = Summary, ParticipantCount = ParticipantCount, OrganizingOrganizationId = OrganizingOrganizationId,
            }, ct);
            return Redirect($"/Alliances/{id}?recorded=true");
        }, ruleField: nameof(Title));
    }
}
