using Bastion.Data;
using Bastion.Shared;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Appraisals;

/// <summary>
/// Records a peer assessment (党员互评 / 民主测评): a participant's proposed grade for a full member of the round, as
/// entered from the ballot. A second vote by the same voter for the same member replaces the first.
/// </summary>
public static class CastVote
{
    public sealed record Command
    {
        public long? VoterMemberId { get; init; }
        public long? MemberId { get; init; }
        public AppraisalGrade? Grade { get; init; }
    }

    public static async Task<AppraisalVote> HandleAsync(BastionDb db, long roundId, Command command, CancellationToken ct = default)
    {
        var round = await OpenAppraisal.OpenRoundAsync(db, roundId, ct);
        var entries = db.Set<AppraisalEntry>().Where(e => e.RoundId == round.Id);
        var errors = new Dictionary<string, string[]>();
        var voter = command.VoterMemberId is { } v ? await entries.FirstOrDefaultAsync(e => e.MemberId == v, ct) : null;
        if (voter is null) errors[nameof(Command.VoterMemberId)] = ["The voter must take part in this appraisal."];
        var appraised = command.MemberId is { } m ? await entries.FirstOrDefaultAsync(e => e.MemberId == m, ct) : null;
        if (appraised is null) errors[nameof(Command.MemberId)] = ["The member must take part in this appraisal."];
        else if (voter is not null && !AppraisalRules.MayVote(voter.MemberId, appraised.MemberId, appraised.Category))
            errors[nameof(Command.MemberId)] = [voter.MemberId == appraised.MemberId
                ? "Members assess others; their own view is the self-assessment."
                : "Probationary members take part but get no grade, so they receive no peer grades."];
        if (command.Grade is not { } grade || !Enum.IsDefined(grade)) errors[nameof(Command.Grade)] = ["Choose a grade."];
        if (errors.Count > 0) throw new ValidationFailedException(errors);

        var vote = await db.Set<AppraisalVote>().FirstOrDefaultAsync(x => x.EntryId == appraised!.Id && x.VoterMemberId == voter!.MemberId, ct);
        if (vote is null)
        {
            vote = new AppraisalVote { RoundId = round.Id, OrganizationId = round.OrganizationId, EntryId = appraised!.Id, VoterMemberId = voter!.MemberId };
            db.Set<AppraisalVote>().Add(vote);
        }
        vote.Grade = command.Grade!.Value;
        vote.CastAt = Clock.UtcNow(db.Time);
        await db.SaveChangesAsync(ct);
        return vote;
    }
}
