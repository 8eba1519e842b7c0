using Bastion.Attachments;
using Bastion.Data;
using Bastion.Shared;
using Bastion.Study;
using Bastion.Web.Pages.Shared;
using Bastion.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Web.Pages.Study;

/// <summary>One material: its content, and start/finish buttons whose time the server keeps.</summary>
[Authorize(Policy = BastionPolicies.ReadOrganizations)]
public sealed class MaterialModel(BastionDb db, AttachmentStore store) : PageModel
{
    public Api.StudyApi.MaterialDetail Material { get; private set; } = null!;
    /// <summary>The member's unfinished session of this material, if any.</summary>
    public StudyRecord? Open { get; private set; }
    public StudyRecord? Last { get; private set; }
    public long? MemberId { get; private set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnGetDocumentAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || Material.AttachmentId is not { } aid) return NotFound();
        // The material is visible; its document may belong to an organization above the caller, so it is read by id.
        var a = await db.Set<Attachment>().IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(x => x.Id == aid && x.OwnerType == StudyQueries.MaterialOwner && x.OwnerId == id, ct);
        return a is null ? NotFound() : File(store.Open(a), a.ContentType, a.FileName);
    }

    public async Task<IActionResult> OnPostStartAsync(long id, CancellationToken ct) => await ActAsync(id, () => StudySessions.StartAsync(db, MemberId!.Value, id, ct), ct);

    public async Task<IActionResult> OnPostFinishAsync(long id, long record, CancellationToken ct) => await ActAsync(id, () => StudySessions.FinishAsync(db, MemberId!.Value, record, ct), ct);

    private async Task<IActionResult> ActAsync(long id, Func<Task<StudyRecord>> action, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (MemberId is null) { Error = "Study.NoMember"; Response.StatusCode = 400; return Page(); }
        try
        {
            await action();
            return Redirect($"/Study/Material/{id}");
        }
        catch (DomainRuleException e) { Error = RuleMessages.Text(HttpContext, e); }
        catch (NotFoundException) { return NotFound(); }
        await LoadAsync(id, ct);
        Response.StatusCode = 400;
        return Page();
    }

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        if (await StudyQueries.MaterialAsync(db, id, ct) is not { } m) return false;
        Material = Api.StudyApi.Detail(m);
        MemberId = long.TryParse(User.FindFirst(BastionClaims.MemberId)?.Value, out var mid) ? mid : null;
        if (MemberId is { } member)
        {
            var records = await db.Set<StudyRecord>().AsNoTracking().Where(r => r.MemberId == member && r.MaterialId == id).OrderByDescending(r => r.Id).Take(5).ToListAsync(ct);
            Open = records.FirstOrDefault(r => r.FinishedAt is null);
            Last = records.FirstOrDefault(r => r.FinishedAt is not null);
        }
        return true;
    }
}
