using Bastion.CallUps;
using Bastion.Data;
using Bastion.Web.Api;
using Bastion.Web.Pages.Shared;
using Bastion.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Bastion.Web.Pages.CallUps;

/// <summary>A member's call-ups on a phone: answer available or unavailable, with a note, while a call-up is open.</summary>
[Authorize(Policy = BastionPolicies.ReadOrganizations)]
public sealed class MineModel(BastionDb db) : FormPageModel
{
    public long? MemberId { get; private set; }
    public IReadOnlyList<MyCallUp> CallUps { get; private set; } = [];
    public bool Answered { get; private set; }
    [BindProperty] public string? Note { get; set; }

    private async Task LoadAsync(CancellationToken ct)
    {
        MemberId = CallUpsApi.MemberOf(User);
        CallUps = MemberId is { } m ? await CallUpQueries.ForMemberAsync(db, m, ct) : [];
    }

    public async Task OnGetAsync(bool? answered, CancellationToken ct)
    {
        Answered = answered == true;
        await LoadAsync(ct);
    }

    public Task<IActionResult> OnPostAsync(long id, CallUpAnswer answer, CancellationToken ct) =>
        SubmitAsync(async () =>
        {
            await AnswerCallUp.HandleAsync(db, id, CallUpsApi.MemberOf(User), new AnswerCallUp.Command { Answer = answer, Note = Note }, ct);
            return Redirect("/CallUps/Mine?answered=true");
        }, () => LoadAsync(ct));
}
