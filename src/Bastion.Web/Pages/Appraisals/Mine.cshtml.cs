using System.Security.Claims;
using Bastion.Appraisals;
using Bastion.Data;
using Bastion.Web.Pages.Shared;
using Bastion.Shared;
using Bastion.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bastion.Web.Pages.Appraisals;

/// <summary>The signed-in member's part in open appraisals: own self-assessment and peer votes, on a phone.</summary>
[Authorize(Policy = BastionPolicies.ReadOrganizations)]
public sealed class MineModel(BastionDb db) : PageModel
{
    public IReadOnlyList<MyAppraisal> Rounds { get; private set; } = [];
    public bool HasMemberRecord { get; private set; }
    public IDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();
    public string? Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? done, CancellationToken ct)
    {
        await LoadAsync(ct);
        Done = done;
        return Page();
    }

    public Task<IActionResult> OnPostSelfAsync(long roundId, string? text, CancellationToken ct) =>
        RunAsync(me => SubmitSelfAssessment.HandleAsync(db, roundId, me, new SubmitSelfAssessment.Command { Text = text }, ct), ct);

    public Task<IActionResult> OnPostVoteAsync(long roundId, long? memberId, AppraisalGrade? grade, CancellationToken ct) =>
        RunAsync(me => CastVote.HandleAsync(db, roundId, new CastVote.Command { VoterMemberId = me, MemberId = memberId, Grade = grade }, ct), ct);

    public string? Error => Errors.SelectMany(e => e.Value).ToList() is { Count: > 0 } m ? string.Join(" ", m) : null;

    private long? Me => long.TryParse(User.FindFirstValue(BastionClaims.MemberId), out var id) ? id : null;

    private async Task<IActionResult> RunAsync(Func<long, Task> action, CancellationToken ct)
    {
        if (Me is not { } me) return NotFound();
        try
        {
            await action(me);
            return Redirect("/Appraisals/Mine?done=saved");
        }
        catch (ValidationFailedException e) { Errors = e.Errors; }
        catch (DomainRuleException e) { Errors = new Dictionary<string, string[]> { [""] = [RuleMessages.Text(HttpContext, e)] }; }
        catch (NotFoundException) { return NotFound(); }
        await LoadAsync(ct);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        HasMemberRecord = Me is not null;
        if (Me is { } me) Rounds = await MyAppraisalQueries.OpenAsync(db, me, ct);
    }
}
