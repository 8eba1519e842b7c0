using Bastion.Data;
using Bastion.Members;
using Bastion.Organizations;
using Bastion.Requests;
using Bastion.Security;
using Bastion.Shared;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Grids;

/// <summary>Registers a household in a grid of the caller's scope, optionally with the member who keeps contact.</summary>
public static class AddHousehold
{
    public sealed record Command
    {
        public string? Address { get; init; }
        public int? PeopleCount { get; init; }
        public long? KeeperMemberId { get; init; }
    }

    public static async Task<Household> HandleAsync(BastionDb db, long gridId, Command command, CancellationToken ct = default)
    {
        var grid = await db.Set<Grid>().AsNoTracking().FirstOrDefaultAsync(g => g.Id == gridId, ct) ?? throw new NotFoundException($"Grid {gridId}");
        var address = await ValidateAsync(db, gridId, null, command, ct);
        var household = new Household
        {
            OrganizationId = grid.OrganizationId, RegionId = grid.RegionId, GridId = gridId, Address = address, PeopleCount = command.PeopleCount!.Value,
            KeeperMemberId = command.KeeperMemberId, CreatedAt = Clock.UtcNow(db.Time),
        };
        db.Set<Household>().Add(household);
        await db.SaveChangesAsync(ct);
        return household;
    }

    /// <summary>The field checks shared by adding and editing; returns the cleaned address.</summary>
    internal static async Task<string> ValidateAsync(BastionDb db, long gridId, long? householdId, Command command, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var address = ServiceRequestRules.CleanText(command.Address);
        if (address.Length == 0) errors[nameof(Command.Address)] = ["The address is required."];
        else if (address.Length > 200) errors[nameof(Command.Address)] = ["The address may have at most 200 characters."];
        else if (await db.Set<Household>().AnyAsync(h => h.GridId == gridId && h.Address == address && h.Id != householdId, ct))
            errors[nameof(Command.Address)] = ["This address is already registered in the grid."];
        if (command.PeopleCount is not (>= 1 and <= 50)) errors[nameof(Command.PeopleCount)] = ["A household has 1 to 50 people."];
        if (command.KeeperMemberId is { } keeper && !await db.Members.AnyAsync(m => m.Id == keeper && m.Status == MemberStatus.Active, ct))
            errors[nameof(Command.KeeperMemberId)] = ["The member must be an active member in your scope."];
        if (errors.Count > 0) throw new ValidationFailedException(errors);
        return address;
    }
}

/// <summary>Corrects a household's address and people count, and assigns (or withdraws) the member who keeps contact.</summary>
public static class UpdateHousehold
{
    public static async Task<Household> HandleAsync(BastionDb db, long householdId, AddHousehold.Command command, CancellationToken ct = default)
    {
        var household = await db.Set<Household>().AsTracking().FirstOrDefaultAsync(h => h.Id == householdId, ct) ?? throw new NotFoundException($"Household {householdId}");
        household.Address = await AddHousehold.ValidateAsync(db, household.GridId, household.Id, command, ct);
        household.PeopleCount = command.PeopleCount!.Value;
        household.KeeperMemberId = command.KeeperMemberId;
        await db.SaveChangesAsync(ct);
        return household;
    }
}

/// <summary>
/// Records a member's visit or call to a household; what was raised can become a request in the same step, routed to
/// the household's grid like one from the public page.
/// </summary>
public static class RecordHouseholdContact
{
    public sealed record Command
    {
        public long? MemberId { get; init; }
        public DateOnly? ContactedOn { get; init; }
        public HouseholdContactKind? Kind { get; init; }
        public string? Notes { get; init; }
        /// <summary>A service category: raise the notes as a request.</summary>
        public string? RaiseAsCategory { get; init; }
    }

    public static async Task<HouseholdContact> HandleAsync(BastionDb db, PiiProtector pii, long householdId, Command command, CancellationToken ct = default)
    {
        var household = await db.Set<Household>().AsNoTracking().FirstOrDefaultAsync(h => h.Id == householdId, ct) ?? throw new NotFoundException($"Household {householdId}");
        var errors = new Dictionary<string, string[]>();
        if (command.MemberId is not { } memberId || !await db.Members.AnyAsync(m => m.Id == memberId, ct)) errors[nameof(Command.MemberId)] = ["Choose a member in your scope."];
        if (command.ContactedOn is not { } on) errors[nameof(Command.ContactedOn)] = ["The date is required."];
        else if (on > Clock.Today(db.Time)) errors[nameof(Command.ContactedOn)] = ["Contacts are recorded after they happen."];
        if (command.Kind is not { } kind || !Enum.IsDefined(kind)) errors[nameof(Command.Kind)] = ["Visit or call."];
        var notes = ServiceRequestRules.CleanText(command.Notes);
        if (notes.Length > ServiceRequestRules.MaxText) errors[nameof(Command.Notes)] = [$"The notes may have at most {ServiceRequestRules.MaxText} characters."];
        if (command.RaiseAsCategory is { } raise)
        {
            if (notes.Length == 0) errors[nameof(Command.Notes)] = ["Write what was raised to make it a request."];
            if (ServiceRequestRuleSet.Load().Find(raise) is null) errors[nameof(Command.RaiseAsCategory)] = ["Choose the service category of the request."];
        }
        if (errors.Count > 0) throw new ValidationFailedException(errors);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        long? requestId = null;
        if (command.RaiseAsCategory is { } category)
        {
            try
            {
                var request = await SubmitRequest.HandleAsync(db, pii, new SubmitRequest.Command
                {
                    CategoryCode = category, Description = notes, AddressText = household.Address, GridId = household.GridId, Source = RequestSource.Staff,
                }, ct);
                requestId = request.Id;
            }
            catch (ValidationFailedException e)
            {
                // E.g. the grid was closed for new requests: say so beside the choice that raises the request.
                throw ValidationFailedException.For(nameof(Command.RaiseAsCategory), string.Join(" ", e.Errors.Values.SelectMany(v => v)));
            }
        }
        var contact = new HouseholdContact
        {
            OrganizationId = household.OrganizationId, HouseholdId = householdId, MemberId = command.MemberId!.Value, ContactedOn = command.ContactedOn!.Value,
            Kind = command.Kind!.Value, Notes = notes.Length == 0 ? null : notes, RaisedRequestId = requestId, CreatedAt = Clock.UtcNow(db.Time),
        };
        db.Set<HouseholdContact>().Add(contact);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return contact;
    }
}

public sealed record HouseholdView(long Id, long GridId, string Address, int PeopleCount, long? KeeperMemberId, DateOnly? LastContactedOn, string? KeeperName = null);

public sealed record HouseholdCoverage(long OrganizationId, DateOnly From, DateOnly To, int Households, int Contacted, double? Rate);

/// <summary>A household kept by a member, for the member's own list.</summary>
public sealed record KeptHouseholdView(long Id, long GridId, string GridName, string Address, int PeopleCount, DateOnly? LastContactedOn);

/// <summary>One visit or call, with the tracking code of the request made from it.</summary>
public sealed record HouseholdContactView(long Id, long HouseholdId, string Address, long MemberId, string MemberName, DateOnly ContactedOn,
    HouseholdContactKind Kind, string? Notes, long? RaisedRequestId, string? RaisedTrackingCode);

/// <summary>
/// Coverage of one part of a subtree: a direct sub-organization with everything under it, or (<see cref="IsOwn"/>) the
/// households of the organization's own grids.
/// </summary>
public sealed record UnitCoverage(long OrganizationId, string Name, bool IsOwn, int Households, int Contacted)
{
    public double? Rate => Households == 0 ? null : Math.Round((double)Contacted / Households, 4);
}

/// <summary>A member who may keep contact with households of a grid.</summary>
public sealed record KeeperChoice(long Id, string Name);

public static class HouseholdQueries
{
    public static async Task<List<HouseholdView>> ForGridAsync(BastionDb db, long gridId, CancellationToken ct = default)
    {
        if (!await db.Set<Grid>().AnyAsync(g => g.Id == gridId, ct)) throw new NotFoundException($"Grid {gridId}");
        return await db.Set<Household>().AsNoTracking().Where(h => h.GridId == gridId).OrderBy(h => h.Address).Take(2000)
            .Select(h => new HouseholdView(h.Id, h.GridId, h.Address, h.PeopleCount, h.KeeperMemberId,
                db.Set<HouseholdContact>().Where(c => c.HouseholdId == h.Id).Max(c => (DateOnly?)c.ContactedOn),
                db.Members.IgnoreQueryFilters().Where(m => m.Id == h.KeeperMemberId).Select(m => m.Name).FirstOrDefault()))
            .ToListAsync(ct);
    }

    /// <summary>Active members of the grid organization's subtree, by name: who may be assigned its households.</summary>
    public static async Task<List<KeeperChoice>> KeepersForGridAsync(BastionDb db, long gridId, CancellationToken ct = default)
    {
        var path = await db.Set<Grid>().Where(g => g.Id == gridId).Join(db.Organizations, g => g.OrganizationId, o => o.Id, (g, o) => o.Path).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException($"Grid {gridId}");
        var upper = TreePath.UpperBound(path);
        return await db.Members.AsNoTracking()
            .Where(m => m.Status == MemberStatus.Active && db.Organizations.Any(o => o.Id == m.OrganizationId && string.Compare(o.Path, path) >= 0 && string.Compare(o.Path, upper) < 0))
            .OrderBy(m => m.Name).ThenBy(m => m.Id).Take(1000).Select(m => new KeeperChoice(m.Id, m.Name)).ToListAsync(ct);
    }

    /// <summary>The households a member keeps contact with, the longest without contact first.</summary>
    public static Task<List<KeptHouseholdView>> ForKeeperAsync(BastionDb db, long memberId, CancellationToken ct = default) =>
        db.Set<Household>().AsNoTracking().Where(h => h.KeeperMemberId == memberId)
            .Join(db.Set<Grid>(), h => h.GridId, g => g.Id, (h, g) => new
            {
                h, GridName = g.Name,
                Last = db.Set<HouseholdContact>().Where(c => c.HouseholdId == h.Id).Max(c => (DateOnly?)c.ContactedOn),
            })
            .OrderBy(x => x.Last.HasValue).ThenBy(x => x.Last).ThenBy(x => x.h.Address).Take(500)
            .Select(x => new KeptHouseholdView(x.h.Id, x.h.GridId, x.GridName, x.h.Address, x.h.PeopleCount, x.Last))
            .ToListAsync(ct);

    /// <summary>The latest contacts made by a member (or, without one, with the grid's households), newest first.</summary>
    public static Task<List<HouseholdContactView>> RecentContactsAsync(BastionDb db, long? memberId, long? gridId, int take = 50, CancellationToken ct = default)
    {
        var contacts = db.Set<HouseholdContact>().AsNoTracking();
        if (memberId is { } m) contacts = contacts.Where(c => c.MemberId == m);
        if (gridId is { } g) contacts = contacts.Where(c => db.Set<Household>().Any(h => h.Id == c.HouseholdId && h.GridId == g));
        return (from c in contacts
                join h in db.Set<Household>() on c.HouseholdId equals h.Id
                join mem in db.Members.IgnoreQueryFilters() on c.MemberId equals mem.Id
                orderby c.ContactedOn descending, c.Id descending
                select new HouseholdContactView(c.Id, h.Id, h.Address, mem.Id, mem.Name, c.ContactedOn, c.Kind, c.Notes, c.RaisedRequestId,
                    db.Set<ServiceRequest>().IgnoreQueryFilters().Where(r => r.Id == c.RaisedRequestId).Select(r => r.TrackingCode).FirstOrDefault()))
            .Take(Math.Clamp(take, 1, 200)).ToListAsync(ct);
    }

    /// <summary>Households of the subtree contacted at least once in the period: two counting statements.</summary>
    public static async Task<HouseholdCoverage?> CoverageAsync(BastionDb db, long organizationId, DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        var path = await db.Organizations.Where(o => o.Id == organizationId).Select(o => o.Path).FirstOrDefaultAsync(ct);
        if (path is null) return null;
        var upper = TreePath.UpperBound(path);
        var subtree = db.Organizations.Where(o => string.Compare(o.Path, path) >= 0 && string.Compare(o.Path, upper) < 0).Select(o => o.Id);
        var households = db.Set<Household>().Where(h => subtree.Contains(h.OrganizationId));
        var total = await households.CountAsync(ct);
        var contacted = await households.CountAsync(h => db.Set<HouseholdContact>().Any(c => c.HouseholdId == h.Id && c.ContactedOn >= from && c.ContactedOn <= to), ct);
        return new HouseholdCoverage(organizationId, from, to, total, contacted, total == 0 ? null : Math.Round((double)contacted / total, 4));
    }

    /// <summary>
    /// Coverage per part of the subtree — each direct sub-organization with its whole subtree, and the organization's
    /// own grids — the least covered first (parts without households last). The parts partition the subtree, so their
    /// sums are the subtree's figures. One statement after the organization's lookup.
    /// </summary>
    public static async Task<List<UnitCoverage>?> CoverageByUnitAsync(BastionDb db, long organizationId, DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        if (!await db.Organizations.AnyAsync(o => o.Id == organizationId, ct)) return null;
        var households = db.Set<Household>().Join(db.Organizations, h => h.OrganizationId, o => o.Id, (h, o) => new
        {
            h.OrganizationId, o.Path,
            Contacted = db.Set<HouseholdContact>().Any(c => c.HouseholdId == h.Id && c.ContactedOn >= from && c.ContactedOn <= to),
        });
        var units = await db.Organizations.AsNoTracking().Where(u => u.ParentId == organizationId || u.Id == organizationId)
            .Select(u => new
            {
                u.Id, u.Name, IsOwn = u.Id == organizationId,
                Households = households.Count(x => u.Id == organizationId
                    ? x.OrganizationId == u.Id
                    : string.Compare(x.Path, u.Path) >= 0 && string.Compare(x.Path, u.Path + "~") < 0),
                Contacted = households.Count(x => x.Contacted && (u.Id == organizationId
                    ? x.OrganizationId == u.Id
                    : string.Compare(x.Path, u.Path) >= 0 && string.Compare(x.Path, u.Path + "~") < 0)),
            })
            .ToListAsync(ct);
        return units.Where(u => !u.IsOwn || u.Households > 0)
            .Select(u => new UnitCoverage(u.Id, u.Name, u.IsOwn, u.Households, u.Contacted))
            .OrderBy(u => u.Rate is null).ThenBy(u => u.Rate).ThenByDescending(u => u.Households).ThenBy(u => u.Name, StringComparer.Ordinal).ToList();
    }
}
