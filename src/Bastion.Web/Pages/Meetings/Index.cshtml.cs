using Bastion.Data;
using Bastion.Meetings;
using Bastion.Organizations;
using Bastion.Shared;
using Bastion.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Web.Pages.Meetings;

/// <summary>会议台账: the meetings of an organization (default: the user's own) for a year, printable. 404 out of scope.</summary>
[Authorize(Policy = BastionPolicies.ReadRoster)]
public sealed class IndexModel(BastionDb db) : PageModel
{
    public MeetingLedger Ledger { get; private set; } = null!;
    public OrganizationKind Kind { get; private set; }
    public BastionDb Db => db;

    public async Task<IActionResult> OnGetAsync(long? org, int? year, CancellationToken ct)
    {
        var id = org ?? User.Organization();
        if (id is null) return NotFound();
        var y = year is >= 2000 and <= 2100 ? year.Value : Clock.Today(db.Time).Year;
        if (await MeetingQueries.LedgerAsync(db, id.Value, y, ct) is not { } ledger) return NotFound();
        Ledger = ledger;
        Kind = await db.Organizations.Where(o => o.Id == id).Select(o => o.Kind).FirstAsync(ct);
        return Page();
    }

    public bool MayPlan => Kind is OrganizationKind.Branch or OrganizationKind.JointBranch or OrganizationKind.Group;

    public int Held(MeetingKind kind, int month) => Ledger.Counts.FirstOrDefault(c => c.Kind == kind && c.Month == month)?.Held ?? 0;

    public int Held(MeetingKind kind) => Ledger.Counts.Where(c => c.Kind == kind).Sum(c => c.Held);
}
