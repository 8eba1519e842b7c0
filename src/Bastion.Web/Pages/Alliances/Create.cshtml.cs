using Bastion.Alliances;
using Bastion.Data;
using Bastion.Shared;
using Bastion.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bastion.Web.Pages.Alliances;

/// <summary>Founds an alliance led by an organization in the user's scope.</summary>
[Authorize(Policy = BastionPolicies.ReadRoster)]
public sealed class CreateModel(BastionDb db) : PageModel
{
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public AllianceType? Type { get; set; }
    [BindProperty] public long? LeadOrganizationId { get; set; }
    [BindProperty] public DateOnly? FoundedOn { get; set; }
    [BindProperty] public string? AgreementSummary { get; set; }
    /// <summary>Member organization ids, separated by commas or spaces.</summary>
    [BindProperty] public string? MemberIds { get; set; }
    public IDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    public void OnGet()
    {
        LeadOrganizationId = User.Organization();
        FoundedOn = Clock.Today(db.Time);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var ids = new List<long>();
        foreach (var part in (MemberIds ?? "").Split([',', '，', ' ', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (long.TryParse(part, out var id)) ids.Add(id);
            else Errors[nameof(CreateAlliance.Command.Members)] = [$"\"{part}\" is not an organization id."];
        }
        foreach (var (key, entry) in ModelState)
            if (entry.Errors.Count > 0) Errors[key] = entry.Errors.Select(e => e.ErrorMessage).ToArray();
        try
        {
            if (Errors.Count > 0) throw new ValidationFailedException(Errors);
            var alliance = await CreateAlliance.HandleAsync(db, new CreateAlliance.Command
            {
                Name = Name, Type = Type, LeadOrganizationId = LeadOrganizationId, FoundedOn = FoundedOn, AgreementSummary = AgreementSummary,
                Members = ids.Select(id => new CreateAlliance.MemberInput { OrganizationId = id }).ToList(),
            }, ct);
            return Redirect($"/Alliances/{alliance.Id}");
        }
        catch (ValidationFailedException e) { Errors = e.Errors; }
        catch (DomainRuleException e) { Errors = new Dictionary<string, string[]> { [nameof(LeadOrganizationId)] = [e.Message] }; }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
