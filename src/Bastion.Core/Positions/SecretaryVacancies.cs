using Bastion.Data;
using Bastion.Organizations;
using Bastion.Shared;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Positions;

/// <summary>
/// An organization without a current secretary. <see cref="VacantSince"/> is the last secretary's end date, or when no
/// secretary was ever recorded (<see cref="NeverAppointed"/>) the founding date when known; <see cref="Days"/> is null
/// when no start is known. <see cref="Warning"/> is "Positions.SecretaryVacant" when vacant longer than 3 months.
/// </summary>
public sealed record SecretaryVacancy(
    long OrganizationId, string OrganizationName, OrganizationKind Kind, bool NeverAppointed, DateOnly? VacantSince, int? Days, string? Warning);

/// <summary>Secretary vacancies (书记空缺) of a subtree, for DOMAIN §8 ("secretary long vacant").</summary>
public static class SecretaryVacancies
{
    /// <summary>Active non-group organizations of the subtree without a current secretary: one grouped query. Null when out of scope.</summary>
    public static async Task<IReadOnlyList<SecretaryVacancy>?> ForSubtreeAsync(BastionDb db, long organizationId, CancellationToken ct = default)
    {
        var path = await db.Organizations.Where(o => o.Id == organizationId).Select(o => o.Path).FirstOrDefaultAsync(ct);
        if (path is null) return null;
        return await ForOrganizationsAsync(db, OrganizationQueries.InSubtree(db, path), ct);
    }

    internal static async Task<IReadOnlyList<SecretaryVacancy>> ForOrganizationsAsync(BastionDb db, IQueryable<Organization> organizations, CancellationToken ct)
    {
        var secretaries = db.Set<Position>().Where(p => p.Role == PositionRole.Secretary);
        var rows = await organizations
            .Where(o => o.Status == OrganizationStatus.Active && o.Kind != OrganizationKind.Group
                && !secretaries.Any(p => p.OrganizationId == o.Id && p.EndedOn == null))
            .Select(o => new
            {
                o.Id, o.Name, o.Kind, o.FoundedOn,
                Ever = secretaries.Any(p => p.OrganizationId == o.Id),
                LastEnded = secretaries.Where(p => p.OrganizationId == o.Id).Max(p => p.EndedOn),
            })
            .OrderBy(o => o.Id).ToListAsync(ct);
        var today = Clock.Today(db.Time);
        return rows.Select(r => Vacancy(r.Id, r.Name, r.Kind, r.Ever, r.Ever ? r.LastEnded : r.FoundedOn, today))
            .OrderByDescending(v => v.Days ?? int.MaxValue).ThenBy(v => v.OrganizationId).ToList();
    }

    /// <summary>The vacancy with its length and warning (pure).</summary>
    public static SecretaryVacancy Vacancy(long id, string name, OrganizationKind kind, bool everAppointed, DateOnly? vacantSince, DateOnly today)
    {
        int? days = vacantSince is { } since ? PositionRules.VacancyDays(since, today) : null;
        var warn = vacantSince is not { } s || PositionRules.IsLongVacant(s, today);
        return new SecretaryVacancy(id, name, kind, !everAppointed, vacantSince, days, warn ? PositionRules.SecretaryVacantRule : null);
    }
}
