using Bastion.Data;
using Bastion.Organizations;
using Bastion.Rectification;
using Bastion.Shared;
using Bastion.Strength;
using Bastion.Web.Pages.Shared;
using Bastion.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Bastion.Web.Pages.Rectification;

/// <summary>认定: the form that identifies an organization below the viewer as weak and lax and opens its case.</summary>
[Authorize(Roles = RectificationPages.Roles)]
public sealed class IdentifyModel(BastionDb db, IStringLocalizer<RectificationResource> t) : FormPageModel
{
    public const int MaxOptions = 1000;

    public sealed record OrganizationOption(long Id, string Name, int Depth);

    public IReadOnlyList<OrganizationOption> Organizations { get; private set; } = [];

    [BindProperty(SupportsGet = true, Name = "org")] public long? OrganizationId { get; set; }
    [BindProperty] public DateOnly? IdentifiedOn { get; set; }
    [BindProperty] public List<WeakSituation> Situations { get; set; } = [];
    [BindProperty] public string? Reason { get; set; }
    [BindProperty(SupportsGet = true, Name = "warnings")] public string? WarningCodes { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        IdentifiedOn = Clock.Today(db.Time);
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        foreach (var (key, entry) in ModelState)
            if (entry.Errors.Count > 0) Errors[key] = [t["Error.Format"]];
        RectificationCase? opened = null;
        try
        {
            if (Errors.Count > 0) throw new ValidationFailedException(Errors);
            opened = await IdentifyOrganization.HandleAsync(db, User.Role(), new IdentifyOrganization.Command
            {
                OrganizationId = OrganizationId, IdentifiedOn = IdentifiedOn, Situations = Situations, Reason = Reason,
                WarningCodes = (WarningCodes ?? "").Split([',', '，', ' ', ';', '；'], StringSplitOptions.RemoveEmptyEntries),
            }, ct);
        }
        catch (ValidationFailedException e) { Errors = e.Errors; }
        catch (DomainRuleException e) { Errors = new Dictionary<string, string[]> { [RectificationPages.FieldOf(e.Rule, nameof(IdentifiedOn)) ?? nameof(OrganizationId)] = [RuleMessages.Text(HttpContext, e)] }; }
        catch (NotFoundException) { Errors = new Dictionary<string, string[]> { [nameof(OrganizationId)] = [t["Error.Organization"]] }; }
        if (opened is not null) return Redirect($"/Rectification/Case/{opened.Id}?done=identified");
        Response.StatusCode = StatusCodes.Status400BadRequest;
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>Organizations strictly below the viewer (not party groups), in tree order.</summary>
    private async Task LoadAsync(CancellationToken ct)
    {
        var scope = db.Scope.Path;
        var q = db.Organizations.Where(o => o.Path != scope && o.Kind != OrganizationKind.Group && o.Status == OrganizationStatus.Active);
        Organizations = await q.OrderBy(o => o.Path).Take(MaxOptions).Select(o => new OrganizationOption(o.Id, o.Name, o.Depth)).ToListAsync(ct);
        if (OrganizationId is { } id && Organizations.All(o => o.Id != id)
            && await q.Where(o => o.Id == id).Select(o => new OrganizationOption(o.Id, o.Name, o.Depth)).FirstOrDefaultAsync(ct) is { } chosen)
            Organizations = [chosen, .. Organizations];
    }
}
