using Bastion.Data;
using Bastion.SecretaryReviews;
using Bastion.Web.Pages.Shared;
using Bastion.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Bastion.Web.Pages.SecretaryReviews;

/// <summary>One round for its organizers: reviewers, report status, rating progress, closing and results. 404 out of scope.</summary>
[Authorize(Policy = BastionPolicies.ManageOrganizations)]
public sealed class RoundModel(BastionDb db) : FormPageModel
{
    public RoundDetail Round { get; private set; } = null!;
    public string? Done { get; private set; }
    [BindProperty] public string? UserName { get; set; }

    public async Task<IActionResult> OnGetAsync(long id, string? done, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Done = done;
        return Page();
    }

    public Task<IActionResult> OnPostReviewerAsync(long id, CancellationToken ct) =>
        RunAsync(id, "reviewer", nameof(UserName), () => AddReviewer.HandleAsync(db, id, new AddReviewer.Command { UserName = UserName }, ct), ct);

    public Task<IActionResult> OnPostRemoveAsync(long id, long userId, CancellationToken ct) =>
        RunAsync(id, "reviewer", nameof(UserName), () => RemoveReviewer.HandleAsync(db, id, userId, ct), ct);

    public Task<IActionResult> OnPostCloseAsync(long id, CancellationToken ct) =>
        RunAsync(id, "closed", null, () => CloseReviewRound.HandleAsync(db, id, ct), ct);

    private async Task<IActionResult> RunAsync(long id, string done, string? ruleField, Func<Task> action, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        return await SubmitAsync(async () =>
        {
            await action();
            return Redirect($"/SecretaryReviews/Round/{id}?done={done}");
        }, () => LoadAsync(id, ct), ruleField);
    }

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        if (await SecretaryReviewQueries.RoundAsync(db, id, ct) is not { } round) return false;
        Round = round;
        return true;
    }
}
