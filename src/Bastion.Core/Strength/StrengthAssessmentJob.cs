using Bastion.Compliance;
using Bastion.Data;
using Bastion.Jobs;
using Bastion.Shared;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Strength;

/// <summary>
/// Keeps the snapshots current: assesses the running month, quarter and year, and finishes the previous ones once they
/// have closed. A period is (re)assessed only when its figures' day has moved since its stored run, so a second round on
/// the same day changes nothing.
/// </summary>
public sealed class StrengthAssessmentJob : IBastionJob
{
    public string Name => "strength.assess";

    public TimeSpan Interval => TimeSpan.FromHours(6);

    public async Task<string> RunAsync(BastionDb db, CancellationToken ct)
    {
        var today = Clock.Today(db.Time);
        var done = new List<string>();
        foreach (var kind in new[] { PeriodKind.Month, PeriodKind.Quarter, PeriodKind.Year })
        {
            var current = Period.Of(kind, today);
            foreach (var period in new[] { RunAssessment.Previous(current), current })
            {
                var asOf = period.End < today ? period.End : today;
                var label = period.Label;
                var stored = await db.Set<AssessmentRun>().Where(r => r.Period == label).Select(r => (DateOnly?)r.AsOf).FirstOrDefaultAsync(ct);
                if (stored == asOf) continue;
                await RunAssessment.HandleAsync(db, period, "job", ct: ct);
                done.Add(label);
            }
        }
        return done.Count == 0 ? "every period is current" : $"assessed {string.Join(", ", done)}";
    }
}
