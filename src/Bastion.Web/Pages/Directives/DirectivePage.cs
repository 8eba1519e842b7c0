using Bastion.Shared;
using Bastion.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bastion.Web.Pages.Directives;

/// <summary>Runs a use case from a form: on success a redirect, otherwise the page again with the errors beside the fields.</summary>
public abstract class DirectivePage : PageModel
{
    public IDictionary<string, string[]> Errors { get; protected set; } = new Dictionary<string, string[]>();
    /// <summary>Which form the errors belong to.</summary>
    public string? FailedForm { get; protected set; }

    public string? Err(string field) => Errors.TryGetValue(field, out var m) ? string.Join(" ", m) : null;
    public string Invalid(string field) => Errors.ContainsKey(field) ? " is-invalid" : "";

    protected async Task<IActionResult> RunAsync(string form, Func<Task> action, Func<string> redirect, Func<Task<bool>> reload)
    {
        try
        {
            foreach (var (key, entry) in ModelState)
                if (entry.Errors.Count > 0) Errors[key] = entry.Errors.Select(e => string.IsNullOrEmpty(e.ErrorMessage) ? "Not a valid value." : e.ErrorMessage).ToArray();
            if (Errors.Count > 0) throw new ValidationFailedException(Errors);
            await action();
            return Redirect(redirect());
        }
        catch (ValidationFailedException e) { Errors = e.Errors; }
        catch (DomainRuleException e) { Errors = new Dictionary<string, string[]> { ["_rule"] = [RuleMessages.Text(HttpContext, e)] }; }
        FailedForm = form;
        if (!await reload()) return NotFound();
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
