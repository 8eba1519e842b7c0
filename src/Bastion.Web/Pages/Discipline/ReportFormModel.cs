using Bastion.Attachments;
using Bastion.Data;
using Bastion.Discipline;
using Bastion.Security;
using Bastion.Shared;
using Bastion.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;

namespace Bastion.Web.Pages.Discipline;

/// <summary>
/// The report form shared by the public page and the member page: what was typed stays on a failed submit, a honeypot
/// field turns bots away, evidence is checked by size and real type before anything is saved, and on success the
/// tracking code and the secret are shown once on the page itself (never in an address).
/// </summary>
public abstract class ReportFormModel(BastionDb db, PiiProtector pii, AttachmentStore store) : FormPageModel
{
    [BindProperty] public MisconductCategory? Category { get; set; }
    [BindProperty] public long? OrganizationId { get; set; }
    [BindProperty] public string? PersonName { get; set; }
    [BindProperty] public string? Account { get; set; }
    [BindProperty] public string? HappenedWhen { get; set; }
    [BindProperty] public bool Named { get; set; }
    [BindProperty] public string? ReporterName { get; set; }
    [BindProperty] public string? ReporterContact { get; set; }
    /// <summary>Hidden from people; a bot that fills it in is refused.</summary>
    [BindProperty] public string? Website { get; set; }
    [BindProperty] public List<IFormFile> Evidence { get; set; } = [];

    public IReadOnlyList<ReportableOrganizations.Choice> Organizations { get; private set; } = [];
    public SubmitMisconductReport.Receipt? Receipt { get; private set; }
    public long MaxFileBytes => store.MaxBytes;
    public abstract string TrackLink { get; }

    public async Task OnGetAsync(CancellationToken ct) => Organizations = await ReportableOrganizations.ListAsync(db, ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        // The answer may carry the secret: no cache may keep it.
        Response.Headers.CacheControl = "no-store";
        if (!string.IsNullOrEmpty(Website)) Errors["Form"] = ["The report could not be accepted."];
        var ok = await TryAsync(async () =>
        {
            var files = await ReadEvidenceAsync(ct);
            Receipt = await SubmitMisconductReport.HandleAsync(db, pii, store, new SubmitMisconductReport.Command
            {
                Category = Category, OrganizationId = OrganizationId, PersonName = PersonName, Account = Account, HappenedWhen = HappenedWhen,
                Anonymous = !Named, ReporterName = ReporterName, ReporterContact = ReporterContact,
            }, files, ct);
        }, ruleField: nameof(OrganizationId));
        if (!ok) Organizations = await ReportableOrganizations.ListAsync(db, ct);
        return Page();
    }

    /// <summary>Files over the limit are refused by their declared length, before being read.</summary>
    private async Task<List<EvidenceFile>> ReadEvidenceAsync(CancellationToken ct)
    {
        var files = Evidence.Where(f => f.Length > 0 || f.FileName.Length > 0).ToList();
        var problems = new List<string>();
        var read = new List<EvidenceFile>();
        if (files.Count > MisconductRules.MaxEvidence) problems.Add($"At most {MisconductRules.MaxEvidence} files.");
        foreach (var file in files)
        {
            if (file.Length > store.MaxBytes) { problems.Add($"{file.FileName}: the file is larger than {store.MaxBytes / (1024 * 1024)} MB."); continue; }
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, ct);
            read.Add(new EvidenceFile(file.FileName, buffer.ToArray()));
        }
        if (problems.Count > 0) throw ValidationFailedException.For(nameof(Evidence), string.Join(" ", problems));
        return read;
    }
}
