using Bastion.Data;
using Bastion.Meetings;
using Bastion.Shared;
using Bastion.Web.Pages.Shared;
using Bastion.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bastion.Web.Pages.Meetings;

/// <summary>Records a meeting as held: attendance per person, minutes, up to five resolutions with their counts.</summary>
[Authorize(Policy = BastionPolicies.ReadRoster)]
public sealed class RecordModel(BastionDb db) : PageModel
{
    public const int ResolutionRows = 5;

    public sealed class AttendanceRow
    {
        public long MemberId { get; set; }
        public AttendanceStatus? Status { get; set; }
        public string? Reason { get; set; }
    }

    public sealed class ResolutionRow
    {
        public string? Title { get; set; }
        public VoteKind? Kind { get; set; }
        public int Yes { get; set; }
        public int No { get; set; }
        public int Abstain { get; set; }
    }

    public MeetingDetail Meeting { get; private set; } = null!;
    [BindProperty] public List<AttendanceRow> Attendance { get; set; } = [];
    [BindProperty] public string? Minutes { get; set; }
    [BindProperty] public List<ResolutionRow> Resolutions { get; set; } = [];
    public IDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    public IEnumerable<VoteKind> VoteKinds => Enum.GetValues<VoteKind>().Where(k => MeetingRules.VoteFits(k, Meeting.Kind));

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (await MeetingQueries.DetailAsync(db, id, ct) is not { } meeting) return NotFound();
        Meeting = meeting;
        Attendance = meeting.Audience.Where(a => a.ShouldAttend).Select(a => a.MemberId)
            .Concat(meeting.Attendance.Select(a => a.MemberId)).Distinct()
            .Select(mid => meeting.Attendance.FirstOrDefault(a => a.MemberId == mid) is { } at
                ? new AttendanceRow { MemberId = mid, Status = at.Status, Reason = at.Reason }
                : new AttendanceRow { MemberId = mid, Status = AttendanceStatus.Present })
            .ToList();
        Minutes = meeting.Minutes;
        Resolutions = meeting.Resolutions.Select(r => new ResolutionRow { Title = r.Title, Kind = r.Kind, Yes = r.Yes, No = r.No, Abstain = r.Abstain }).ToList();
        Pad();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        if (await MeetingQueries.DetailAsync(db, id, ct) is not { } meeting) return NotFound();
        Meeting = meeting;
        Errors = MeetingPages.BindingErrors(ModelState);
        try
        {
            if (Errors.Count > 0) throw new ValidationFailedException(Errors);
            await RecordMeeting.HandleAsync(db, id, new RecordMeeting.Command
            {
                Minutes = Minutes,
                Attendance = Attendance.Select(a => new RecordMeeting.AttendanceEntry { MemberId = a.MemberId, Status = a.Status, Reason = a.Reason }).ToList(),
                Resolutions = Resolutions.Where(r => !string.IsNullOrWhiteSpace(r.Title))
                    .Select(r => new RecordMeeting.ResolutionEntry { Title = r.Title, Kind = r.Kind, Yes = r.Yes, No = r.No, Abstain = r.Abstain }).ToList(),
            }, ct);
            return Redirect($"/Meetings/Details/{id}?done=recorded");
        }
        catch (ValidationFailedException e) { Errors = e.Errors; }
        catch (DomainRuleException e) { Errors = MeetingPages.RuleError("Meeting", RuleMessages.Text(HttpContext, e)); }
        Pad();
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    public string NameOf(long memberId) =>
        Meeting.Audience.FirstOrDefault(a => a.MemberId == memberId)?.Name ?? Meeting.Attendance.FirstOrDefault(a => a.MemberId == memberId)?.Name ?? memberId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private void Pad()
    {
        if (!VoteKinds.Any()) { Resolutions = []; return; }
        while (Resolutions.Count < ResolutionRows) Resolutions.Add(new ResolutionRow { Kind = VoteKinds.First() });
    }
}
