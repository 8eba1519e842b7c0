using Bastion.Attachments;
using Bastion.Data;
using Bastion.Discipline;
using Bastion.Identity;
using Bastion.Security;
using Bastion.Shared;
using Bastion.Web.Api;
using Bastion.Web.Pages.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Bastion.Web.Pages.Discipline;

/// <summary>One report for the discipline staff: the account, evidence and timeline, and the next step. Every view is audited.</summary>
[Authorize(Roles = BastionRoles.Discipline)]
public sealed class DetailsModel(BastionDb db, AttachmentStore store, PiiProtector pii) : FormPageModel
{
    [BindProperty(SupportsGet = true)] public long Id { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public string? Text { get; set; }
    [BindProperty] public MisconductDisposition? Disposition { get; set; }
    [BindProperty] public string? Note { get; set; }
    [BindProperty] public MisconductOutcome? Outcome { get; set; }
    [BindProperty] public string? Statement { get; set; }

    public MisconductReportView Report { get; private set; } = null!;
    public string? Reporter { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnGetEvidenceAsync(long file, CancellationToken ct)
    {
        try
        {
            var attachment = await MisconductQueries.EvidenceAsync(db, Id, file, ct);
            return File(store.Open(attachment), attachment.ContentType, attachment.FileName);
        }
        catch (NotFoundException) { return NotFound(); }
    }

    public async Task<IActionResult> OnPostRevealAsync(CancellationToken ct)
    {
        try { Reporter = await MisconductQueries.RevealReporterAsync(db, pii, Id, ct); }
        catch (NotFoundException) { return NotFound(); }
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    public Task<IActionResult> OnPostAcceptAsync(CancellationToken ct) => StepAsync(() => HandleMisconductReport.AcceptAsync(db, Id, Handler, ct), ct);

    public Task<IActionResult> OnPostDeclineAsync(CancellationToken ct) =>
        StepAsync(() => HandleMisconductReport.DeclineAsync(db, Id, Handler, new HandleMisconductReport.DeclineBody(Reason), ct), ct);

    public Task<IActionResult> OnPostNoteAsync(CancellationToken ct) =>
        StepAsync(() => HandleMisconductReport.AddCheckNoteAsync(db, Id, Handler, new HandleMisconductReport.NoteBody(Text), ct), ct);

    public Task<IActionResult> OnPostDisposeAsync(CancellationToken ct) =>
        StepAsync(() => HandleMisconductReport.DisposeAsync(db, Id, Handler, new HandleMisconductReport.DisposeBody(Disposition, Note), ct), ct);

    public Task<IActionResult> OnPostCloseAsync(CancellationToken ct) =>
        StepAsync(() => HandleMisconductReport.CloseAsync(db, Id, Handler, new HandleMisconductReport.CloseBody(Outcome, Statement), ct), ct);

    private string Handler => DisciplineApi.Handler(User);

    private async Task<IActionResult> StepAsync(Func<Task> step, CancellationToken ct)
    {
        try
        {
            if (await TryAsync(step)) return Redirect($"/Discipline/Details/{Id}");
        }
        catch (NotFoundException) { return NotFound(); }
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        try
        {
            Report = await MisconductQueries.GetAsync(db, Id, "page", ct);
            return true;
        }
        catch (NotFoundException) { return false; }
    }
}
