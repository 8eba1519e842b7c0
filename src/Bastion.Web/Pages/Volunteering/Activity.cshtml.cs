using Bastion.Data;
using Bastion.Volunteering;
using Bastion.Web.Pages.Shared;
using Bastion.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Bastion.Web.Pages.Volunteering;

/// <summary>One activity with its sign-ups; the organizer records attendance and hours for all of them in one form.</summary>
[Authorize(Policy = BastionPolicies.ReadRoster)]
public sealed class ActivityModel(BastionDb db) : FormPageModel
{
    public ActivityView? Activity { get; private set; }
    public IReadOnlyList<SignUpView> SignUps { get; private set; } = [];
    public bool Saved { get; private set; }
    [BindProperty] public List<long> MemberIds { get; set; } = [];
    [BindProperty] public List<long> AttendedIds { get; set; } = [];
    [BindProperty] public List<double?> Hours { get; set; } = [];

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        if (await VolunteeringQueries.DetailAsync(db, id, ct) is not { } d) return false;
        (Activity, SignUps) = (d.Activity, d.SignUps);
        return true;
    }

    public async Task<IActionResult> OnGetAsync(long id, bool? saved, CancellationToken ct)
    {
        Saved = saved == true;
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public Task<IActionResult> OnPostAsync(long id, CancellationToken ct) =>
        SubmitAsync(async () =>
        {
            var entries = MemberIds.Select((m, i) => new RecordAttendance.Entry(m, AttendedIds.Contains(m), i < Hours.Count ? Hours[i] : null)).ToList();
            await RecordAttendance.HandleAsync(db, id, new RecordAttendance.Command { Entries = entries }, ct);
            return Redirect($"/Volunteering/Activity/{id}?saved=true");
        }, () => LoadAsync(id, ct));
}
