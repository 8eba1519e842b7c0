using Bastion.Data;
using Bastion.Meetings;
using Bastion.Members;
using Bastion.Shared;
using Bastion.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Web.Pages.Meetings;

/// <summary>Members of a branch left out of 应到会 (seriously ill, abroad …), recorded by the secretary.</summary>
[Authorize(Policy = BastionPolicies.ReadRoster)]
public sealed class ExclusionsModel(BastionDb db) : PageModel
{
    public sealed record MemberOption(long Id, string Name);

    public MeetingHost Host { get; private set; } = null!;
    public IReadOnlyList<ExclusionView> Exclusions { get; private set; } = [];
    public IReadOnlyList<MemberOption> Members { get; private set; } = [];
    [BindProperty] public long? MemberId { get; set; }
    [BindProperty] public ExclusionReason? Reason { get; set; }
    [BindProperty] public string? Note { get; set; }
    [BindProperty] public DateOnly? FromDate { get; set; }
    [BindProperty] public DateOnly? ToDate { get; set; }
    public IDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();
    public bool Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(long org, bool? done, CancellationToken ct)
    {
        if (!await LoadAsync(org, ct)) return NotFound();
        Done = done == true;
        FromDate = Clock.Today(db.Time);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long org, CancellationToken ct)
    {
        if (!await LoadAsync(org, ct)) return NotFound();
        Errors = MeetingPages.BindingErrors(ModelState);
        try
        {
            if (Errors.Count > 0) throw new ValidationFailedException(Errors);
            if (MemberId is { } id && Members.All(m => m.Id != id)) throw ValidationFailedException.For(nameof(MemberId), "Choose a member of this branch.");
            await RecordExclusion.HandleAsync(db, new RecordExclusion.Command { MemberId = MemberId, Reason = Reason, Note = Note, FromDate = FromDate, ToDate = ToDate }, ct);
            return Redirect($"/Meetings/Exclusions?org={org}&done=true");
        }
        catch (ValidationFailedException e) { Errors = e.Errors; }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<bool> LoadAsync(long org, CancellationToken ct)
    {
        try { Host = await MeetingAudience.HostAsync(db, org, ct); }
        catch (NotFoundException) { return false; }
        Exclusions = await MeetingQueries.ExclusionsAsync(db, Host.BranchId, ct);
        Members = await db.Members.AsNoTracking().Where(m => m.OrganizationId == Host.BranchId && m.Status == MemberStatus.Active)
            .OrderBy(m => m.Name).ThenBy(m => m.Id).Take(500).Select(m => new MemberOption(m.Id, m.Name)).ToListAsync(ct);
        return true;
    }
}
