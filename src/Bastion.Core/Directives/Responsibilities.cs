using Bastion.Data;
using Bastion.Positions;
using Bastion.Shared;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Directives;

/// <summary>One current position holder with their 一岗双责 list for a year (null lists when none is recorded yet).</summary>
public sealed record ResponsibilityView(
    long PositionId, long MemberId, string MemberName, PositionRole Role, bool FirstResponsible, string? MainDuties, string? PartyBuildingDuties, DateTime? UpdatedAt);

/// <summary>Responsibility lists (一岗双责): each committee member's party-building duties beside their main duties; the secretary is the first responsible person (第一责任人).</summary>
public static class Responsibilities
{
    /// <summary>Group leaders have no committee post; every other current position carries a list.</summary>
    public static bool CarriesList(PositionRole role) => role != PositionRole.GroupLeader;

    /// <summary>Current committee positions of the organization with their lists for the year, secretary first: one query.</summary>
    public static async Task<IReadOnlyList<ResponsibilityView>?> ForOrganizationAsync(BastionDb db, long organizationId, int year, CancellationToken ct = default)
    {
        if (!await db.Organizations.AnyAsync(o => o.Id == organizationId, ct)) return null;
        return await (from p in db.Set<Position>()
                      where p.OrganizationId == organizationId && p.EndedOn == null && p.Role != PositionRole.GroupLeader
                      join m in db.Members on p.MemberId equals m.Id
                      from r in db.Set<ResponsibilityList>().Where(r => r.PositionId == p.Id && r.Year == year).DefaultIfEmpty()
                      orderby p.Role, p.StartedOn, p.Id
                      select new ResponsibilityView(p.Id, p.MemberId, m.Name, p.Role, p.Role == PositionRole.Secretary,
                          r == null ? null : r.MainDuties, r == null ? null : r.PartyBuildingDuties, r == null ? null : r.UpdatedAt)).ToListAsync(ct);
    }

    public sealed record Command
    {
        public int? Year { get; init; }
        public string? MainDuties { get; init; }
        public string? PartyBuildingDuties { get; init; }
    }

    /// <summary>Records or replaces the list of a current position for a year.</summary>
    public static async Task<ResponsibilityList> SetAsync(BastionDb db, long positionId, Command command, CancellationToken ct = default)
    {
        var position = await db.Set<Position>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == positionId, ct) ?? throw new NotFoundException($"Position {positionId}");
        var errors = new Dictionary<string, string[]>();
        var thisYear = Clock.Today(db.Time).Year;
        if (command.Year is not { } year || year < thisYear - 1 || year > thisYear + 1) errors[nameof(Command.Year)] = [$"Choose a year from {thisYear - 1} to {thisYear + 1}."];
        var main = DirectiveTargets.Text(errors, nameof(Command.MainDuties), command.MainDuties, 4000, "Describe the main duties of the post.");
        var party = DirectiveTargets.Text(errors, nameof(Command.PartyBuildingDuties), command.PartyBuildingDuties, 4000, "Describe the party-building duties.");
        if (errors.Count > 0) throw new ValidationFailedException(errors);
        if (position.EndedOn is not null || !CarriesList(position.Role))
            throw new DomainRuleException("Directives.NoResponsibilityList", "Only current committee positions carry a responsibility list.");
        var list = await db.Set<ResponsibilityList>().AsTracking().FirstOrDefaultAsync(r => r.PositionId == positionId && r.Year == command.Year, ct);
        if (list is null)
        {
            list = new ResponsibilityList
            {
                OrganizationId = position.OrganizationId, PositionId = position.Id, Year = command.Year!.Value, MainDuties = main!, PartyBuildingDuties = party!,
                UpdatedBy = db.Scope.Actor,
            };
            db.Set<ResponsibilityList>().Add(list);
        }
        list.MainDuties = main!;
        list.PartyBuildingDuties = party!;
        list.UpdatedAt = Clock.UtcNow(db.Time);
        list.UpdatedBy = db.Scope.Actor;
        await db.SaveChangesAsync(ct);
        return list;
    }
}
