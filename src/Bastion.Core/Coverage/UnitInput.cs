using Bastion.Data;
using Bastion.Organizations;
using Bastion.Shared;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Coverage;

/// <summary>The fields RegisterUnit and EditUnit share, and their validation (one place for both).</summary>
public record UnitInput
{
    /// <summary>The responsible organization (township/street committee or the covering organization).</summary>
    public long? OrganizationId { get; init; }
    public string? Name { get; init; }
    public UnitType? UnitType { get; init; }
    public string? CreditCode { get; init; }
    public int? EmployeeCount { get; init; }
    public int? PartyMemberCount { get; init; }
    public CoverageKind? Coverage { get; init; }
    public long? CoveringOrganizationId { get; init; }

    /// <summary>Validates and copies the input onto <paramref name="unit"/>; the organizations must exist in the caller's scope.</summary>
    internal async Task ApplyToAsync(BastionDb db, Unit unit, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var name = Name?.Trim();
        if (string.IsNullOrEmpty(name)) errors[nameof(Name)] = ["A name is required."];
        else if (name.Length > 200) errors[nameof(Name)] = ["A name has at most 200 characters."];
        if (OrganizationId is null) errors[nameof(OrganizationId)] = ["The responsible organization is required."];
        if (UnitType is not { } type || !Enum.IsDefined(type)) errors[nameof(UnitType)] = ["Choose a unit type from the list."];
        var code = global::Bastion.Coverage.CreditCode.Normalize(CreditCode);
        var codeStatus = code is null ? (CreditCodeStatus?)null : global::Bastion.Coverage.CreditCode.Check(code);
        if (codeStatus == CreditCodeStatus.Malformed)
            errors[nameof(CreditCode)] = ["A unified social credit code has 18 characters from 0–9 and A–Y without I, O, S, V, Z."];
        if (EmployeeCount is < 0) errors[nameof(EmployeeCount)] = ["The number of employees cannot be negative."];
        if (PartyMemberCount is null) errors[nameof(PartyMemberCount)] = ["The number of party members is required (0 when there are none)."];
        else if (PartyMemberCount < 0) errors[nameof(PartyMemberCount)] = ["The number of party members cannot be negative."];
        if (Coverage is not { } kind || !Enum.IsDefined(kind)) errors[nameof(Coverage)] = ["Choose how the unit is covered."];
        else if (CoverageRules.HasOrganization(kind) && CoveringOrganizationId is null)
            errors[nameof(CoveringOrganizationId)] = ["Name the organization that covers the unit."];
        else if (kind == CoverageKind.NotCovered && CoveringOrganizationId is not null)
            errors[nameof(CoveringOrganizationId)] = ["An uncovered unit has no covering organization."];
        if (errors.Count > 0) throw new ValidationFailedException(errors);

        var owner = await db.Organizations.AsNoTracking().Where(o => o.Id == OrganizationId)
            .Select(o => new { o.Id, o.RegionId }).FirstOrDefaultAsync(ct);
        if (owner is null) throw ValidationFailedException.For(nameof(OrganizationId), "No such organization in your scope.");
        if (CoveringOrganizationId is { } coveringId)
        {
            var covering = await db.Organizations.AsNoTracking().Where(o => o.Id == coveringId)
                .Select(o => new { o.Kind, o.Status }).FirstOrDefaultAsync(ct);
            if (covering is null) throw ValidationFailedException.For(nameof(CoveringOrganizationId), "No such organization in your scope.");
            if (covering.Status != OrganizationStatus.Active) throw ValidationFailedException.For(nameof(CoveringOrganizationId), "The covering organization has been dissolved.");
            if (Coverage == CoverageKind.JointBranch && covering.Kind != OrganizationKind.JointBranch)
                throw new DomainRuleException("Coverage.JointBranchCoversJointly", "A unit covered jointly must name a joint branch (联合党支部).");
        }

        unit.OrganizationId = owner.Id;
        unit.RegionId = owner.RegionId;
        unit.Name = name!;
        unit.UnitType = UnitType!.Value;
        unit.CreditCode = code;
        unit.CreditCodeWarning = codeStatus == CreditCodeStatus.Invalid;
        unit.EmployeeCount = EmployeeCount;
        unit.PartyMemberCount = PartyMemberCount!.Value;
        unit.Coverage = Coverage!.Value;
        unit.CoveringOrganizationId = CoveringOrganizationId;
    }
}
