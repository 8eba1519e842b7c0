using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Bastion.Web.Pages;

/// <summary>The page people see for 403, 404, 429 …; the status code itself is kept.</summary>
[IgnoreAntiforgeryToken]
public sealed class StatusCodeModel(IStringLocalizer<SharedResource> l) : PageModel
{
    public string Title { get; private set; } = "";
    public string Body { get; private set; } = "";

    public void OnGet(int code) => Describe(code);

    public void OnPost(int code) => Describe(code);

    private void Describe(int code)
    {
        var key = code is 403 or 404 or 429 ? code.ToString(System.Globalization.CultureInfo.InvariantCulture) : "Other";
        Title = l[$"Status.{key}.Title"];
        Body = l[$"Status.{key}.Body"];
        // Reached directly (not re-executed), keep the code the address names.
        if (HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is null && code is >= 400 and < 600)
            Response.StatusCode = code;
    }
}
