using Bastion.Data;
using Bastion.Shared;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Organizations;

/// <summary>Adds an organization under a parent inside the caller's scope.</summary>
public static class CreateOrganization
{
    public sealed record Command
    {
        public long? ParentId { get; init; }
        public string? Name { get; init; }
        public OrganizationKind? Kind { get; init; }
    }

    public static async Task<Organization> HandleAsync(BastionDb db, Command command, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string[]>();
        var name = command.Name?.Trim();
        if (string.IsNullOrEmpty(name)) errors["Name"] = ["A name is required."];
        else if (name.Length > 200) errors["Name"] = ["A name has at most 200 characters."];
        if (command.Kind is null || !Enum.IsDefined(command.Kind.Value)) errors["Kind"] = ["Choose a kind: Committee, GeneralBranch, Branch, JointBranch or Group."];
        if (command.ParentId is null) errors["ParentId"] = ["A parent organization is required."];
        if (errors.Count > 0) throw new ValidationFailedException(errors);

        var parent = await db.Organizations.AsTracking().FirstOrDefaultAsync(o => o.Id == command.ParentId, ct)
            ?? throw new NotFoundException($"Organization {command.ParentId}");
        TreeRules.EnsureCanHoldChild(parent.Kind, command.Kind!.Value);

        var org = new Organization { Name = name!, Kind = command.Kind!.Value, CreatedAt = Clock.UtcNow(db.Time), ParentId = parent.Id, Path = "", RegionId = parent.RegionId, Depth = parent.Depth + 1 };
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        // The path holds the new id, known only after the insert: temporary unique path, then the real one.
        org.Path = $"{parent.Path}new-{Guid.NewGuid():N}/";
        db.Organizations.Add(org);
        await db.SaveChangesAsync(ct);
        org.PlaceUnder(parent);
        OrganizationHistory.Add(db, org.Id, OrganizationEventKind.Created, $"Created under {parent.Name}.", parent.Id);
        await db.SaveChangesAsync(ct);
        if (tx is not null) await tx.CommitAsync(ct);
        return org;
    }
}

/// <summary>Which kinds may sit under which (DOMAIN §2).</summary>
public static class TreeRules
{
    public static void EnsureCanHoldChild(OrganizationKind parent, OrganizationKind child)
    {
        var allowed = parent switch
        {
            OrganizationKind.Committee => child is not OrganizationKind.Group,
            OrganizationKind.GeneralBranch => child is OrganizationKind.Branch or OrganizationKind.JointBranch,
            OrganizationKind.Branch or OrganizationKind.JointBranch => child is OrganizationKind.Group,
            _ => false,
        };
        if (!allowed)
            throw new DomainRuleException("TreeRules.ChildKindAllowed", $"A {child} cannot be placed under a {parent}.");
    }
}
