using Bastion.Attachments;
using Bastion.Cascades;
using Bastion.Data;
using Bastion.Directives;
using Bastion.Organizations;
using Bastion.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Web.Pages.Directives;

/// <summary>
/// One directive target: what was asked, the timeline and evidence; for the target, acknowledge, report progress,
/// submit, pass down; for the assigning side, accept or return, supervise and record accountability.
/// </summary>
[Authorize(Policy = BastionPolicies.ReadRoster)]
public sealed class TargetModel(BastionDb db, AttachmentStore store) : DirectivePage
{
    public DirectiveTargetDetail Detail { get; private set; } = null!;
    public DirectiveDetail Directive { get; private set; } = null!;
    /// <summary>The caller's scope holds the assigning organization: they decide, supervise and hold to account.</summary>
    public bool IsAssigner { get; private set; }
    /// <summary>The target organization has organizations below it to pass the directive to.</summary>
    public bool CanPassDown { get; private set; }

    [BindProperty] public int? Percent { get; set; }
    [BindProperty] public string? Text { get; set; }
    [BindProperty] public decimal? Number { get; set; }
    [BindProperty] public List<IFormFile> Files { get; set; } = [];
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public string? Instructions { get; set; }
    [BindProperty] public DateOnly? DueOn { get; set; }
    [BindProperty] public List<OrganizationKind> Kinds { get; set; } = [];
    [BindProperty] public SupervisionKind? SupervisionKind { get; set; }
    [BindProperty] public DateOnly? CheckedOn { get; set; }
    [BindProperty] public string? Supervisors { get; set; }
    [BindProperty] public string? Findings { get; set; }
    [BindProperty] public DateOnly? RectifyBy { get; set; }
    [BindProperty] public AccountabilityKind? AccountabilityKind { get; set; }
    [BindProperty] public string? Subject { get; set; }
    [BindProperty] public string? Basis { get; set; }
    [BindProperty] public long? SupervisionId { get; set; }
    [BindProperty] public string? FollowUp { get; set; }
    [BindProperty] public DateOnly? RectifiedOn { get; set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnGetEvidenceAsync(long id, long file, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || Detail.Evidence.All(e => e.Id != file)) return NotFound();
        var a = await DirectiveQueries.EvidenceAsync(db, file, ct);
        return a is null ? NotFound() : File(store.Open(a), a.ContentType, a.FileName);
    }

    private string Back(long id) => $"/Directives/Target/{id}";

    private Task<IActionResult> Run(long id, string form, Func<Task> action, CancellationToken ct) =>
        RunAsync(form, action, () => Back(id), () => LoadAsync(id, ct));

    public Task<IActionResult> OnPostAcknowledgeAsync(long id, CancellationToken ct) =>
        Run(id, "acknowledge", () => AcknowledgeTarget.HandleAsync(db, id, ct), ct);

    public Task<IActionResult> OnPostProgressAsync(long id, CancellationToken ct) =>
        Run(id, "progress", async () => await WithFiles(files => SubmitDirectiveTarget.ReportProgressAsync(db, store, id,
            new ReportTargetProgress.Command { Percent = Percent, Text = Text, Number = Number }, files, ct)), ct);

    public Task<IActionResult> OnPostSubmitAsync(long id, CancellationToken ct) =>
        Run(id, "submit", async () => await WithFiles(files => SubmitDirectiveTarget.SubmitAsync(db, store, id,
            new SubmitTarget.Command { Text = Text, Number = Number }, files, ct)), ct);

    public Task<IActionResult> OnPostAcceptAsync(long id, CancellationToken ct) =>
        Run(id, "decide", () => AcceptTarget.HandleAsync(db, id, new AcceptTarget.Command { Comment = Reason }, ct), ct);

    public Task<IActionResult> OnPostReturnAsync(long id, CancellationToken ct) =>
        Run(id, "decide", () => ReturnTarget.HandleAsync(db, id, new ReturnTarget.Command { Reason = Reason }, ct), ct);

    public Task<IActionResult> OnPostPassDownAsync(long id, CancellationToken ct) =>
        Run(id, "passdown", () => PassDownTarget.HandleAsync(db, id, new PassDownTarget.Command
        {
            Instructions = Instructions, DueOn = DueOn,
            Targets = Kinds.Count == 0 ? new TargetSelection { Mode = TargetMode.Subtree } : new TargetSelection { Mode = TargetMode.Filter, Kinds = Kinds },
        }, ct), ct);

    public Task<IActionResult> OnPostSuperviseAsync(long id, CancellationToken ct) =>
        Run(id, "supervise", () => RecordSupervision.HandleAsync(db, id, new RecordSupervision.Command
        {
            Kind = SupervisionKind, CheckedOn = CheckedOn, Supervisors = Supervisors, Findings = Findings, RectifyBy = RectifyBy,
        }, ct), ct);

    public Task<IActionResult> OnPostFollowUpAsync(long id, CancellationToken ct) =>
        Run(id, "followup", async () =>
        {
            var detail = await DirectiveQueries.TargetAsync(db, id, ct);
            if (SupervisionId is not { } sid || detail is null || detail.Supervision.All(s => s.Id != sid))
                throw Bastion.Shared.ValidationFailedException.For(nameof(FollowUp), "Choose a supervision record of this target.");
            await FollowUpSupervision.HandleAsync(db, sid, new FollowUpSupervision.Command { FollowUp = FollowUp, RectifiedOn = RectifiedOn }, ct);
        }, ct);

    public Task<IActionResult> OnPostAccountabilityAsync(long id, CancellationToken ct) =>
        Run(id, "accountability", () => RecordAccountability.HandleAsync(db, id, new RecordAccountability.Command
        {
            Kind = AccountabilityKind, Subject = Subject, Basis = Basis,
        }, ct), ct);

    private async Task<T> WithFiles<T>(Func<IReadOnlyList<EvidenceFile>, Task<T>> action)
    {
        var files = Files.Where(f => f.Length > 0 || !string.IsNullOrEmpty(f.FileName)).Select(f => new EvidenceFile(f.FileName, f.OpenReadStream())).ToList();
        try { return await action(files); }
        finally { foreach (var f in files) await f.Content.DisposeAsync(); }
    }

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        if (await DirectiveQueries.TargetAsync(db, id, ct) is not { } detail) return false;
        Detail = detail;
        Directive = (await DirectiveQueries.GetAsync(db, detail.DirectiveId, ct))!;
        IsAssigner = await db.Organizations.AnyAsync(o => o.Id == detail.Target.AssignedByOrganizationId, ct);
        CanPassDown = await db.Organizations.AnyAsync(o => o.ParentId == detail.Target.OrganizationId && o.Kind != OrganizationKind.Group, ct);
        return true;
    }
}
