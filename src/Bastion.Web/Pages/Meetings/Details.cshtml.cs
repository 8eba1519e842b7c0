using Bastion.Attachments;
using Bastion.Data;
using Bastion.Meetings;
using Bastion.Shared;
using Bastion.Web.Api;
using Bastion.Web.Pages.Shared;
using Bastion.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bastion.Web.Pages.Meetings;

/// <summary>One meeting: plan, check-in code, 应到会, attendance, resolutions, attachments; cancel and attach. 404 out of scope.</summary>
[Authorize(Policy = BastionPolicies.ReadRoster)]
public sealed class DetailsModel(BastionDb db, AttachmentStore store) : PageModel
{
    public MeetingDetail Meeting { get; private set; } = null!;
    public string? Done { get; private set; }
    public int? Notified { get; private set; }
    public IDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();
    public BastionDb Db => db;

    public async Task<IActionResult> OnGetAsync(long id, string? done, int? notified, CancellationToken ct)
    {
        if (await MeetingQueries.DetailAsync(db, id, ct) is not { } meeting) return NotFound();
        Meeting = meeting;
        Done = done;
        Notified = notified;
        return Page();
    }

    public async Task<IActionResult> OnPostCancelAsync(long id, string? reason, CancellationToken ct)
    {
        if (await MeetingQueries.DetailAsync(db, id, ct) is null) return NotFound();
        try
        {
            await CancelMeeting.HandleAsync(db, id, new CancelMeeting.Command { Reason = reason }, ct);
            return Redirect($"/Meetings/Details/{id}?done=cancelled");
        }
        catch (ValidationFailedException e) { Errors = e.Errors; }
        catch (DomainRuleException e) { Errors = MeetingPages.RuleError("Reason", RuleMessages.Text(HttpContext, e)); }
        return await FailAsync(id, ct);
    }

    public async Task<IActionResult> OnPostAttachAsync(long id, IFormFile? file, CancellationToken ct)
    {
        if (await MeetingQueries.DetailAsync(db, id, ct) is null) return NotFound();
        try
        {
            await MeetingsApi.AddAttachmentAsync(db, store, id, file, ct);
            return Redirect($"/Meetings/Details/{id}?done=attached");
        }
        catch (ValidationFailedException e) { Errors = e.Errors; }
        return await FailAsync(id, ct);
    }

    private async Task<IActionResult> FailAsync(long id, CancellationToken ct)
    {
        Meeting = (await MeetingQueries.DetailAsync(db, id, ct))!;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    public string CheckInUrl => $"{Request.Scheme}://{Request.Host}{Request.PathBase}/Meetings/CheckIn?code={Meeting.CheckInCode}";
}
