using Bastion.Attachments;
using Bastion.Data;
using Bastion.Discipline;
using Bastion.Shared;
using Bastion.Web.Api;
using Bastion.Web.Pages.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Bastion.Web.Pages.Public.Reports;

/// <summary>
/// The reporter's page: the tracking code and the secret (posted, never in an address) show the status and the public
/// statement; while the report is open the reporter may add information and files.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(RequestsApi.PublicIntakeRateLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = 64 * 1024 * 1024)]
public sealed class TrackModel(BastionDb db, AttachmentStore store) : FormPageModel
{
    [BindProperty] public string? Code { get; set; }
    [BindProperty] public string? Secret { get; set; }
    [BindProperty] public string? Text { get; set; }
    [BindProperty] public List<IFormFile> Evidence { get; set; } = [];

    public ReporterAccess.View? Report { get; private set; }
    public bool Supplemented { get; private set; }
    public long MaxFileBytes => store.MaxBytes;

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        await TryAsync(async () => Report = await ReporterAccess.FollowAsync(db, Code, Secret, ct), ruleField: nameof(Secret));
        return Page();
    }

    public async Task<IActionResult> OnPostSupplementAsync(CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        Supplemented = await TryAsync(async () =>
        {
            var files = new List<EvidenceFile>();
            foreach (var file in Evidence.Where(f => f.Length > 0 || f.FileName.Length > 0))
            {
                if (file.Length > store.MaxBytes) throw ValidationFailedException.For(nameof(Evidence), $"{file.FileName}: the file is larger than {store.MaxBytes / (1024 * 1024)} MB.");
                using var buffer = new MemoryStream();
                await file.CopyToAsync(buffer, ct);
                files.Add(new EvidenceFile(file.FileName, buffer.ToArray()));
            }
            await ReporterAccess.SupplementAsync(db, store, Code, Secret, Text, files, ct);
        }, ruleField: nameof(Text));
        if (Supplemented) Text = null;
        // Show the report again whenever the code and secret are right (with the error beside the field otherwise).
        try { Report = await ReporterAccess.FollowAsync(db, Code, Secret, ct); }
        catch (DomainRuleException e) when (e.Rule == ReporterAccess.WrongCodeOrSecretRule) { Errors[nameof(Secret)] = [RuleMessages.Text(HttpContext, e)]; }
        return Page();
    }
}
