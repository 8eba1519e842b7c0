using Bastion.Data;
using Bastion.Shared;
using Bastion.Study;
using Bastion.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bastion.Web.Pages.Study;

/// <summary>学时统计: members and members behind per sub-organization, and the members behind, for a year (/Study/Hours?org=…).</summary>
[Authorize(Policy = BastionPolicies.ReadRoster)]
public sealed class HoursModel(BastionDb db) : PageModel
{
    [BindProperty(SupportsGet = true)] public long? Org { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    public IReadOnlyList<HoursRollUpRow> Rows { get; private set; } = [];
    public IReadOnlyList<MemberHours> Behind { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Org ??= User.Organization();
        Year ??= Clock.Today(db.Time).Year;
        if (Org is not { } org || await StudyQueries.RollUpAsync(db, org, Year.Value, ct) is not { } rows) return NotFound();
        Rows = rows;
        Behind = await StudyQueries.MembersAsync(db, org, Year.Value, behindOnly: true, limit: 200, ct) ?? [];
        return Page();
    }

    /// <summary>The roll-up as a workbook (/Study/Hours?handler=Export&amp;org=…&amp;year=…): one row per organization, names indented by depth.</summary>
    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        Org ??= User.Organization();
        Year ??= Clock.Today(db.Time).Year;
        if (Org is not { } org || await StudyQueries.RollUpAsync(db, org, Year.Value, ct) is not { } rows) return NotFound();
        var top = rows.Count == 0 ? 0 : rows.Min(r => r.Depth);
        var bytes = Workbook.Write($"学时统计{Year}", ["组织", "党员数", "学时落后人数", "总学时", "人均学时"],
            rows.Select(r => new object?[] { new string('\u3000', r.Depth - top) + r.Name, r.Members, r.Behind, Math.Round(r.Hours, 1), r.AverageHours }));
        return File(bytes, Workbook.ContentType, $"学时统计-{rows[0].Name}-{Year}.xlsx");
    }
}
