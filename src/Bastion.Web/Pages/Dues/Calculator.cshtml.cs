using System.Globalization;
using Bastion.Dues;
using Bastion.Shared;
using Bastion.Web.Api;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Bastion.Web.Pages.Dues;

/// <summary>党费计算器: the monthly dues for a category and base, with the rule and its source. A GET form, so a result can be bookmarked.</summary>
[Authorize]
public sealed class CalculatorModel(IStringLocalizer<DuesResource> t) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "category")] public string? Category { get; set; }
    [BindProperty(SupportsGet = true, Name = "base")] public string? Base { get; set; }

    public DuesQuote? Quote { get; private set; }
    public string? CategoryError { get; private set; }
    public string? BaseError { get; private set; }
    public DuesRuleSet Rules { get; } = DuesRuleSet.Load();

    public IActionResult OnGet()
    {
        if (Category is null && Base is null) return Page();
        decimal? value = null;
        try
        {
            value = DuesApi.ParseBase(Base);
            Quote = DuesCalculator.Quote(Rules, Category, value);
        }
        catch (ValidationFailedException e)
        {
            if (e.Errors.ContainsKey("category")) CategoryError = t[string.IsNullOrWhiteSpace(Category) ? "Error.CategoryRequired" : "Error.CategoryUnknown"];
            if (e.Errors.ContainsKey("base"))
                BaseError = t[value switch
                {
                    null when !string.IsNullOrWhiteSpace(Base) => "Error.BaseNotNumber",
                    null => "Error.BaseRequired",
                    < 0 => "Error.BaseNegative",
                    _ => "Error.BaseTooLarge",
                }];
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        return Page();
    }

    public static bool English => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
}
