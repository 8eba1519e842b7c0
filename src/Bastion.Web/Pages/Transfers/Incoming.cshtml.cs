using Bastion.Data;
using Bastion.Organizations;
using Bastion.Security;
using Bastion.Shared;
using Bastion.Transfers;
using Bastion.Web.Pages.Members;
using Bastion.Web.Pages.Shared;
using Bastion.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bastion.Web.Pages.Transfers;

/// <summary>
/// 从系统外转入: records a letter brought by a member from an organization outside the system and registers the
/// member in the receiving branch (/Transfers/Incoming?org=…), both or neither.
/// </summary>
[Authorize(Policy = BastionPolicies.ReadRoster)]
public sealed class IncomingModel(BastionDb db, PiiProtector pii) : PageModel
{
    public OrganizationDetail? Organization { get; private set; }

    [BindProperty] public string? Source { get; set; }
    [BindProperty] public string? LetterNumber { get; set; }
    [BindProperty] public DateOnly? IssuedOn { get; set; }
    [BindProperty] public int? ValidityDays { get; set; } = TransferRules.DefaultValidityDays;
    [BindProperty] public MemberForm Form { get; set; } = new();
    public string? RuleError { get; private set; }

    public async Task<IActionResult> OnGetAsync(long? org, CancellationToken ct)
    {
        Organization = await LoadAsync(org, ct);
        IssuedOn = Clock.Today(db.Time);
        return Organization is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostAsync(long? org, CancellationToken ct)
    {
        Organization = await LoadAsync(org, ct);
        if (Organization is null) return NotFound();
        try
        {
            if (!ModelState.IsValid)
                throw new ValidationFailedException(ModelState.Where(e => e.Value?.Errors.Count > 0)
                    .ToDictionary(e => e.Key.StartsWith("Form.", StringComparison.Ordinal) ? e.Key[5..] : e.Key, e => e.Value!.Errors.Select(x => x.ErrorMessage).ToArray()));
            await RecordIncomingLetter.HandleAsync(db, pii, new RecordIncomingLetter.Command
            {
                ToOrganizationId = Organization.Id, Source = Source, LetterNumber = LetterNumber, IssuedOn = IssuedOn, ValidityDays = ValidityDays,
                Member = Form.ToInput(),
            }, ct);
            return Redirect("/Transfers?tab=incoming&done=recorded");
        }
        catch (ValidationFailedException e)
        {
            ModelState.Clear();
            string[] letterFields = [nameof(Source), nameof(LetterNumber), nameof(IssuedOn), nameof(ValidityDays), "ToOrganizationId"];
            foreach (var (field, messages) in e.Errors.Where(x => letterFields.Contains(x.Key)))
                foreach (var message in messages) ModelState.AddModelError(field == "ToOrganizationId" ? "" : field, message);
            MemberForm.AddErrors(ModelState, new ValidationFailedException(e.Errors.Where(x => !letterFields.Contains(x.Key)).ToDictionary()));
        }
        catch (DomainRuleException e)
        {
            RuleError = RuleMessages.Text(HttpContext, e);
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<OrganizationDetail?> LoadAsync(long? org, CancellationToken ct) =>
        (org ?? User.Organization()) is { } id ? await OrganizationQueries.GetAsync(db, id, ct) : null;
}
