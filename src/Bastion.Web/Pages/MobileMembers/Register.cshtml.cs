using Bastion.Data;
using Bastion.Members;
using Bastion.MobileMembers;
using Bastion.Organizations;
using Bastion.Shared;
using Bastion.Web.Pages.Shared;
using Bastion.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Bastion.Web.Pages.MobileMembers;

/// <summary>流出登记: registers a member of the branch as away (/MobileMembers/Register?org=…).</summary>
[Authorize(Policy = BastionPolicies.ReadRoster)]
public sealed class RegisterModel(BastionDb db, IStringLocalizer<MobileMembersResource> t) : PageModel
{
    public OrganizationDetail? Organization { get; private set; }
    public IReadOnlyList<MemberSummary> Members { get; private set; } = [];
    public string? RuleError { get; private set; }
    public Dictionary<string, string> Errors { get; } = [];

    [BindProperty(SupportsGet = true)] public long? Member { get; set; }
    [BindProperty] public string? Destination { get; set; }
    [BindProperty] public string? HostName { get; set; }
    [BindProperty] public long? HostOrganizationId { get; set; }
    [BindProperty] public string? ActivityCardNumber { get; set; }
    [BindProperty] public bool FixedPlace { get; set; }
    [BindProperty] public DateOnly? LeftOn { get; set; }
    [BindProperty] public DateOnly? ExpectedReturnOn { get; set; }

    public async Task<IActionResult> OnGetAsync(long? org, CancellationToken ct)
    {
        if (!await LoadAsync(org, ct)) return NotFound();
        LeftOn = Clock.Today(db.Time);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long? org, CancellationToken ct)
    {
        if (!await LoadAsync(org, ct)) return NotFound();
        if (!ModelState.IsValid)
            foreach (var (field, entry) in ModelState)
                if (entry.Errors.Count > 0) Errors[field] = t[$"Error.{field}"];
        if (Member is { } chosen && Members.All(m => m.Id != chosen)) Errors[nameof(Member)] = t["Error.MemberId"];
        if (Errors.Count == 0)
        {
            try
            {
                await RegisterOutFlow.HandleAsync(db, new RegisterOutFlow.Command
                {
                    MemberId = Member, Destination = Destination, HostName = HostName, HostOrganizationId = HostOrganizationId,
                    ActivityCardNumber = ActivityCardNumber, FixedPlace = FixedPlace, LeftOn = LeftOn, ExpectedReturnOn = ExpectedReturnOn,
                }, ct);
                return Redirect($"/MobileMembers?org={Organization!.Id}&done=registered");
            }
            catch (ValidationFailedException e)
            {
                foreach (var field in e.Errors.Keys) Errors[field == "MemberId" ? nameof(Member) : field] = t[$"Error.{field}"];
            }
            catch (DomainRuleException e)
            {
                var text = t[$"Rule.{e.Rule}"];
                RuleError = text.ResourceNotFound ? RuleMessages.Text(HttpContext, e) : text.Value;
            }
            catch (NotFoundException)
            {
                Errors[nameof(Member)] = t["Error.MemberId"];
            }
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<bool> LoadAsync(long? org, CancellationToken ct)
    {
        if ((org ?? User.Organization()) is not { } id) return false;
        Organization = await OrganizationQueries.GetAsync(db, id, ct);
        if (Organization is null) return false;
        var page = await MemberQueries.OfOrganizationAsync(db, id, new MemberFilter { Status = MemberStatus.Active }, 1, Paging.MaxPageSize, ct);
        Members = page?.Items ?? [];
        return true;
    }
}
