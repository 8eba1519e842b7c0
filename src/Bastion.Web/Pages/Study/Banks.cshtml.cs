using Bastion.Data;
using Bastion.Organizations;
using Bastion.Study;
using Bastion.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Web.Pages.Study;

/// <summary>
/// 题库管理 (/Study/Banks?org=…): the question banks the organization can see (its own and its subtree's to edit, those
/// published above it to read) with their question counts, and a form to create a bank for the organization.
/// </summary>
[Authorize(Policy = BastionPolicies.ReadRoster)]
public sealed class BanksModel(BastionDb db) : StudyFormPage
{
    public const int Limit = 200;

    public sealed class BankForm
    {
        public string? Title { get; set; }
    }

    /// <summary>A bank with its number of questions; <see cref="Editable"/> when its publisher lies in the caller's scope.</summary>
    public sealed record Row(long Id, string Title, int Questions, bool Editable, DateTime CreatedAt);

    [BindProperty(SupportsGet = true)] public long? Org { get; set; }
    [BindProperty(SupportsGet = true)] public string? Done { get; set; }
    [BindProperty(Name = "B")] public BankForm B { get; set; } = new();

    public Organization Organization { get; private set; } = null!;
    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        long created = 0;
        return await RunAsync("B", async () => created = (await Quizzes.CreateBankAsync(db, Organization.Id, B.Title, ct)).Id,
            () => $"/Study/Bank/{created}?done=bank", () => Task.FromResult(true));
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        Org ??= User.Organization();
        if (Org is not { } org || await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == org, ct) is not { } organization) return false;
        Organization = organization;
        // One statement: the visible banks with their question counts and whether the caller may add to them.
        Rows = await Quizzes.VisibleBanks(db).OrderByDescending(b => b.Id).Take(Limit)
            .Select(b => new Row(b.Id, b.Title, db.Set<Question>().Count(q => q.BankId == b.Id), db.Organizations.Any(o => o.Id == b.OrganizationId), b.CreatedAt))
            .ToListAsync(ct);
        return true;
    }
}
