using Bastion.Data;
using Bastion.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Villages;

public sealed record VillageAssignmentView(long Id, VillageRole Role, string PersonName, string SentBy, DateOnly StartedOn, DateOnly? EndedOn);

public sealed record VillageIndicatorView(int Year, decimal CollectiveIncome, decimal? OperatingIncome, string? Note);

public sealed record VillageRecord(long OrganizationId, string Name, IReadOnlyList<VillageAssignmentView> Assignments, IReadOnlyList<VillageIndicatorView> Indicators);

/// <summary>One village of a subtree: its current first secretary, work-team size and the year's collective income.</summary>
public sealed record VillageRow(long OrganizationId, string Name, string? FirstSecretary, string? SentBy, int WorkTeam, decimal? CollectiveIncome, decimal? LastYearIncome);

/// <summary>The villages of a subtree for one year, with counts by collective-income band.</summary>
public sealed record VillageSummary(int Year, int Villages, int WithFirstSecretary, int Reported, int NoIncome, int Below100k, int From100kTo500k, int Above500k,
    IReadOnlyList<VillageRow> Rows);

public static class VillageQueries
{
    public const decimal Band1 = 100_000m;
    public const decimal Band2 = 500_000m;

    public static async Task<VillageRecord?> ForOrganizationAsync(BastionDb db, long organizationId, CancellationToken ct = default)
    {
        var org = await db.Organizations.AsNoTracking().Where(o => o.Id == organizationId).Select(o => new { o.Id, o.Name }).FirstOrDefaultAsync(ct);
        if (org is null) return null;
        var assignments = await db.Set<VillageAssignment>().AsNoTracking().Where(a => a.OrganizationId == organizationId)
            .OrderBy(a => a.EndedOn != null).ThenBy(a => a.Role).ThenByDescending(a => a.StartedOn)
            .Select(a => new VillageAssignmentView(a.Id, a.Role, a.PersonName, a.SentBy, a.StartedOn, a.EndedOn)).ToListAsync(ct);
        var indicators = await db.Set<VillageIndicator>().AsNoTracking().Where(i => i.OrganizationId == organizationId).OrderByDescending(i => i.Year)
            .Select(i => new VillageIndicatorView(i.Year, i.CollectiveIncome, i.OperatingIncome, i.Note)).ToListAsync(ct);
        return new VillageRecord(org.Id, org.Name, assignments, indicators);
    }

    /// <summary>Three statements whatever the subtree's size: the villages, current assignments grouped, the two years' incomes.</summary>
    public static async Task<VillageSummary?> SummaryAsync(BastionDb db, long organizationId, int year, CancellationToken ct = default)
    {
        var path = await db.Organizations.Where(o => o.Id == organizationId).Select(o => o.Path).FirstOrDefaultAsync(ct);
        if (path is null) return null;
        var villages = OrganizationQueries.InSubtree(db, path)
            .Where(o => o.UnitType == UnitType.Rural && o.Status == OrganizationStatus.Active && (o.Kind == OrganizationKind.Branch || o.Kind == OrganizationKind.Committee || o.Kind == OrganizationKind.GeneralBranch));
        var list = await villages.AsNoTracking().OrderBy(o => o.Path).Select(o => new { o.Id, o.Name }).ToListAsync(ct);
        var assignments = (await db.Set<VillageAssignment>().AsNoTracking()
                .Where(a => a.EndedOn == null && villages.Any(v => v.Id == a.OrganizationId))
                .Select(a => new { a.OrganizationId, a.Role, a.PersonName, a.SentBy }).ToListAsync(ct))
            .ToLookup(a => a.OrganizationId);
        var incomes = (await db.Set<VillageIndicator>().AsNoTracking()
                .Where(i => (i.Year == year || i.Year == year - 1) && villages.Any(v => v.Id == i.OrganizationId))
                .Select(i => new { i.OrganizationId, i.Year, i.CollectiveIncome }).ToListAsync(ct))
            .ToDictionary(i => (i.OrganizationId, i.Year), i => i.CollectiveIncome);

        var rows = list.Select(v =>
        {
            var first = assignments[v.Id].FirstOrDefault(a => a.Role == VillageRole.FirstSecretary);
            return new VillageRow(v.Id, v.Name, first?.PersonName, first?.SentBy, assignments[v.Id].Count(a => a.Role != VillageRole.FirstSecretary),
                incomes.TryGetValue((v.Id, year), out var now) ? now : null, incomes.TryGetValue((v.Id, year - 1), out var before) ? before : null);
        }).ToList();
        var reported = rows.Where(r => r.CollectiveIncome is not null).Select(r => r.CollectiveIncome!.Value).ToList();
        return new VillageSummary(year, rows.Count, rows.Count(r => r.FirstSecretary is not null), reported.Count,
            reported.Count(x => x == 0), reported.Count(x => x > 0 && x < Band1), reported.Count(x => x >= Band1 && x < Band2), reported.Count(x => x >= Band2),
            rows.OrderBy(r => r.CollectiveIncome ?? -1).ThenBy(r => r.Name, StringComparer.Ordinal).ToList());
    }
}
