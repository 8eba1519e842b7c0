using System.Globalization;
using Bastion.Data;
using Bastion.Meetings;
using Bastion.Web.Pages.Shared;
using Bastion.Shared;
using Bastion.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bastion.Web.Pages.Meetings;

/// <summary>The phone page a member opens from the meeting's link (or types the code into) to check in.</summary>
[Authorize]
public sealed class CheckInModel(BastionDb db) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Code { get; set; }
    public string? Error { get; private set; }
    public CheckIn.Result? Result { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!long.TryParse(User.FindFirst(BastionClaims.MemberId)?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var memberId))
            Error = "This account is not linked to a member record.";
        else
        {
            try { Result = await CheckIn.HandleAsync(db, memberId, new CheckIn.Command { Code = Code }, ct); return Page(); }
            catch (ValidationFailedException e) { Error = string.Join(" ", e.Errors.SelectMany(x => x.Value)); }
            catch (DomainRuleException e) { Error = RuleMessages.Text(HttpContext, e); }
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
