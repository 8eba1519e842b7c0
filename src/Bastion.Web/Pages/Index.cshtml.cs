using Bastion.Data;
using Bastion.Identity;
using Bastion.Organizations;
using Bastion.Web.Security;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bastion.Web.Pages;

/// <summary>The home page: the user's own organization and what their scope holds.</summary>
public sealed class IndexModel(BastionDb db) : PageModel
{
    public string DisplayName { get; private set; } = "";
    public string? Role { get; private set; }
    public OrganizationDetail? Organization { get; private set; }
    public IReadOnlyList<KindCount> KindCounts { get; private set; } = [];
    public bool ShowRoster => BastionRoles.MaySeePersonalData(Role);
    public bool ShowTree => Role is not BastionRoles.Discipline;

    public async Task OnGetAsync(CancellationToken ct)
    {
        DisplayName = User.FindFirst(BastionClaims.DisplayName)?.Value ?? User.Identity?.Name ?? "";
        Role = User.Role();
        if (User.Organization() is not { } id) return;
        Organization = await OrganizationQueries.GetAsync(db, id, ct);
        if (Organization is not null && ShowTree)
            KindCounts = await OrganizationQueries.KindCountsAsync(db, Organization.Path, ct);
    }
}
