using Bastion.Data;
using Bastion.Development;
using Bastion.Shared;
using Bastion.Web.Pages.Shared;
using Bastion.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Bastion.Web.Pages.Development;

/// <summary>The upper level's view of its subtree: per stage, late, weak-organization signal, intake against the yearly plan (settable here).</summary>
[Authorize(Policy = BastionPolicies.ReadRoster)]
public sealed class SubtreeModel(BastionDb db, IStringLocalizer<DevelopmentResource> t) : FormPageModel
{
    public SubtreePipeline View { get; private set; } = null!;
    [BindProperty] public int? Target { get; set; }

    public async Task<IActionResult> OnGetAsync(long? org, int? year, CancellationToken ct) =>
        await LoadAsync(org, year, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostPlanAsync(long? org, int? year, CancellationToken ct)
    {
        if (!await LoadAsync(org, year, ct)) return NotFound();
        foreach (var (key, entry) in ModelState)
            if (entry.Errors.Count > 0) Errors[key] = [t["Error.Format"]];
        var ok = await TryAsync(() => SetDevelopmentPlan.HandleAsync(db, View.OrganizationId, new SetDevelopmentPlan.Command { Year = View.Year, Target = Target }, ct), "Target");
        if (ok) return Redirect($"/Development/Subtree?org={View.OrganizationId}&year={View.Year}");
        return Page();
    }

    private async Task<bool> LoadAsync(long? org, int? year, CancellationToken ct)
    {
        var id = org ?? User.Organization();
        if (id is null) return false;
        var y = year is >= 2000 and <= 2100 ? year : null;
        if (await DevelopmentQueries.SubtreeAsync(db, id.Value, y, ct: ct) is not { } view) return false;
        View = view;
        Target ??= view.Plan;
        return true;
    }
}
