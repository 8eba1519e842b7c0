using Bastion.Data;
using Bastion.Volunteering;
using Bastion.Web.Pages.Shared;
using Bastion.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Bastion.Web.Pages.Volunteering;

/// <summary>Service activities and pioneer posts published in the user's scope, and the form to publish one.</summary>
[Authorize(Policy = BastionPolicies.ReadRoster)]
public sealed class IndexModel(BastionDb db) : FormPageModel
{
    [BindProperty] public long? OrganizationId { get; set; }
    [BindProperty] public ServiceActivityKind? Kind { get; set; }
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Description { get; set; }
    [BindProperty] public DateOnly? HeldOn { get; set; }
    [BindProperty] public string? Place { get; set; }
    [BindProperty] public int? Capacity { get; set; }
    public IReadOnlyList<ActivityView> Activities { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        OrganizationId = User.Organization();
        Activities = await VolunteeringQueries.ListAsync(db, ct);
    }

    public Task<IActionResult> OnPostAsync(CancellationToken ct) =>
        SubmitAsync(async () =>
        {
            var a = await PublishActivity.HandleAsync(db, new PublishActivity.Command
            {
                OrganizationId = OrganizationId, Kind = Kind, Title = Title, Description = Description, HeldOn = HeldOn, Place = Place, Capacity = Capacity,
            }, ct);
            return Redirect($"/Volunteering/Activity/{a.Id}");
        }, async () => Activities = await VolunteeringQueries.ListAsync(db, ct));
}
