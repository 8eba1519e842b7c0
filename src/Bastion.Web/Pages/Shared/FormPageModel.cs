using Bastion.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bastion.Web.Pages.Shared;

/// <summary>
/// A page with forms that run a use case: binding errors and the use case's field errors are shown beside the
/// fields, a broken rule above the form (or beside one field), the response is 400 and nothing changes.
/// </summary>
public abstract class FormPageModel : PageModel
{
    public IDictionary<string, string[]> Errors { get; protected set; } = new Dictionary<string, string[]>();

    /// <summary>The broken business rule's message, shown above the form.</summary>
    public string? RuleError { get; protected set; }

    public string? Err(string field) => Errors.TryGetValue(field, out var m) ? string.Join(" ", m) : null;

    public string Invalid(string field) => Errors.ContainsKey(field) ? " is-invalid" : "";

    /// <summary>
    /// Runs <paramref name="action"/> unless binding (or the page's own checks, already in <see cref="Errors"/>) failed.
    /// On a validation or rule failure sets the messages and 400 and returns false. A broken rule's message goes beside
    /// <paramref name="ruleField"/> when given, else to <see cref="RuleError"/>.
    /// </summary>
    protected async Task<bool> TryAsync(Func<Task> action, string? ruleField = null)
    {
        foreach (var (key, entry) in ModelState)
            if (entry.Errors.Count > 0) Errors[key] = entry.Errors.Select(e => e.ErrorMessage).ToArray();
        try
        {
            if (Errors.Count > 0) throw new ValidationFailedException(Errors);
            await action();
            return true;
        }
        catch (ValidationFailedException e) { Errors = e.Errors; }
        catch (DomainRuleException e)
        {
            var message = RuleMessages.Text(HttpContext, e);
            if (ruleField is null) RuleError = message;
            else Errors = new Dictionary<string, string[]> { [ruleField] = [message] };
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return false;
    }

    /// <summary><see cref="TryAsync"/> for a handler: the action's result on success, else the page again (reloaded by <paramref name="reload"/>).</summary>
    protected async Task<IActionResult> SubmitAsync(Func<Task<IActionResult>> action, Func<Task>? reload = null, string? ruleField = null)
    {
        IActionResult? result = null;
        if (await TryAsync(async () => result = await action(), ruleField)) return result!;
        if (reload is not null) await reload();
        return Page();
    }
}
