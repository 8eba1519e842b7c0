using Bastion.Compliance;
using Bastion.Data;
using Bastion.Shared;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Appraisals;

/// <summary>
/// Records the grades the branch decided (评定等次) for some or all full members. Refused as a whole when a probationary
/// member is given a grade or when 优秀 would exceed the rule set's share (1/3) of all graded members of the round.
/// A null grade withdraws one.
/// </summary>
public static class DecideGrades
{
    public sealed record Command
    {
        public IReadOnlyList<GradeDecision>? Grades { get; init; }
    }

    public sealed record GradeDecision(long MemberId, AppraisalGrade? Grade);

    public static async Task<IReadOnlyList<AppraisalEntry>> HandleAsync(BastionDb db, long roundId, Command command, CancellationToken ct = default)
    {
        var round = await OpenAppraisal.OpenRoundAsync(db, roundId, ct);
        if (command.Grades is not { Count: > 0 } decisions) throw ValidationFailedException.For(nameof(Command.Grades), "Give at least one grade.");
        var entries = await db.Set<AppraisalEntry>().Where(e => e.RoundId == round.Id).ToListAsync(ct);
        var byMember = entries.ToDictionary(e => e.MemberId);
        var errors = new Dictionary<string, string[]>();
        foreach (var (d, i) in decisions.Select((d, i) => (d, i)))
        {
            var field = $"{nameof(Command.Grades)}[{i}]";
            if (!byMember.ContainsKey(d.MemberId)) errors[field] = ["The member does not take part in this appraisal."];
            else if (d.Grade is { } g && !Enum.IsDefined(g)) errors[field] = ["Choose a grade."];
        }
        if (decisions.GroupBy(d => d.MemberId).Any(g => g.Count() > 1)) errors[nameof(Command.Grades)] = ["Each member appears once."];
        if (errors.Count > 0) throw new ValidationFailedException(errors);

        var probationary = decisions.Where(d => d.Grade is not null && !AppraisalRules.MayBeGraded(byMember[d.MemberId].Category)).ToList();
        if (probationary.Count > 0)
            throw new DomainRuleException(AppraisalRules.NoGradeForProbationaryRule, "Probationary members take part in the appraisal but get no grade.");

        // The share is checked on the round as it would stand after this decision.
        var after = entries.ToDictionary(e => e.MemberId, e => e.Grade);
        foreach (var d in decisions) after[d.MemberId] = d.Grade;
        var graded = after.Values.Count(g => g is not null);
        var excellent = after.Values.Count(g => g == AppraisalGrade.Excellent);
        var rule = OrganizationalLifeRuleSet.Load().Appraisal;
        if (!AppraisalRules.ExcellentWithinShare(excellent, graded, rule))
            throw new DomainRuleException(AppraisalRules.ExcellentShareRule,
                $"{excellent} of {graded} graded members would be excellent; at most {AppraisalRules.MaxExcellent(graded, rule)} ({rule.ExcellentShareNumerator}/{rule.ExcellentShareDenominator}) may be.");

        var today = Clock.Today(db.Time);
        foreach (var d in decisions)
        {
            var entry = byMember[d.MemberId];
            entry.Grade = d.Grade;
            entry.GradedOn = d.Grade is null ? null : today;
        }
        await db.SaveChangesAsync(ct);
        return entries;
    }
}
