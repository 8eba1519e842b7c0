using Bastion.Alliances;
using Bastion.Data;
using Bastion.Shared;
using Bastion.Web.Pages.Shared;
using Bastion.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Bastion.Web.Pages.Alliances;

/// <summary>Founds an alliance led by an organization in the user's scope.</summary>
[Authorize(Policy = BastionPolicies.ReadRoster)]
public sealed class CreateModel(BastionDb db) : FormPageModel
{
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public AllianceType? Type { get; set; }
    [BindProperty] public long? LeadOrganizationId { get; set; }
    [BindProperty] public DateOnly? FoundedOn { get; set; }
    [BindProperty] public string? AgreementSummary { get; set; }
    /// <summary>Member organization ids, separated by commas or spaces.</summary>
    [BindProperty] public string? MemberIds { get; set; }

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
        return await SubmitAsync(async () =>
        {
            var alliance = await CreateAlliance.HandleAsync(db, new CreateAlliance.Command
            {
                Name = Name, Type = Type, LeadOrganizationId = LeadOrganizationId, FoundedOn = FoundedOn, AgreementSummary = AgreementSummary,
                Members = ids.Select(id => new CreateAlliance.MemberInput { OrganizationId = id }).ToList(),
            }, ct);
            return Redirect($"/Alliances/{alliance.Id}");
        }, ruleField: nameof(LeadOrganizationId));
    }
}
