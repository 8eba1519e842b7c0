using Bastion.Data;
using Bastion.Shared;
using Bastion.Volunteering;
using Bastion.Web.Api;
using Bastion.Web.Pages.Shared;
using Bastion.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Bastion.Web.Pages.Volunteering;

/// <summary>A member's phone page: upcoming activities of the member's organization and those above it, to sign up.</summary>
[Authorize(Policy = BastionPolicies.ReadOrganizations)]
public sealed class MineModel(BastionDb db, IStringLocalizer<VolunteeringResource> text) : FormPageModel
{
    public long? MemberId { get; private set; }
    public IReadOnlyList<MemberActivityView> Activities { get; private set; } = [];
    public bool Done { get; private set; }

    private async Task LoadAsync(CancellationToken ct)
    {
        MemberId = CallUpsApi.MemberOf(User);
        Activities = MemberId is { } m ? await VolunteeringQueries.ForMemberAsync(db, m, ct) : [];
    }

    public async Task OnGetAsync(bool? done, CancellationToken ct)
    {
        Done = done == true;
        await LoadAsync(ct);
    }

    public Task<IActionResult> OnPostAsync(long id, CancellationToken ct) =>
        SubmitAsync(async () =>
        {
            try
            {
                await SignUpForActivity.HandleAsync(db, id, CallUpsApi.MemberOf(User), ct);
            }
            catch (DomainRuleException e) when (e.Rule == "service-full")
            {
                // Someone took the last place since the page was shown: say so plainly.
                throw RuleMessages.Shown(e.Rule, text["Volunteering.FullTryAgain"]);
            }
            return Redirect("/Volunteering/Mine?done=true");
        }, () => LoadAsync(ct));
}
