using Bastion.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bastion.Web.Pages.Shared;

/// <summary>
/// A page with forms that run a use case: binding errors and the use case's field errors are shown beside the
/// fields, a broken rule above the form, the response is 400 and nothing changes.
/// </summary>
public abstract class FormPageModel : PageModel
{
    public IDictionary<string, string[]> Errors { get; protected set; } = new Dictionary<string, string[]>();

    /// <summary>The broken business rule's message, shown above the form.</summary>
    public string? RuleError { get; protected set; }

    public string? Err(string field) => Errors.TryGetValue(field, out var m) ? string.Join(" ", m) : null;

    public string Invalid(string field) => Errors.ContainsKey(field) ? " is-invalid" : "";

    /// <summary>
    /// Runs <paramref name="action"/> unless binding already failed; on a validation or rule failure reloads the page
    /// with <paramref name="reload"/> and answers 400 with the messages.
    /// </summary>
    protected async Task<IActionResult> SubmitAsync(Func<Task<IActionResult>> action, Func<Task>? reload = null)
    {
        foreach (var (key, entry) in ModelState)
            if (entry.Errors.Count > 0) Errors[key] = entry.Errors.Select(e => e.ErrorMessage).ToArray();
        try
        {
            if (Errors.Count > 0) throw new ValidationFailedException(Errors);
            return await action();
        }
        catch (ValidationFailedException e) { Errors = e.Errors; }
        catch (DomainRuleException e) { RuleError = e.Message; }
        if (reload is not null) await reload();
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
