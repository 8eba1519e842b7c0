using Bastion.Data;
using Bastion.Organizations;
using Bastion.Shared;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Villages;

/// <summary>Use cases of rural revitalization records (乡村振兴): cadres sent to villages and yearly village indicators.</summary>
public static class VillageWork
{
    public sealed record AssignCommand
    {
        public VillageRole? Role { get; init; }
        public string? PersonName { get; init; }
        public string? SentBy { get; init; }
        public DateOnly? StartedOn { get; init; }
    }

    public sealed record IndicatorCommand
    {
        public int? Year { get; init; }
        public decimal? CollectiveIncome { get; init; }
        public decimal? OperatingIncome { get; init; }
        public string? Note { get; init; }
    }

    /// <summary>Records a cadre sent to the village; one current first secretary at a time.</summary>
    public static async Task<VillageAssignment> AssignAsync(BastionDb db, long organizationId, AssignCommand c, CancellationToken ct = default)
    {
        var today = Clock.Today(db.Time);
        var errors = new Dictionary<string, string[]>();
        if (c.Role is not { } role || !Enum.IsDefined(role)) errors[nameof(c.Role)] = ["Choose first secretary, work team leader or work team member."];
        var name = c.PersonName?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 100) errors[nameof(c.PersonName)] = ["The cadre's name is required (at most 100 characters)."];
        var sentBy = c.SentBy?.Trim();
        if (string.IsNullOrEmpty(sentBy) || sentBy.Length > 200) errors[nameof(c.SentBy)] = ["The sending unit is required (at most 200 characters)."];
        var started = c.StartedOn ?? today;
        if (started > today) errors[nameof(c.StartedOn)] = ["The start cannot be in the future."];
        if (errors.Count > 0) throw new ValidationFailedException(errors);

        var org = await VillageAsync(db, organizationId, ct);
        if (c.Role == VillageRole.FirstSecretary
            && await db.Set<VillageAssignment>().AnyAsync(a => a.OrganizationId == org.Id && a.Role == VillageRole.FirstSecretary && a.EndedOn == null, ct))
            throw new DomainRuleException("Villages.OneFirstSecretary", "The village already has a first secretary in office; end that assignment first.");
        var assignment = new VillageAssignment
        {
            OrganizationId = org.Id, RegionId = org.RegionId, Role = c.Role!.Value, PersonName = name!, SentBy = sentBy!, StartedOn = started,
            CreatedAt = Clock.UtcNow(db.Time),
        };
        db.Set<VillageAssignment>().Add(assignment);
        await db.SaveChangesAsync(ct);
        return assignment;
    }

    public static async Task<VillageAssignment> EndAsync(BastionDb db, long assignmentId, DateOnly? endedOn, CancellationToken ct = default)
    {
        var a = await db.Set<VillageAssignment>().AsTracking().FirstOrDefaultAsync(x => x.Id == assignmentId, ct) ?? throw new NotFoundException($"Assignment {assignmentId}");
        if (a.EndedOn is not null) throw new DomainRuleException("Villages.AlreadyEnded", "The assignment has already ended.");
        var end = endedOn ?? Clock.Today(db.Time);
        if (end > Clock.Today(db.Time)) throw ValidationFailedException.For("EndedOn", "The end cannot be in the future.");
        if (end <= a.StartedOn) throw ValidationFailedException.For("EndedOn", "The end must be after the start.");
        a.EndedOn = end;
        await db.SaveChangesAsync(ct);
        return a;
    }

    /// <summary>Records (or corrects) one year's indicators of a village.</summary>
    public static async Task<VillageIndicator> RecordIndicatorAsync(BastionDb db, long organizationId, IndicatorCommand c, CancellationToken ct = default)
    {
        var thisYear = Clock.Today(db.Time).Year;
        var errors = new Dictionary<string, string[]>();
        if (c.Year is not { } year || year < 2000 || year > thisYear) errors[nameof(c.Year)] = [$"Give a year from 2000 to {thisYear}."];
        if (c.CollectiveIncome is not { } income || income < 0 || income > 1_000_000_000m)
            errors[nameof(c.CollectiveIncome)] = ["The collective income is required, in yuan, 0 or more (0 for none)."];
        if (c.OperatingIncome is < 0) errors[nameof(c.OperatingIncome)] = ["The operating income cannot be negative."];
        else if (c.OperatingIncome is { } op && c.CollectiveIncome is { } all && op > all) errors[nameof(c.OperatingIncome)] = ["The operating income is part of the collective income and cannot exceed it."];
        if (c.Note?.Length > 500) errors[nameof(c.Note)] = ["The note has at most 500 characters."];
        if (errors.Count > 0) throw new ValidationFailedException(errors);

        var org = await VillageAsync(db, organizationId, ct);
        var row = await db.Set<VillageIndicator>().AsTracking().FirstOrDefaultAsync(i => i.OrganizationId == org.Id && i.Year == c.Year, ct);
        if (row is null)
        {
            row = new VillageIndicator { OrganizationId = org.Id, RegionId = org.RegionId, Year = c.Year!.Value };
            db.Set<VillageIndicator>().Add(row);
        }
        row.CollectiveIncome = decimal.Round(c.CollectiveIncome!.Value, 2);
        row.OperatingIncome = c.OperatingIncome is { } o ? decimal.Round(o, 2) : null;
        row.Note = string.IsNullOrWhiteSpace(c.Note) ? null : c.Note.Trim();
        row.UpdatedAt = Clock.UtcNow(db.Time);
        await db.SaveChangesAsync(ct);
        return row;
    }

    /// <summary>Village records belong to the party organization of a village (unit type 农村), a branch or a village committee.</summary>
    private static async Task<Organization> VillageAsync(BastionDb db, long organizationId, CancellationToken ct)
    {
        var org = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == organizationId, ct) ?? throw new NotFoundException($"Organization {organizationId}");
        if (org.UnitType != UnitType.Rural || org.Kind == OrganizationKind.Group)
            throw new DomainRuleException("Villages.VillageOnly", "Village records belong to the party organization of a village (unit type 农村).");
        if (org.Status != OrganizationStatus.Active) throw new DomainRuleException("Restructure.Active", "The organization has been dissolved.");
        return org;
    }
}
