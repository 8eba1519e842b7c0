using Bastion.Data;
using Bastion.Meetings;
using Bastion.Shared;
using Bastion.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bastion.Web.Pages.Meetings;

/// <summary>Plans a meeting of a branch, its committee or a group; those who should attend are notified.</summary>
[Authorize(Policy = BastionPolicies.ReadRoster)]
public sealed class PlanModel(BastionDb db) : PageModel
{
    public MeetingHost Host { get; private set; } = null!;
    [BindProperty] public MeetingKind? Kind { get; set; }
    [BindProperty] public string? Topic { get; set; }
    [BindProperty] public DateTime? StartsAt { get; set; }
    [BindProperty] public DateTime? EndsAt { get; set; }
    [BindProperty] public string? Place { get; set; }
    [BindProperty] public bool Online { get; set; }
    [BindProperty] public string? Lecturer { get; set; }
    public IDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    public IEnumerable<MeetingKind> Kinds => Enum.GetValues<MeetingKind>().Where(k => MeetingRules.FitsOrganization(k, Host.Kind));

    public async Task<IActionResult> OnGetAsync(long org, MeetingKind? kind, CancellationToken ct)
    {
        try { Host = await MeetingAudience.HostAsync(db, org, ct); }
        catch (NotFoundException) { return NotFound(); }
        Kind = kind;
        var start = MeetingPages.Local(db, Clock.UtcNow(db.Time)).Date.AddDays(1).AddHours(14.5);
        StartsAt = start;
        EndsAt = start.AddHours(2);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long org, CancellationToken ct)
    {
        try { Host = await MeetingAudience.HostAsync(db, org, ct); }
        catch (NotFoundException) { return NotFound(); }
        Errors = MeetingPages.BindingErrors(ModelState);
        try
        {
            if (Errors.Count > 0) throw new ValidationFailedException(Errors);
            var result = await PlanMeeting.HandleAsync(db, org, new PlanMeeting.Command
            {
                Kind = Kind, Topic = Topic, StartsAt = MeetingPages.Utc(db, StartsAt), EndsAt = MeetingPages.Utc(db, EndsAt),
                Place = Place, Online = Online, Lecturer = Lecturer,
            }, ct);
            return Redirect($"/Meetings/Details/{result.Meeting.Id}?done=planned&notified={result.Notified}");
        }
        catch (ValidationFailedException e) { Errors = e.Errors; }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
