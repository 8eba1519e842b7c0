using Bastion.Appraisals;
using Bastion.Data;
using Bastion.Members;
using Bastion.Shared;
using Bastion.Web.Pages.Shared;
using Bastion.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bastion.Web.Pages.Appraisals;

/// <summary>One appraisal round: participants, self-assessments, peer votes, grades and closing. 404 out of scope.</summary>
[Authorize(Policy = BastionPolicies.ReadRoster)]
public sealed class RoundModel(BastionDb db) : PageModel
{
    public AppraisalDetail Round { get; private set; } = null!;
    public IDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();
    public string? Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, string? done, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Done = done;
        return Page();
    }

    public Task<IActionResult> OnPostSelfAsync(long id, long memberId, string? text, CancellationToken ct) =>
        RunAsync(id, "self", "Text", () => SubmitSelfAssessment.HandleAsync(db, id, memberId, new SubmitSelfAssessment.Command { Text = text }, ct), ct);

    public Task<IActionResult> OnPostVoteAsync(long id, long? voterMemberId, long? memberId, AppraisalGrade? grade, CancellationToken ct) =>
        RunAsync(id, "vote", "Grade", () => CastVote.HandleAsync(db, id, new CastVote.Command { VoterMemberId = voterMemberId, MemberId = memberId, Grade = grade }, ct), ct);

    public Task<IActionResult> OnPostGradesAsync(long id, Dictionary<long, AppraisalGrade?>? grades, CancellationToken ct) =>
        RunAsync(id, "grades", "Grades", () => DecideGrades.HandleAsync(db, id, new DecideGrades.Command
        {
            Grades = (grades ?? []).Select(g => new DecideGrades.GradeDecision(g.Key, g.Value)).ToList(),
        }, ct), ct);

    public Task<IActionResult> OnPostCloseAsync(long id, CancellationToken ct) =>
        RunAsync(id, "closed", "Close", () => CloseAppraisal.HandleAsync(db, id, ct), ct);

    public string? Error(string field) =>
        Errors.Where(e => e.Key.StartsWith(field, StringComparison.OrdinalIgnoreCase)).SelectMany(e => e.Value).ToList() is { Count: > 0 } m ? string.Join(" ", m) : null;

    public IEnumerable<AppraisalEntryView> Full => Round.Entries.Where(e => e.Category == MemberCategory.Full);

    private async Task<IActionResult> RunAsync(long id, string done, string ruleField, Func<Task> action, CancellationToken ct)
    {
        if (await AppraisalQueries.GetAsync(db, id, ct) is null) return NotFound();
        try
        {
            await action();
            return Redirect($"/Appraisals/Round/{id}?done={done}");
        }
        catch (ValidationFailedException e) { Errors = e.Errors; }
        catch (DomainRuleException e) { Errors = new Dictionary<string, string[]> { [ruleField] = [RuleMessages.Text(HttpContext, e)] }; }
        await LoadAsync(id, ct);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        if (await AppraisalQueries.GetAsync(db, id, ct) is not { } round) return false;
        Round = round;
        return true;
    }
}
