using Bastion.Data;
using Bastion.Organizations;
using Bastion.Shared;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Grids;

/// <summary>Creates a grid under an organization in the caller's scope.</summary>
public static class CreateGrid
{
    public sealed record Command
    {
        public long? OrganizationId { get; init; }
        public string? Name { get; init; }
        public string? Code { get; init; }
    }

    public static async Task<Grid> HandleAsync(BastionDb db, Command command, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string[]>();
        var name = command.Name?.Trim() ?? "";
        var code = command.Code?.Trim().ToUpperInvariant() ?? "";
        if (name.Length == 0) errors[nameof(Command.Name)] = ["The name is required."];
        else if (name.Length > 100) errors[nameof(Command.Name)] = ["The name may have at most 100 characters."];
        if (code.Length == 0) errors[nameof(Command.Code)] = ["The code is required."];
        else if (code.Length > 40 || !code.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            errors[nameof(Command.Code)] = ["A code has at most 40 letters, digits, '-' or '_'."];
        else if (await db.Set<Grid>().IgnoreQueryFilters().AnyAsync(g => g.Code == code, ct))
            errors[nameof(Command.Code)] = [$"The code {code} is already used."];
        Organization? org = null;
        if (command.OrganizationId is not { } orgId) errors[nameof(Command.OrganizationId)] = ["Choose the organization."];
        else if ((org = await db.Organizations.FirstOrDefaultAsync(o => o.Id == orgId && o.Status == OrganizationStatus.Active, ct)) is null)
            errors[nameof(Command.OrganizationId)] = ["The organization must be an active organization in your scope."];
        if (errors.Count > 0) throw new ValidationFailedException(errors);

        var grid = new Grid { OrganizationId = org!.Id, RegionId = org.RegionId, Name = name, Code = code, CreatedAt = Clock.UtcNow(db.Time) };
        db.Set<Grid>().Add(grid);
        await db.SaveChangesAsync(ct);
        return grid;
    }
}

/// <summary>Switches a grid on or off for new requests (requests already in it keep it).</summary>
public static class SetGridActive
{
    public static async Task<Grid> HandleAsync(BastionDb db, long gridId, bool active, CancellationToken ct = default)
    {
        var grid = await db.Set<Grid>().AsTracking().FirstOrDefaultAsync(g => g.Id == gridId, ct) ?? throw new NotFoundException($"Grid {gridId}");
        grid.IsActive = active;
        await db.SaveChangesAsync(ct);
        return grid;
    }
}

public sealed record GridView(long Id, long OrganizationId, string OrganizationName, string Name, string Code, bool IsActive);

/// <summary>Reads of grids: in the caller's scope, or the active ones publicly (names and codes only).</summary>
public static class GridQueries
{
    /// <summary>Grids in the caller's subtree (optionally under one organization's subtree), by organization and code.</summary>
    public static async Task<List<GridView>> ListAsync(BastionDb db, long? organizationId, CancellationToken ct = default)
    {
        var query = db.Set<Grid>().AsNoTracking();
        if (organizationId is { } id)
        {
            var path = await db.Organizations.Where(o => o.Id == id).Select(o => o.Path).FirstOrDefaultAsync(ct) ?? throw new NotFoundException($"Organization {id}");
            var upper = TreePath.UpperBound(path);
            query = query.Where(g => db.Organizations.Any(o => o.Id == g.OrganizationId && string.Compare(o.Path, path) >= 0 && string.Compare(o.Path, upper) < 0));
        }
        return await query.Join(db.Organizations, g => g.OrganizationId, o => o.Id, (g, o) => new { g, o.Name })
            .OrderBy(x => x.Name).ThenBy(x => x.g.Code).Take(2000)
            .Select(x => new GridView(x.g.Id, x.g.OrganizationId, x.Name, x.g.Name, x.g.Code, x.g.IsActive)).ToListAsync(ct);
    }

    /// <summary>Active grids anywhere, for the public intake form: grid and organization names only.</summary>
    public static Task<List<GridView>> PublicAsync(BastionDb db, CancellationToken ct = default) =>
        db.Set<Grid>().IgnoreQueryFilters().AsNoTracking().Where(g => g.IsActive)
            .Join(db.Organizations.IgnoreQueryFilters().Where(o => o.Status == OrganizationStatus.Active), g => g.OrganizationId, o => o.Id, (g, o) => new { g, o.Name })
            .OrderBy(x => x.Name).ThenBy(x => x.g.Code).Take(2000)
            .Select(x => new GridView(x.g.Id, x.g.OrganizationId, x.Name, x.g.Name, x.g.Code, x.g.IsActive)).ToListAsync(ct);
}
