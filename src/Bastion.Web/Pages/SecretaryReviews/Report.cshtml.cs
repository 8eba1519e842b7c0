using Bastion.Attachments;
using Bastion.Data;
using Bastion.SecretaryReviews;
using Bastion.Web.Api;
using Bastion.Web.Pages.Shared;
using Bastion.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Bastion.Web.Pages.SecretaryReviews;

/// <summary>
/// One report: the secretary writes and submits it (with an optional file) on a phone, and later reads the final grade;
/// a reviewer reads it with the frozen index and warnings and rates it; organizers see every rating. 404 for anyone else.
/// </summary>
[Authorize(Policy = BastionPolicies.ReadOrganizations)]
public sealed class ReportModel(BastionDb db, AttachmentStore store) : FormPageModel
{
    public ReportDetail Report { get; private set; } = null!;
    public string? Done { get; private set; }
    [BindProperty] public string? Text { get; set; }
    [BindProperty] public IFormFile? Upload { get; set; }
    [BindProperty] public ReviewGrade? Grade { get; set; }
    [BindProperty] public string? Comment { get; set; }

    public async Task<IActionResult> OnGetAsync(long id, string? done, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Done = done;
        Text = Report.Text;
        Grade = Report.MyRating?.Grade;
        Comment = Report.MyRating?.Comment;
        return Page();
    }

    public async Task<IActionResult> OnGetFileAsync(long id, long file, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var a = await SecretaryReviewQueries.AttachmentAsync(db, id, file, ct);
        return a is null ? NotFound() : File(store.Open(a), a.ContentType, a.FileName);
    }

    public async Task<IActionResult> OnPostSubmitAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        return await SubmitAsync(async () =>
        {
            await using var content = Upload is { Length: > 0 } f ? f.OpenReadStream() : null;
            var upload = content is null ? null : new ReportFile(Upload!.FileName, content);
            await SubmitReport.HandleAsync(db, store, id, SecretaryReviewsApi.MemberOf(User), new SubmitReport.Command { Text = Text }, upload, ct);
            return Redirect($"/SecretaryReviews/Report/{id}?done=submitted");
        }, () => LoadAsync(id, ct), nameof(Text));
    }

    public async Task<IActionResult> OnPostRateAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        return await SubmitAsync(async () =>
        {
            await RateSecretary.HandleAsync(db, id, User.UserId(), SecretaryReviewsApi.MemberOf(User), new RateSecretary.Command { Grade = Grade, Comment = Comment }, ct);
            return Redirect($"/SecretaryReviews/Report/{id}?done=rated");
        }, () => LoadAsync(id, ct), nameof(Grade));
    }

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        if (await SecretaryReviewQueries.ReportAsync(db, id, User.UserId(), SecretaryReviewsApi.MemberOf(User), SecretaryReviewsApi.MayManage(User), ct) is not { } report)
            return false;
        Report = report;
        return true;
    }
}
