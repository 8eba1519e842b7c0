using Bastion.CallUps;
using Bastion.Data;
using Bastion.Web.Pages.Shared;
using Bastion.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Bastion.Web.Pages.CallUps;

/// <summary>Emergency call-ups (应急动员) issued in the user's scope, and the form to call up a subtree.</summary>
[Authorize(Policy = BastionPolicies.ReadRoster)]
public sealed class IndexModel(BastionDb db) : FormPageModel
{
    [BindProperty] public long? OrganizationId { get; set; }
    [BindProperty] public CallUpKind? Kind { get; set; }
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Instructions { get; set; }
    [BindProperty] public DateTime? EndsAt { get; set; }
    public IReadOnlyList<CallUpView> CallUps { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        OrganizationId = User.Organization();
        CallUps = await CallUpQueries.ListAsync(db, ct);
    }

    public Task<IActionResult> OnPostAsync(CancellationToken ct) =>
        SubmitAsync(async () =>
        {
            var c = await IssueCallUp.HandleAsync(db, new IssueCallUp.Command
            {
                OrganizationId = OrganizationId, Kind = Kind, Title = Title, Instructions = Instructions,
                EndsAt = EndsAt is { } e ? DateTime.SpecifyKind(e, DateTimeKind.Local) : null,
            }, User.UserId(), ct);
            return Redirect($"/CallUps/Roster/{c.Id}");
        }, async () => CallUps = await CallUpQueries.ListAsync(db, ct));
}
