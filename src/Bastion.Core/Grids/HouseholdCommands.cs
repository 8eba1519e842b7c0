using Bastion.Data;
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
        var errors = new Dictionary<string, string[]>();
        var address = ServiceRequestRules.CleanText(command.Address);
        if (address.Length == 0) errors[nameof(Command.Address)] = ["The address is required."];
        else if (address.Length > 200) errors[nameof(Command.Address)] = ["The address may have at most 200 characters."];
        else if (await db.Set<Household>().AnyAsync(h => h.GridId == gridId && h.Address == address, ct)) errors[nameof(Command.Address)] = ["This address is already registered in the grid."];
        if (command.PeopleCount is not (>= 1 and <= 50)) errors[nameof(Command.PeopleCount)] = ["A household has 1 to 50 people."];
        if (command.KeeperMemberId is { } keeper && !await db.Members.AnyAsync(m => m.Id == keeper, ct))
            errors[nameof(Command.KeeperMemberId)] = ["The member must be in your scope."];
        if (errors.Count > 0) throw new ValidationFailedException(errors);
        var household = new Household
        {
            OrganizationId = grid.OrganizationId, RegionId = grid.RegionId, GridId = gridId, Address = address, PeopleCount = command.PeopleCount!.Value,
            KeeperMemberId = command.KeeperMemberId, CreatedAt = Clock.UtcNow(db.Time),
        };
        db.Set<Household>().Add(household);
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
        if (command.RaiseAsCategory is not null && notes.Length == 0) errors[nameof(Command.Notes)] = ["Write what was raised to make it a request."];
        if (errors.Count > 0) throw new ValidationFailedException(errors);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        long? requestId = null;
        if (command.RaiseAsCategory is { } category)
        {
            var request = await SubmitRequest.HandleAsync(db, pii, new SubmitRequest.Command
            {
                CategoryCode = category, Description = notes, AddressText = household.Address, GridId = household.GridId, Source = RequestSource.Staff,
            }, ct);
            requestId = request.Id;
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

public sealed record HouseholdView(long Id, long GridId, string Address, int PeopleCount, long? KeeperMemberId, DateOnly? LastContactedOn);

public sealed record HouseholdCoverage(long OrganizationId, DateOnly From, DateOnly To, int Households, int Contacted, double? Rate);

public static class HouseholdQueries
{
    public static async Task<List<HouseholdView>> ForGridAsync(BastionDb db, long gridId, CancellationToken ct = default)
    {
        if (!await db.Set<Grid>().AnyAsync(g => g.Id == gridId, ct)) throw new NotFoundException($"Grid {gridId}");
        return await db.Set<Household>().AsNoTracking().Where(h => h.GridId == gridId).OrderBy(h => h.Address).Take(2000)
            .Select(h => new HouseholdView(h.Id, h.GridId, h.Address, h.PeopleCount, h.KeeperMemberId,
                db.Set<HouseholdContact>().Where(c => c.HouseholdId == h.Id).Max(c => (DateOnly?)c.ContactedOn)))
            .ToListAsync(ct);
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
}
