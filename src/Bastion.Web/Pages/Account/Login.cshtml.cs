using Bastion.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Bastion.Web.Pages.Account;

/// <summary>Sign-in with user name and password; repeated failures lock the account, and the page is rate-limited per address.</summary>
public sealed class LoginModel(SignInManager<BastionUser> signIn, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    [BindProperty] public string? UserName { get; set; }
    [BindProperty] public string? Password { get; set; }

    public string? Error { get; private set; }
    public string? UserNameError { get; private set; }
    public string? PasswordError { get; private set; }

    public IActionResult OnGet() => User.Identity?.IsAuthenticated == true ? LocalRedirect(SafeReturnUrl) : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(UserName)) UserNameError = l["Login.UserNameRequired"];
        if (string.IsNullOrEmpty(Password)) PasswordError = l["Login.PasswordRequired"];
        if (UserNameError is not null || PasswordError is not null) return Page();

        var result = await signIn.PasswordSignInAsync(UserName!.Trim(), Password!, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded) return LocalRedirect(SafeReturnUrl);
        Error = result.IsLockedOut ? l["Login.LockedOut"] : l["Login.Failed"];
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private string SafeReturnUrl => !string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/";
}
