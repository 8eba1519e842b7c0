using Bastion.Compliance;
using Bastion.Data;
using Bastion.Identity;
using Bastion.Organizations;
using Bastion.Shared;
using Bastion.Strength;
using Bastion.Web.Pages.Shared;
using Bastion.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Bastion.Web.Pages.Strength;

/// <summary>
/// 组织力指数 of one organization (the user's own by default) in one assessed period (the newest by default): total and
/// change, ranks, radar of the dimensions, trend, every indicator, the children ranked and the warnings. Reads only the
/// stored snapshot; an administrator can run the current quarter from here.
/// </summary>
[Authorize(Policy = BastionPolicies.ReadOrganizations)]
public sealed class IndexModel(BastionDb db) : FormPageModel
{
    public long OrganizationId { get; private set; }
    public string OrganizationName { get; private set; } = "";
    public IReadOnlyList<OrganizationBreadcrumb> Path { get; private set; } = [];
    public IReadOnlyList<AssessmentRun> Runs { get; private set; } = [];
    public StrengthOverview? Overview { get; private set; }
    public IReadOnlyList<TrendPoint> Trend { get; private set; } = [];
    public StrengthRuleSet Rules { get; } = StrengthRuleSet.Load();

    [BindProperty(SupportsGet = true, Name = "period")] public string? PeriodText { get; set; }
    public string? PeriodError { get; private set; }

    /// <summary>The period an administrator's run form offers: the current quarter.</summary>
    [BindProperty] public string? RunPeriod { get; set; }

    public bool CanRun => User.Role() == BastionRoles.SystemAdmin;

    public async Task<IActionResult> OnGetAsync(long? id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostRunAsync(long? id, CancellationToken ct)
    {
        if (!CanRun) return Forbid();
        return await SubmitAsync(async () =>
        {
            var period = Period.TryParse(RunPeriod) ?? throw ValidationFailedException.For(nameof(RunPeriod), Text("Run.PeriodInvalid"));
            var outcome = await RunAssessment.HandleAsync(db, period, User.Identity?.Name ?? "web", ct: ct);
            var target = id is { } i ? $"/Strength/{i}" : "/Strength";
            return Redirect($"{target}?period={Uri.EscapeDataString(outcome.Run.Period)}");
        }, async () => { PeriodText = null; await LoadAsync(id, ct); }, nameof(RunPeriod));
    }

    private string Text(string key) =>
        HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<StrengthResource>>()[key];

    private async Task<bool> LoadAsync(long? id, CancellationToken ct)
    {
        var orgId = id ?? User.Organization();
        if (orgId is null || await DashboardQueries.NameAsync(db, orgId.Value, ct) is not { } name) return false;
        OrganizationId = orgId.Value;
        OrganizationName = name;
        RunPeriod ??= Period.Of(PeriodKind.Quarter, Clock.Today(db.Time)).Label;
        Path = await CascadeRollUpView.PathAsync(db, User.Organization(), OrganizationId, ct);
        Runs = await StrengthQueries.RunsAsync(db, ct);
        if (Runs.Count == 0) return true;

        string? label = null;
        if (!string.IsNullOrWhiteSpace(PeriodText))
        {
            label = Period.TryParse(PeriodText)?.Label;
            if (label is null || Runs.All(r => r.Period != label))
            {
                PeriodError = label is null ? "Period.Invalid" : "Period.NotAssessed";
                label = null;
            }
        }
        Overview = await StrengthQueries.OverviewAsync(db, OrganizationId, label, Rules, ct);
        var run = Overview?.Run ?? Runs[0];
        PeriodText = run.Period;
        if (Overview is not null) Trend = await StrengthQueries.TrendAsync(db, OrganizationId, run.PeriodKind, 12, ct);
        return true;
    }
}
