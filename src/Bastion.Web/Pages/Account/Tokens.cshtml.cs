using Bastion.Data;
using Bastion.Identity;
using Bastion.Shared;
using Bastion.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bastion.Web.Pages.Account;

/// <summary>Personal access tokens for API clients: the secret is shown once, right after it is created.</summary>
public sealed class TokensModel(BastionDb db) : PageModel
{
    public IReadOnlyList<PersonalAccessTokens.TokenInfo> Tokens { get; private set; } = [];
    public IDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();
    public string? NewSecret { get; private set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public int? Days { get; set; }

    private long UserId => User.UserId() ?? throw new InvalidOperationException("A signed-in user has an id.");

    public async Task OnGetAsync(CancellationToken ct) => Tokens = await PersonalAccessTokens.ListAsync(db, UserId, ct);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        try
        {
            NewSecret = (await PersonalAccessTokens.CreateAsync(db, UserId, new PersonalAccessTokens.Request { Name = Name, Days = Days }, ct)).Secret;
            Name = null;
        }
        catch (ValidationFailedException e)
        {
            Errors = e.Errors;
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        await OnGetAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(long tokenId, CancellationToken ct)
    {
        try { await PersonalAccessTokens.RevokeAsync(db, UserId, tokenId, ct); }
        catch (NotFoundException) { return NotFound(); }
        return RedirectToPage();
    }
}
