using Bastion.Data;
using Bastion.Organizations;
using Bastion.Shared;
using Microsoft.EntityFrameworkCore;

namespace Bastion.MobileMembers;

/// <summary>Checks the registering use cases share.</summary>
internal static class MobileRecordRules
{
    public const int PlaceLength = 200;
    public const int CardLength = 50;
    public const int NameLength = 100;

    /// <summary>Dates in order, nothing in the future but the expected return.</summary>
    public static void CheckDates(Dictionary<string, string[]> errors, DateOnly? leftOn, DateOnly? expectedReturnOn, DateOnly today, string leftOnField = "LeftOn")
    {
        if (leftOn is null) errors[leftOnField] = ["The date is required."];
        else if (leftOn > today) errors[leftOnField] = ["The date cannot be in the future."];
        if (expectedReturnOn is { } back && leftOn is { } left && back < left)
            errors["ExpectedReturnOn"] = ["The expected return cannot be before the departure."];
    }

    public static string? Text(Dictionary<string, string[]> errors, string field, string? value, int max, bool required)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            if (required) errors[field] = ["This field is required."];
            return null;
        }
        if (text.Length > max) errors[field] = [$"At most {max} characters."];
        return text;
    }

    /// <summary>A branch or joint branch in scope that is active; 404 when out of scope.</summary>
    public static async Task<(long Id, long RegionId)> BranchAsync(BastionDb db, long organizationId, CancellationToken ct)
    {
        var org = await db.Organizations.Where(o => o.Id == organizationId)
            .Select(o => new { o.Id, o.Kind, o.RegionId, o.Status }).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException($"Organization {organizationId}");
        if (org.Kind is not (OrganizationKind.Branch or OrganizationKind.JointBranch) || org.Status != OrganizationStatus.Active)
            throw ValidationFailedException.For("OrganizationId", "Mobile members are kept by an active branch (党支部) or joint branch.");
        return (org.Id, org.RegionId);
    }

    /// <summary>A host organization may be anywhere in the tree, not only in the caller's scope: only its existence is checked.</summary>
    public static Task<bool> OrganizationExistsAnywhereAsync(BastionDb db, long id, CancellationToken ct) =>
        db.Organizations.IgnoreQueryFilters().AnyAsync(o => o.Id == id && o.Status == OrganizationStatus.Active, ct);
}
