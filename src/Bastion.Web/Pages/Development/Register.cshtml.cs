using Bastion.Data;
using Bastion.Development;
using Bastion.Security;
using Bastion.Shared;
using Bastion.Web.Pages.Shared;
using Bastion.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Bastion.Web.Pages.Development;

/// <summary>Registers an applicant with step ① from a phone: errors beside the fields, nothing saved unless all pass.</summary>
[Authorize(Policy = BastionPolicies.ReadRoster)]
public sealed class RegisterModel(BastionDb db, PiiProtector pii, IStringLocalizer<DevelopmentResource> t) : FormPageModel
{
    public string OrganizationName { get; private set; } = "";
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? ResidentId { get; set; }
    [BindProperty] public DateOnly? AppliedOn { get; set; }
    [BindProperty] public string? Occupation { get; set; }
    [BindProperty] public string? Notes { get; set; }

    public async Task<IActionResult> OnGetAsync(long org, CancellationToken ct)
    {
        if (!await LoadAsync(org, ct)) return NotFound();
        AppliedOn = Clock.Today(db.Time);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long org, CancellationToken ct)
    {
        if (!await LoadAsync(org, ct)) return NotFound();
        Candidate? created = null;
        try
        {
            foreach (var (key, entry) in ModelState)
                if (entry.Errors.Count > 0) Errors[key] = [t["Error.Format"]];
            if (Errors.Count > 0) throw new ValidationFailedException(Errors);
            created = await RegisterCandidate.HandleAsync(db, pii, new RegisterCandidate.Command
            {
                OrganizationId = org, Name = Name, ResidentId = ResidentId, AppliedOn = AppliedOn, Occupation = Occupation, Notes = Notes,
            }, ct: ct);
        }
        catch (ValidationFailedException e) { Errors = e.Errors; }
        catch (DomainRuleException e) { Errors = new Dictionary<string, string[]> { [e.Rule == DevelopmentRules.MinimumAgeRule ? "ResidentId" : "AppliedOn"] = [RuleMessages.Text(HttpContext, e)] }; }
        if (created is not null) return Redirect($"/Development/Candidate/{created.Id}?done=registered");
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<bool> LoadAsync(long org, CancellationToken ct)
    {
        var name = await db.Organizations.Where(o => o.Id == org).Select(o => o.Name).FirstOrDefaultAsync(ct);
        if (name is null) return false;
        OrganizationName = name;
        return true;
    }
}
