using Bastion.Data;
using Bastion.Grids;
using Bastion.Security;
using Bastion.Shared;
using Bastion.Web.Api;
using Bastion.Web.Pages.Shared;
using Bastion.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Bastion.Web.Pages.Households;

/// <summary>
/// A member's phone page: the households the member keeps contact with (联系群众), the longest without contact first,
/// each with a quick log of a visit or call; what was raised becomes a request in the same step.
/// </summary>
[Authorize(Policy = BastionPolicies.ReadOrganizations)]
public sealed class MineModel(BastionDb db, PiiProtector pii) : FormPageModel
{
    public long? MemberId { get; private set; }
    public IReadOnlyList<KeptHouseholdView> Households { get; private set; } = [];
    public IReadOnlyList<HouseholdContactView> Recent { get; private set; } = [];
    public DateOnly Today { get; private set; }
    public bool Done { get; private set; }
    /// <summary>The request made by the last log, to link to.</summary>
    public long? RaisedRequestId { get; private set; }
    /// <summary>The household whose form failed: its card shows the errors and what was typed.</summary>
    public long? FailedHouseholdId { get; private set; }

    [BindProperty] public Bastion.Grids.HouseholdContactKind? Kind { get; set; }
    [BindProperty] public DateOnly? ContactedOn { get; set; }
    [BindProperty] public string? Notes { get; set; }
    [BindProperty] public bool MakeRequest { get; set; }
    [BindProperty] public string? Category { get; set; }

    private async Task LoadAsync(CancellationToken ct)
    {
        Today = Clock.Today(db.Time);
        MemberId = CallUpsApi.MemberOf(User);
        if (MemberId is not { } m) return;
        Households = await HouseholdQueries.ForKeeperAsync(db, m, ct);
        Recent = await HouseholdQueries.RecentContactsAsync(db, m, null, 20, ct);
    }

    public async Task OnGetAsync(bool? done, long? request, CancellationToken ct)
    {
        (Done, RaisedRequestId) = (done == true, request);
        await LoadAsync(ct);
    }

    public Task<IActionResult> OnPostAsync(long householdId, CancellationToken ct)
    {
        FailedHouseholdId = householdId;
        return SubmitAsync(async () =>
        {
            var contact = await RecordHouseholdContact.HandleAsync(db, pii, householdId, new RecordHouseholdContact.Command
            {
                MemberId = CallUpsApi.MemberOf(User), ContactedOn = ContactedOn, Kind = Kind, Notes = Notes,
                RaiseAsCategory = MakeRequest ? Category ?? "" : null,
            }, ct);
            return Redirect(contact.RaisedRequestId is { } r ? $"/Households/Mine?done=true&request={r}" : "/Households/Mine?done=true");
        }, () => LoadAsync(ct));
    }
}
