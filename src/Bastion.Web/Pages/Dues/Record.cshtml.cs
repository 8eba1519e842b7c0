using System.Globalization;
using Bastion.Data;
using Bastion.Dues;
using Bastion.Members;
using Bastion.Organizations;
using Bastion.Web.Pages.Shared;
using Bastion.Shared;
using Bastion.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Bastion.Web.Pages.Dues;

/// <summary>收缴党费: records a member's dues for one month or several (/Dues/Record?org=…&amp;member=…).</summary>
[Authorize(Policy = BastionPolicies.ReadRoster)]
public sealed class RecordModel(BastionDb db, IStringLocalizer<DuesResource> t) : PageModel
{
    public const int MemberListSize = Paging.MaxPageSize;

    public OrganizationDetail? Organization { get; private set; }
    public IReadOnlyList<MemberSummary> Members { get; private set; } = [];
    public string? RuleError { get; private set; }

    [BindProperty(SupportsGet = true)] public long? Member { get; set; }
    /// <summary>yyyy-MM, as an &lt;input type="month"&gt; sends it.</summary>
    [BindProperty] public string? FirstMonth { get; set; }
    [BindProperty] public int? MonthCount { get; set; } = 1;
    [BindProperty] public string? MonthlyAmount { get; set; }
    [BindProperty] public DateOnly? PaidOn { get; set; }

    public Dictionary<string, string> Errors { get; } = [];

    public static int BackPaymentLimitMonths => DuesRuleSet.Load().Payment.BackPaymentLimitMonths;

    public async Task<IActionResult> OnGetAsync(long? org, CancellationToken ct)
    {
        if (!await LoadAsync(org, ct)) return NotFound();
        FirstMonth = DuesMonths.MonthOf(Clock.Today(db.Time)).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        PaidOn = Clock.Today(db.Time);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long? org, CancellationToken ct)
    {
        if (!await LoadAsync(org, ct)) return NotFound();
        DateOnly? first = null;
        if (!string.IsNullOrWhiteSpace(FirstMonth))
        {
            if (DateOnly.TryParseExact(FirstMonth.Trim() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) first = d;
            else Errors[nameof(FirstMonth)] = t["Record.Error.FirstMonth"];
        }
        decimal? amount = null;
        if (!string.IsNullOrWhiteSpace(MonthlyAmount))
        {
            if (decimal.TryParse(MonthlyAmount.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var a)) amount = a;
            else Errors[nameof(MonthlyAmount)] = t["Record.Error.MonthlyAmount"];
        }
        if (Member is { } chosen && Members.All(m => m.Id != chosen)) Errors[nameof(Member)] = t["Record.Error.MemberId"];
        if (Errors.Count == 0)
        {
            try
            {
                var result = await RecordPayment.HandleAsync(db, new RecordPayment.Command
                {
                    MemberId = Member, FirstMonth = first, MonthCount = MonthCount, MonthlyAmount = amount, PaidOn = PaidOn,
                }, ct);
                return Redirect($"/Dues?org={Organization!.Id}&recorded={result.Payments.Count}");
            }
            catch (ValidationFailedException e)
            {
                foreach (var field in e.Errors.Keys) Errors[field == "MemberId" ? nameof(Member) : field] = t[$"Record.Error.{field}"];
            }
            catch (DomainRuleException e)
            {
                var text = t[$"Rule.{e.Rule}", BackPaymentLimitMonths];
                RuleError = text.ResourceNotFound ? RuleMessages.Text(HttpContext, e) : text.Value;
            }
            catch (NotFoundException)
            {
                Errors[nameof(Member)] = t["Record.Error.MemberId"];
            }
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    /// <summary>The organization in scope and its own members, for the member list.</summary>
    private async Task<bool> LoadAsync(long? org, CancellationToken ct)
    {
        if ((org ?? User.Organization()) is not { } id) return false;
        Organization = await OrganizationQueries.GetAsync(db, id, ct);
        if (Organization is null) return false;
        var page = await MemberQueries.OfOrganizationAsync(db, id, new MemberFilter { Status = MemberStatus.Active }, 1, MemberListSize, ct);
        Members = page?.Items ?? [];
        return true;
    }
}
