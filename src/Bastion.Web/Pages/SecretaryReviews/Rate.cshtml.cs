using Bastion.Data;
using Bastion.SecretaryReviews;
using Bastion.Web.Api;
using Bastion.Web.Pages.Shared;
using Bastion.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Bastion.Web.Pages.SecretaryReviews;

/// <summary>A reviewer's page for one round: every submitted report with its frozen index, and a rating form for each. 404 for non-reviewers.</summary>
[Authorize(Policy = BastionPolicies.ReadOrganizations)]
public sealed class RateModel(BastionDb db) : FormPageModel
{
    public RoundToRate Round { get; private set; } = null!;
    public string? Done { get; private set; }
    public long? FailedReport { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, string? done, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Done = done;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, long reportId, ReviewGrade? grade, string? comment, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || Round.Reports.All(r => r.ReportId != reportId)) return NotFound();
        FailedReport = reportId;
        return await SubmitAsync(async () =>
        {
            await RateSecretary.HandleAsync(db, reportId, User.UserId(), SecretaryReviewsApi.MemberOf(User), new RateSecretary.Command { Grade = grade, Comment = comment }, ct);
            return Redirect($"/SecretaryReviews/Rate/{id}?done=rated#report-{reportId}");
        }, () => LoadAsync(id, ct), "Grade");
    }

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        if (User.UserId() is not { } me || await SecretaryReviewQueries.ToRateAsync(db, me, id, ct) is not [var round, ..]) return false;
        Round = round;
        return true;
    }
}
