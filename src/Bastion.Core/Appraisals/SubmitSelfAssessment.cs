using Bastion.Data;
using Bastion.Shared;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Appraisals;

/// <summary>Records a participant's self-assessment (个人自评); it may be revised while the round is open.</summary>
public static class SubmitSelfAssessment
{
    public sealed record Command
    {
        public string? Text { get; init; }
    }

    public static async Task<AppraisalEntry> HandleAsync(BastionDb db, long roundId, long memberId, Command command, CancellationToken ct = default)
    {
        await OpenAppraisal.OpenRoundAsync(db, roundId, ct);
        var entry = await db.Set<AppraisalEntry>().FirstOrDefaultAsync(e => e.RoundId == roundId && e.MemberId == memberId, ct)
            ?? throw new NotFoundException($"Member {memberId} in appraisal {roundId}");
        var text = command.Text?.Trim();
        if (string.IsNullOrEmpty(text)) throw ValidationFailedException.For(nameof(Command.Text), "Write the self-assessment.");
        if (text.Length > AppraisalConfiguration.MaxSelfAssessmentLength)
            throw ValidationFailedException.For(nameof(Command.Text), $"At most {AppraisalConfiguration.MaxSelfAssessmentLength} characters.");
        entry.SelfAssessment = text;
        entry.SelfAssessedAt = Clock.UtcNow(db.Time);
        await db.SaveChangesAsync(ct);
        return entry;
    }
}
