using Bastion.Audit;
using Bastion.Data;
using Bastion.Organizations;
using Bastion.Security;
using Bastion.Shared;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Members;

public sealed record MemberSummary(long Id, long OrganizationId, string Name, Gender Gender, DateOnly BirthDate, string ResidentId, MemberCategory Category, MemberStatus Status, DateOnly JoinedOn);

/// <summary>The whole record as screens show it: resident ID and phone masked.</summary>
public sealed record MemberDetail(
    long Id, long OrganizationId, string Name, Gender Gender, DateOnly BirthDate, string ResidentId, string? Phone,
    string? Ethnicity, Education? Education, string? Occupation, MemberCategory Category, MemberStatus Status, DateOnly JoinedOn, DateOnly? FullOn);

/// <summary>Roster filters: name prefix, category, status.</summary>
public sealed record MemberFilter
{
    public string? Name { get; init; }
    public MemberCategory? Category { get; init; }
    public MemberStatus? Status { get; init; }
}

public static class MemberQueries
{
    /// <summary>Members of one organization, paged, resident ID masked. Null when the organization is out of scope.</summary>
    public static async Task<Page<MemberSummary>?> OfOrganizationAsync(BastionDb db, long organizationId, int? page, int? pageSize, CancellationToken ct = default) =>
        await OfOrganizationAsync(db, organizationId, new MemberFilter(), page, pageSize, ct);

    /// <summary>Members of one organization matching the filter, paged: two statements whatever the page size.</summary>
    public static async Task<Page<MemberSummary>?> OfOrganizationAsync(BastionDb db, long organizationId, MemberFilter filter, int? page, int? pageSize, CancellationToken ct = default)
    {
        if (!await db.Organizations.AnyAsync(o => o.Id == organizationId, ct)) return null;
        var (p, size) = Paging.Normalize(page, pageSize);
        var query = Filtered(db, organizationId, filter);
        var total = await query.CountAsync(ct);
        var items = await query.OrderBy(m => m.Name).ThenBy(m => m.Id).Skip((p - 1) * size).Take(size)
            .Select(m => new MemberSummary(m.Id, m.OrganizationId, m.Name, m.Gender, m.BirthDate, m.ResidentIdMasked, m.Category, m.Status, m.JoinedOn))
            .ToListAsync(ct);
        return new Page<MemberSummary>(items, p, size, total);
    }

    internal static IQueryable<Member> Filtered(BastionDb db, long organizationId, MemberFilter filter)
    {
        var query = db.Members.AsNoTracking().Where(m => m.OrganizationId == organizationId);
        if (filter.Name?.Trim() is { Length: > 0 } name) query = query.Where(m => m.Name.StartsWith(name));
        if (filter.Category is { } category) query = query.Where(m => m.Category == category);
        if (filter.Status is { } status) query = query.Where(m => m.Status == status);
        return query;
    }

    /// <summary>Every member of one organization matching the filter, for the export workbook; null when out of scope.</summary>
    public static async Task<List<MemberDetail>?> ExportAsync(BastionDb db, long organizationId, MemberFilter filter, CancellationToken ct = default)
    {
        if (!await db.Organizations.AnyAsync(o => o.Id == organizationId, ct)) return null;
        return await Filtered(db, organizationId, filter).OrderBy(m => m.Name).ThenBy(m => m.Id)
            .Select(m => new MemberDetail(m.Id, m.OrganizationId, m.Name, m.Gender, m.BirthDate, m.ResidentIdMasked, m.PhoneMasked,
                m.Ethnicity, m.Education, m.Occupation, m.Category, m.Status, m.JoinedOn, m.FullOn))
            .ToListAsync(ct);
    }

    public static Task<MemberSummary?> GetAsync(BastionDb db, long id, CancellationToken ct = default) =>
        db.Members.AsNoTracking().Where(m => m.Id == id)
            .Select(m => new MemberSummary(m.Id, m.OrganizationId, m.Name, m.Gender, m.BirthDate, m.ResidentIdMasked, m.Category, m.Status, m.JoinedOn))
            .FirstOrDefaultAsync(ct);

    public static Task<MemberDetail?> GetDetailAsync(BastionDb db, long id, CancellationToken ct = default) =>
        db.Members.AsNoTracking().Where(m => m.Id == id)
            .Select(m => new MemberDetail(m.Id, m.OrganizationId, m.Name, m.Gender, m.BirthDate, m.ResidentIdMasked, m.PhoneMasked,
                m.Ethnicity, m.Education, m.Occupation, m.Category, m.Status, m.JoinedOn, m.FullOn))
            .FirstOrDefaultAsync(ct);

    /// <summary>The unmasked resident ID, for roles that may see it; every reveal is audited.</summary>
    public static async Task<string?> RevealResidentIdAsync(BastionDb db, PiiProtector pii, long id, CancellationToken ct = default)
    {
        var cipher = await db.Members.Where(m => m.Id == id).Select(m => m.ResidentIdCipher).FirstOrDefaultAsync(ct);
        if (cipher is null) return null;
        db.Record(AuditActions.Reveal, nameof(Member), id.ToString(System.Globalization.CultureInfo.InvariantCulture), new { field = "ResidentId" });
        await db.SaveChangesAsync(ct);
        return pii.Decrypt(cipher);
    }

    public static async Task<int> CountInSubtreeAsync(BastionDb db, string path, CancellationToken ct = default)
    {
        var orgs = OrganizationQueries.InSubtree(db, path);
        return await db.Members.CountAsync(m => orgs.Any(o => o.Id == m.OrganizationId), ct);
    }
}
