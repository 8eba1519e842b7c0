using Bastion.Attachments;
using Bastion.Data;
using Bastion.Shared;
using Bastion.Standardization;
using Bastion.Web.Api;
using Bastion.Web.Pages.Shared;
using Bastion.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Bastion.Web.Pages.Standardization;

/// <summary>
/// One assessment: items per dimension with the figure each automatic item was decided on; from above, the inspection
/// forms (met, note, evidence) and the confirmation.
/// </summary>
[Authorize(Policy = BastionPolicies.ReadRoster)]
public sealed class AssessmentModel(BastionDb db, AttachmentStore store, IStringLocalizer<StandardizationResource> t) : FormPageModel
{
    public AssessmentView View { get; private set; } = null!;
    public StandardizationRuleSet Rules { get; } = StandardizationRuleSet.Load();
    public bool CanInspect { get; private set; }
    /// <summary>The year already has a confirmed assessment: confirming this draft supersedes it.</summary>
    public bool Supersedes { get; private set; }
    public string? Done { get; private set; }
    /// <summary>The item whose form was posted (its errors are shown beside its fields).</summary>
    public string? Code { get; private set; }
    [BindProperty] public bool? Met { get; set; }
    [BindProperty] public string? Note { get; set; }
    [BindProperty] public bool IdentifiedWeak { get; set; }
    [BindProperty] public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(long id, string? done, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Done = done;
        return Page();
    }

    public async Task<IActionResult> OnPostInspectAsync(long id, string code, IFormFile? file, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || View.Items.All(i => i.Code != code)) return NotFound();
        Code = code;
        return await SubmitAsync(async () =>
        {
            await InspectItem.HandleAsync(db, User.Role(), id, code, new InspectItem.Command { Met = Met, Note = Note }, ct);
            if (file is { Length: > 0 }) await StandardizationApi.AttachEvidenceAsync(db, store, User.Role(), id, code, file, ct);
            return Redirect($"/Standardization/Assessment/{id}?done=inspected#item-{code}");
        }, () => LoadAsync(id, ct), ruleField: nameof(Met));
    }

    public async Task<IActionResult> OnPostConfirmAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        return await SubmitAsync(async () =>
        {
            await ConfirmAssessment.HandleAsync(db, User.Role(), id, new ConfirmAssessment.Command { IdentifiedWeak = IdentifiedWeak, Reason = Reason }, ct: ct);
            return Redirect($"/Standardization/Assessment/{id}?done=confirmed");
        }, () => LoadAsync(id, ct));
    }

    public async Task<IActionResult> OnGetEvidenceAsync(long id, string code, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || View.Items.FirstOrDefault(i => i.Code == code)?.EvidenceId is not { } evidenceId) return NotFound();
        var a = await db.Set<Attachment>().FirstOrDefaultAsync(x => x.Id == evidenceId, ct);
        return a is null ? NotFound() : File(store.Open(a), a.ContentType, a.FileName);
    }

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        if (await StandardizationQueries.AssessmentAsync(db, id, Rules, ct) is not { } view) return false;
        View = view;
        var path = await db.Organizations.Where(o => o.Id == view.OrganizationId).Select(o => o.Path).FirstAsync(ct);
        CanInspect = view.Status == AssessmentStatus.Draft && StandardizationAccess.IsAbove(db.Scope.Path, User.Role(), path);
        Supersedes = view.Status == AssessmentStatus.Draft && await db.Set<StandardizationAssessment>()
            .AnyAsync(a => a.OrganizationId == view.OrganizationId && a.Year == view.Year && a.Status == AssessmentStatus.Confirmed, ct);
        return true;
    }

    public bool English => System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    /// <summary>An automatic item's figure in the user's language.</summary>
    public string Figure(ItemView i)
    {
        var inv = System.Globalization.CultureInfo.CurrentCulture;
        string Share() => i.Measure is { } m
            ? t["Figure.Share", i.Numerator?.ToString("0.##", inv) ?? "", i.Denominator?.ToString("0.##", inv) ?? "", m.ToString("P1", inv), (i.Threshold ?? 0).ToString("P0", inv)]
            : t["Figure.NoData"];
        return i.Code switch
        {
            "secretary-in-post" => i.Met == true ? t["Figure.SecretaryInPost"] : t["Figure.SecretaryVacant"],
            "committee-formed" => t["Figure.Committee", (int)(i.Denominator ?? 0), (int)(i.Numerator ?? 0), (int)(i.Threshold ?? 7)],
            "term-not-overdue" => i.Measure is not { } d ? t["Figure.TermUnknown"] : d > 0 ? t["Figure.TermOverdue", (int)d] : t["Figure.TermLeft", (int)-d],
            "recent-activity" => i.Measure is { } days ? t["Figure.LastActivity", (int)days, (int)(i.Threshold ?? 30)] : t["Figure.NoActivity"],
            "development-pipeline" => t["Figure.Candidates", (int)(i.Measure ?? 0)],
            _ => Share(),
        };
    }

    public string Source(string? source) =>
        source is { } s && s.StartsWith("strength:", StringComparison.Ordinal) ? t["Source.Strength", s["strength:".Length..]] : t["Source.Records"];
}
