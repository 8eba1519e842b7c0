using Bastion.Data;
using Bastion.SecretaryReviews;
using Bastion.Web.Api;
using Bastion.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bastion.Web.Pages.SecretaryReviews;

/// <summary>The signed-in user's part in secretaries' reviews: reports to write or written (with the final grade), and rounds to rate.</summary>
[Authorize(Policy = BastionPolicies.ReadOrganizations)]
public sealed class MineModel(BastionDb db) : PageModel
{
    public IReadOnlyList<MyReport> Reports { get; private set; } = [];
    public IReadOnlyList<RoundToRate> ToRate { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (SecretaryReviewsApi.MemberOf(User) is { } me) Reports = await SecretaryReviewQueries.MineAsync(db, me, ct);
        if (User.UserId() is { } user) ToRate = await SecretaryReviewQueries.ToRateAsync(db, user, null, ct);
        return Page();
    }
}
