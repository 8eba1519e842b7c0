using Bastion.Coverage;
using Bastion.Organizations;
using Bastion.Shared;
using Microsoft.AspNetCore.Mvc;
using Bastion.Web.Pages.Shared;

namespace Bastion.Web.Pages.Coverage.Units;

/// <summary>The unit form shared by the create and edit pages (rendered by _UnitForm).</summary>
public abstract class UnitFormModel : FormPageModel
{
    /// <summary>The stored entry's credit code fails the GB 32100 check.</summary>
    public bool CreditCodeWarning { get; protected set; }

    [BindProperty] public long? OrganizationId { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public UnitType? UnitType { get; set; }
    [BindProperty] public string? CreditCode { get; set; }
    [BindProperty] public int? EmployeeCount { get; set; }
    [BindProperty] public int? PartyMemberCount { get; set; }
    [BindProperty] public CoverageKind? Coverage { get; set; }
    [BindProperty] public long? CoveringOrganizationId { get; set; }

    protected T Input<T>() where T : UnitInput, new() => new()
    {
        OrganizationId = OrganizationId, Name = Name, UnitType = UnitType, CreditCode = CreditCode, EmployeeCount = EmployeeCount,
        PartyMemberCount = PartyMemberCount, Coverage = Coverage, CoveringOrganizationId = CoveringOrganizationId,
    };

    protected void Fill(UnitSummary u)
    {
        OrganizationId = u.OrganizationId; Name = u.Name; UnitType = u.UnitType; CreditCode = u.CreditCode; EmployeeCount = u.EmployeeCount;
        PartyMemberCount = u.PartyMemberCount; Coverage = u.Coverage; CoveringOrganizationId = u.CoveringOrganizationId;
        CreditCodeWarning = u.CreditCodeWarning;
    }

    /// <summary>Runs the use case; on invalid input keeps the page with the errors beside the fields (400).</summary>
    protected Task<bool> TrySaveAsync(Func<Task> save) => TryAsync(save, ruleField: nameof(CoveringOrganizationId));
}
