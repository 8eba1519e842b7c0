using Bastion.Cascades;
using Bastion.Data;
using Bastion.Directives;
using Bastion.Organizations;
using Bastion.Shared;
using Bastion.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Web.Pages.Directives;

public sealed record OrganizationOption(long Id, string Name, int Depth);

/// <summary>下发决策部署: issues a directive from an organization in scope (/Directives/Issue?org=…).</summary>
[Authorize(Policy = BastionPolicies.ReadRoster)]
public sealed class IssueModel(BastionDb db) : DirectivePage
{
    /// <summary>At most this many organizations are offered for a hand-picked list.</summary>
    public const int ListLimit = 1000;

    [BindProperty(SupportsGet = true)] public long? Org { get; set; }
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Body { get; set; }
    [BindProperty] public string? SourceDocument { get; set; }
    [BindProperty] public DateOnly? DueOn { get; set; }
    [BindProperty] public string? ReportRequirements { get; set; }
    [BindProperty] public string? NumberLabel { get; set; }
    [BindProperty] public bool RequiresEvidence { get; set; }
    [BindProperty] public TargetMode? Mode { get; set; } = TargetMode.Subtree;
    [BindProperty] public List<OrganizationKind> Kinds { get; set; } = [];
    [BindProperty] public List<UnitType> UnitTypes { get; set; } = [];
    [BindProperty] public List<long> OrganizationIds { get; set; } = [];

    public Organization Organization { get; private set; } = null!;
    public IReadOnlyList<OrganizationOption> Below { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        DueOn ??= Clock.Today(db.Time).AddDays(30);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        long id = 0;
        return await RunAsync("issue", async () =>
        {
            var d = await IssueDirective.HandleAsync(db, Organization.Id, new IssueDirective.Command
            {
                Title = Title, Body = Body, SourceDocument = SourceDocument, DueOn = DueOn, ReportRequirements = ReportRequirements,
                NumberLabel = NumberLabel, RequiresEvidence = RequiresEvidence,
                Targets = new TargetSelection { Mode = Mode, Kinds = Kinds, UnitTypes = UnitTypes, OrganizationIds = OrganizationIds },
            }, ct);
            id = d.Id;
        }, () => $"/Directives/Details/{id}", () => Task.FromResult(true));
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        Org ??= User.Organization();
        if (Org is not { } org || await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == org, ct) is not { } organization) return false;
        Organization = organization;
        var hi = TreePath.UpperBound(organization.Path);
        Below = await db.Organizations.AsNoTracking()
            .Where(o => string.Compare(o.Path, organization.Path) > 0 && string.Compare(o.Path, hi) < 0 && o.Status == OrganizationStatus.Active && o.Kind != OrganizationKind.Group)
            .OrderBy(o => o.Path).Take(ListLimit).Select(o => new OrganizationOption(o.Id, o.Name, o.Depth - organization.Depth)).ToListAsync(ct);
        return true;
    }
}
