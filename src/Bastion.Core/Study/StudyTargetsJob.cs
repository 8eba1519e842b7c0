using Bastion.Data;
using Bastion.Jobs;
using Bastion.Shared;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Study;

/// <summary>
/// Keeps study targets right when who must study changes rather than what was studied: a member joins, transfers out
/// or leaves (the count of active members moves). Counted study and new materials refresh the targets at once (see
/// <see cref="StudyTargets"/>); this job recomputes every assigned campaign still running or ended within the last
/// <see cref="GraceDays"/> days, a fixed handful of statements per campaign.
/// </summary>
public sealed class StudyTargetsJob : IBastionJob
{
    public const string JobName = "study.targets";
    public const int GraceDays = 30;

    public string Name => JobName;
    public TimeSpan Interval => TimeSpan.FromHours(1);

    public async Task<string> RunAsync(BastionDb db, CancellationToken ct)
    {
        var since = Clock.Today(db.Time).AddDays(-GraceDays);
        var campaigns = await db.Set<StudyCampaign>().Where(c => c.CascadeId != null && c.EndsOn >= since)
            .Select(c => new { c.Id, CascadeId = c.CascadeId!.Value }).ToListAsync(ct);
        var changed = 0;
        foreach (var c in campaigns) changed += await StudyTargets.RefreshAsync(db, c.CascadeId, c.Id, null, ct);
        return $"{campaigns.Count} assigned study campaigns checked; {changed} targets changed.";
    }
}
