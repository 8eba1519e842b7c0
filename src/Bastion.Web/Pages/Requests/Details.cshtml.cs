using Bastion.Attachments;
using Bastion.Data;
using Bastion.Identity;
using Bastion.Requests;
using Bastion.Security;
using Bastion.Shared;
using Bastion.Web.Api;
using Bastion.Web.Pages.Shared;
using Bastion.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Web.Pages.Requests;

/// <summary>One request for the people handling it: the whole timeline and the actions of first-inquiry responsibility.</summary>
[Authorize(Policy = BastionPolicies.ReadOrganizations)]
public sealed class DetailsModel(BastionDb db, PiiProtector pii, AttachmentStore store) : PageModel
{
    public RequestDetail? Detail { get; private set; }
    public IReadOnlyList<Attachment> Photos { get; private set; } = [];
    public string? Contact { get; private set; }
    public IDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    [BindProperty] public string? Text { get; set; }
    [BindProperty] public long? ToUserId { get; set; }
    [BindProperty] public long? AgentMemberId { get; set; }
    [BindProperty] public string? Steps { get; set; }
    [BindProperty] public long? StepId { get; set; }

    public async Task<IActionResult> OnGetAsync(long id, bool reveal, CancellationToken ct)
    {
        if (reveal && BastionRoles.MaySeePersonalData(User.Role())) Contact = await RequestQueries.RevealContactAsync(db, pii, id, ct) ?? "";
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnGetPhotoAsync(long id, long photo, CancellationToken ct)
    {
        if (!await db.Set<ServiceRequest>().AnyAsync(r => r.Id == id, ct)) return NotFound();
        var a = await db.Set<Attachment>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == photo && x.OwnerType == Public.Requests.NewModel.OwnerType && x.OwnerId == id, ct);
        return a is null ? NotFound() : File(store.Open(a), a.ContentType, a.FileName);
    }

    public Task<IActionResult> OnPostTakeAsync(long id, CancellationToken ct) => ActAsync(id, a => RequestActions.TakeAsync(db, id, a, ct), ct);
    public Task<IActionResult> OnPostHandoverAsync(long id, CancellationToken ct) =>
        ActAsync(id, a => RequestActions.HandOverAsync(db, id, a, new RequestActions.HandoverCommand { ToUserId = ToUserId, Reason = Text }, ct), ct);
    public Task<IActionResult> OnPostAcceptAsync(long id, CancellationToken ct) => ActAsync(id, a => RequestActions.AcceptHandoverAsync(db, id, a, ct), ct);
    public Task<IActionResult> OnPostDeclineAsync(long id, CancellationToken ct) =>
        ActAsync(id, a => RequestActions.DeclineHandoverAsync(db, id, a, Text, ct), ct, "/Requests?mine=true");
    public Task<IActionResult> OnPostReplyAsync(long id, CancellationToken ct) => ActAsync(id, a => RequestActions.ReplyAsync(db, id, a, Text, ct), ct);
    public Task<IActionResult> OnPostNoteAsync(long id, CancellationToken ct) => ActAsync(id, a => RequestActions.NoteAsync(db, id, a, Text, ct), ct);
    public Task<IActionResult> OnPostCloseAsync(long id, CancellationToken ct) => ActAsync(id, a => RequestActions.CloseAsync(db, id, a, ct), ct);
    public Task<IActionResult> OnPostAgencyAsync(long id, CancellationToken ct) =>
        ActAsync(id, a => RequestActions.StartAgencyAsync(db, id, a, new RequestActions.AgencyCommand
        {
            AgentMemberId = AgentMemberId, Steps = (Steps ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries),
        }, ct), ct);
    public Task<IActionResult> OnPostStepAsync(long id, CancellationToken ct) =>
        ActAsync(id, a => RequestActions.CompleteAgencyStepAsync(db, id, StepId ?? 0, a, Text, ct), ct);

    private async Task<IActionResult> ActAsync(long id, Func<RequestActor, Task<ServiceRequest>> action, CancellationToken ct, string? after = null)
    {
        try
        {
            await action(RequestsApi.Actor(User));
            return Redirect(after ?? $"/Requests/Details/{id}");
        }
        catch (ValidationFailedException e) { Errors = e.Errors; }
        catch (DomainRuleException e) { Errors = new Dictionary<string, string[]> { ["Action"] = [RuleMessages.Text(HttpContext, e)] }; }
        if (!await LoadAsync(id, ct)) return NotFound();
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        Detail = await RequestQueries.DetailAsync(db, id, User.UserId(), ct);
        if (Detail is null) return false;
        Photos = await AttachmentStore.ListAsync(db, Public.Requests.NewModel.OwnerType, id, ct);
        return true;
    }
}
