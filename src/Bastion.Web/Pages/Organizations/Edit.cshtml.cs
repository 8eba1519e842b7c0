using Bastion.Data;
using Bastion.Organizations;
using Bastion.Shared;
using Bastion.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bastion.Web.Pages.Organizations;

/// <summary>Edits an organization's name and attributes (unit type, tags, division code, founding date, term). Out of scope answers 404.</summary>
[Authorize(Policy = BastionPolicies.ManageOrganizations)]
public sealed class EditModel(BastionDb db) : PageModel
{
    public OrganizationProfile? Profile { get; private set; }
    public IDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();
    public bool Saved { get; private set; }

    [BindProperty] public string? Name { get; set; }
    [BindProperty] public UnitType? UnitType { get; set; }
    [BindProperty] public List<NewBusinessTags> Tags { get; set; } = [];
    [BindProperty] public string? DivisionCode { get; set; }
    [BindProperty] public DateOnly? FoundedOn { get; set; }
    [BindProperty] public DateOnly? TermStartedOn { get; set; }
    [BindProperty] public int? TermYears { get; set; }

    public NewBusinessTags TagValue => Tags.Aggregate(NewBusinessTags.None, (all, t) => all | t);

    public async Task<IActionResult> OnGetAsync(long id, bool? saved, CancellationToken ct)
    {
        Profile = await OrganizationProfile.GetAsync(db, id, ct);
        if (Profile is null) return NotFound();
        Saved = saved == true;
        Name = Profile.Name;
        UnitType = Profile.UnitType;
        Tags = Enum.GetValues<NewBusinessTags>().Where(t => t != NewBusinessTags.None && Profile.NewBusinessTags.HasFlag(t)).ToList();
        DivisionCode = Profile.DivisionCode;
        FoundedOn = Profile.FoundedOn;
        TermStartedOn = Profile.TermStartedOn;
        TermYears = Profile.TermYears;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        Profile = await OrganizationProfile.GetAsync(db, id, ct);
        if (Profile is null) return NotFound();
        // Fields that did not bind (e.g. a malformed date) are reported like the use case's own errors.
        var bindErrors = ModelState.Where(e => e.Value?.Errors.Count > 0).ToDictionary(e => e.Key, e => e.Value!.Errors.Select(x => x.ErrorMessage).ToArray());
        try
        {
            if (bindErrors.Count > 0) throw new ValidationFailedException(bindErrors);
            await EditOrganization.HandleAsync(db, id, new EditOrganization.Command
            {
                Name = Name, UnitType = UnitType, NewBusinessTags = TagValue, DivisionCode = DivisionCode,
                FoundedOn = FoundedOn, TermStartedOn = TermStartedOn, TermYears = TermYears,
            }, ct);
        }
        catch (ValidationFailedException e)
        {
            Errors = e.Errors;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        return RedirectToPage(new { id, saved = true });
    }
}
