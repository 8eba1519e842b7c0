using Bastion.Data;
using Bastion.Organizations;
using Bastion.Shared;
using Microsoft.EntityFrameworkCore;

namespace Bastion.MobileMembers;

public sealed record MobileRecordSummary(
    long Id, long OrganizationId, string OrganizationName, MobileDirection Direction, long? MemberId, string Name, string Place,
    long? HostOrganizationId, string? HostName, string? ActivityCardNumber, bool FixedPlace, DateOnly LeftOn, DateOnly? ExpectedReturnOn,
    DateOnly? ReturnedOn, MobileStatus Status, DateOnly? LastContactOn, IReadOnlyList<string> Warnings);

public sealed record MobileContactView(long Id, DateOnly ContactedOn, ContactChannel Channel, string? Note, string RecordedBy);

public sealed record MobileRecordDetail(MobileRecordSummary Record, IReadOnlyList<MobileContactView> Contacts);

public sealed record MobileFilter
{
    public MobileDirection? Direction { get; init; }
    /// <summary>Active by default; null in the API means active.</summary>
    public MobileStatus? Status { get; init; }
    public string? Name { get; init; }
}

/// <summary>Mobile members of a subtree, with their last contact and warnings, in a fixed number of statements.</summary>
public static class MobileQueries
{
    public const int RecentContacts = 50;

    /// <summary>Records kept by the organization's subtree, paged; null when the organization is out of scope.</summary>
    public static async Task<Page<MobileRecordSummary>?> ForSubtreeAsync(BastionDb db, long organizationId, MobileFilter filter, int? page, int? pageSize, CancellationToken ct = default)
    {
        var path = await db.Organizations.AsNoTracking().Where(o => o.Id == organizationId).Select(o => o.Path).FirstOrDefaultAsync(ct);
        if (path is null) return null;
        var (p, size) = Paging.Normalize(page, pageSize);
        var orgs = OrganizationQueries.InSubtree(db, path);
        var status = filter.Status ?? MobileStatus.Active;
        var query = db.Set<MobileRecord>().AsNoTracking().Where(r => r.Status == status && orgs.Any(o => o.Id == r.OrganizationId));
        if (filter.Direction is { } d) query = query.Where(r => r.Direction == d);
        if (filter.Name?.Trim() is { Length: > 0 } name) query = query.Where(r => r.PersonName.StartsWith(name));
        var total = await query.CountAsync(ct);
        var rows = await Rows(db, query.OrderBy(r => r.PersonName).ThenBy(r => r.Id).Skip((p - 1) * size).Take(size)).ToListAsync(ct);
        var today = Clock.Today(db.Time);
        return new Page<MobileRecordSummary>(rows.Select(r => r.ToSummary(today)).ToList(), p, size, total);
    }

    public static async Task<MobileRecordDetail?> GetAsync(BastionDb db, long id, CancellationToken ct = default)
    {
        var row = await Rows(db, db.Set<MobileRecord>().AsNoTracking().Where(r => r.Id == id)).FirstOrDefaultAsync(ct);
        if (row is null) return null;
        var contacts = await db.Set<MobileContact>().AsNoTracking().Where(c => c.MobileRecordId == id)
            .OrderByDescending(c => c.ContactedOn).ThenByDescending(c => c.Id).Take(RecentContacts)
            .Select(c => new MobileContactView(c.Id, c.ContactedOn, c.Channel, c.Note, c.RecordedBy)).ToListAsync(ct);
        return new MobileRecordDetail(row.ToSummary(Clock.Today(db.Time)), contacts);
    }

    private static IQueryable<Row> Rows(BastionDb db, IQueryable<MobileRecord> records) =>
        records.Join(db.Organizations, r => r.OrganizationId, o => o.Id, (r, o) => new Row(
            r.Id, r.OrganizationId, o.Name, r.Direction, r.MemberId, r.PersonName, r.Place, r.HostOrganizationId, r.HostName,
            r.ActivityCardNumber, r.FixedPlace, r.LeftOn, r.ExpectedReturnOn, r.ReturnedOn, r.Status,
            db.Set<MobileContact>().Where(c => c.MobileRecordId == r.Id).Max(c => (DateOnly?)c.ContactedOn)));

    private sealed record Row(
        long Id, long OrganizationId, string OrganizationName, MobileDirection Direction, long? MemberId, string Name, string Place,
        long? HostOrganizationId, string? HostName, string? ActivityCardNumber, bool FixedPlace, DateOnly LeftOn, DateOnly? ExpectedReturnOn,
        DateOnly? ReturnedOn, MobileStatus Status, DateOnly? LastContactOn)
    {
        public MobileRecordSummary ToSummary(DateOnly today)
        {
            var facts = new MobileFacts(Id, MemberId, Name, OrganizationId, Direction, Status, FixedPlace, LeftOn, LastContactOn);
            var warnings = MemberWarningRules.Evaluate([facts], [], today, MemberStatusRuleSet.Load(), Dues.DuesRuleSet.Load().Payment)
                .Select(w => w.Rule).ToList();
            return new MobileRecordSummary(Id, OrganizationId, OrganizationName, Direction, MemberId, Name, Place, HostOrganizationId, HostName,
                ActivityCardNumber, FixedPlace, LeftOn, ExpectedReturnOn, ReturnedOn, Status, LastContactOn, warnings);
        }
    }
}
