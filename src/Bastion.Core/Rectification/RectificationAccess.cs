using Bastion.Data;
using Bastion.Identity;
using Bastion.Notifications;
using Bastion.Organizations;
using Bastion.Shared;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Rectification;

/// <summary>
/// Who may work on rectification: the organization department (or an administrator) of an organization above the one
/// rectified — their data scope strictly contains it, as for the upper committee's steps of member development. The
/// organization itself never identifies, plans or closes its own case.
/// </summary>
public static class RectificationAccess
{
    public static bool MayWork(string? role) => role is BastionRoles.OrganizationDepartment or BastionRoles.SystemAdmin;

    /// <summary>True when the acting scope lies strictly above <paramref name="organizationPath"/>.</summary>
    public static bool IsAbove(string scopePath, string organizationPath) =>
        TreePath.Contains(scopePath, organizationPath) && scopePath != organizationPath;

    /// <summary>The organization, when the actor may act on it from above; 404 outside the scope, the named rule otherwise.</summary>
    public static async Task<(long Id, string Name, string Path, long RegionId)> EnsureAboveAsync(BastionDb db, string? role, long organizationId, CancellationToken ct)
    {
        var org = await db.Organizations.Where(o => o.Id == organizationId).Select(o => new { o.Id, o.Name, o.Path, o.RegionId }).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException($"Organization {organizationId}");
        if (!MayWork(role) || !IsAbove(db.Scope.Path, org.Path))
            throw new DomainRuleException(RectificationRules.ActorAboveRule,
                "Rectification of a weak and lax organization is identified, planned, checked and closed from above: by the organization department of an organization above it, not by the organization itself.");
        return (org.Id, org.Name, org.Path, org.RegionId);
    }
}

/// <summary>What the steps of a case share: loading it for a change from above, and saving the change with its timeline entry.</summary>
internal static class CaseWork
{
    public static async Task<RectificationCase> LoadAsync(BastionDb db, string? role, long caseId, CancellationToken ct)
    {
        var c = await db.Set<RectificationCase>().AsTracking().FirstOrDefaultAsync(x => x.Id == caseId, ct)
            ?? throw new NotFoundException($"Rectification case {caseId}");
        await RectificationAccess.EnsureAboveAsync(db, role, c.OrganizationId, ct);
        return c;
    }

    /// <summary>Adds the timeline entry and saves: the row changes and the entry reach the audit chain in one transaction.</summary>
    public static async Task SaveAsync(BastionDb db, RectificationCase c, RectificationEventKind kind, DateOnly on, string? text, CancellationToken ct)
    {
        var now = Clock.UtcNow(db.Time);
        c.UpdatedAt = now;
        db.Set<RectificationEvent>().Add(new RectificationEvent
        {
            CaseId = c.Id, OrganizationId = c.OrganizationId, Kind = kind, On = on, RecordedAt = now, Actor = db.Scope.Actor, Text = text,
        });
        await db.SaveChangesAsync(ct);
    }

    public static string Required(string? text, string field, int max, IDictionary<string, string[]> errors, string message)
    {
        var clean = RectificationRules.Clean(text);
        if (clean.Length == 0) errors[field] = [message];
        else if (clean.Length > max) errors[field] = [$"At most {max} characters."];
        return clean;
    }

    public static string? Optional(string? text, string field, int max, IDictionary<string, string[]> errors)
    {
        var clean = RectificationRules.CleanOrNull(text);
        if (clean is { Length: var n } && n > max) errors[field] = [$"At most {max} characters."];
        return clean;
    }

    public static DateOnly Date(DateOnly? date, string field, IDictionary<string, string[]> errors, string message)
    {
        if (date is { } d) return d;
        errors[field] = [message];
        return default;
    }

    public static void ThrowIfAny(IDictionary<string, string[]> errors)
    {
        if (errors.Count > 0) throw new ValidationFailedException(errors);
    }
}
