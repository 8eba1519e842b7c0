using Bastion.Cascades;
using Bastion.Data;
using Bastion.Members;
using Bastion.Shared;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Study;

/// <summary>
/// The state of a study assignment's target (学习任务) follows from its organization's members' recorded study, never
/// from a hand-set value: completed when the rule set's share of the active members of the organization's subtree have
/// a counted record (at least the minimum time) of every material of the campaign; in progress when any of them has a
/// counted record of one; not started otherwise. Overdue is the roll-up's bucket (still open after the due date).
/// The target rows are refreshed in the transaction that changes what they depend on (a member's counted record, a
/// material added to the campaign, targets passed down), so the cascade roll-up reads them as they are.
/// </summary>
public static class StudyTargets
{
    /// <summary>Refreshes the targets of the cascade that assigns <paramref name="campaignId"/>, if it is assigned.</summary>
    public static async Task<int> RefreshCampaignAsync(BastionDb db, long campaignId, IReadOnlyCollection<long>? organizationIds, CancellationToken ct = default)
    {
        var cascadeId = await db.Set<StudyCampaign>().Where(c => c.Id == campaignId).Select(c => c.CascadeId).FirstOrDefaultAsync(ct);
        return cascadeId is { } id ? await RefreshAsync(db, id, campaignId, organizationIds, ct) : 0;
    }

    /// <summary>Refreshes targets of a study cascade (passed down, say); nothing for a cascade with no campaign.</summary>
    public static async Task<int> RefreshCascadeAsync(BastionDb db, long cascadeId, IReadOnlyCollection<long>? organizationIds, CancellationToken ct = default)
    {
        var campaignId = await db.Set<StudyCampaign>().Where(c => c.CascadeId == cascadeId).Select(c => (long?)c.Id).FirstOrDefaultAsync(ct);
        return campaignId is { } id ? await RefreshAsync(db, cascadeId, id, organizationIds, ct) : 0;
    }

    /// <summary>
    /// Recomputes the state and percent of the cascade's targets (only those at <paramref name="organizationIds"/> when
    /// given) from the members' counted study. A fixed number of statements whatever the number of targets: the rows
    /// are locked first (a no-op update, so that two members finishing at once cannot both compute from a state without
    /// the other's record), then read with their counts in one grouped statement, then written with one UPDATE per
    /// distinct new (state, percent). The whole tree is read (the data scope is not applied): the state is a fact
    /// about the organization, not a view of it. Returns how many targets changed.
    /// </summary>
    public static async Task<int> RefreshAsync(BastionDb db, long cascadeId, long campaignId, IReadOnlyCollection<long>? organizationIds, CancellationToken ct = default)
    {
        var rules = StudyRuleSet.Load();
        var orgs = db.Organizations.IgnoreQueryFilters();
        var active = db.Members.IgnoreQueryFilters().Where(m => m.Status == MemberStatus.Active);
        var materials = db.Set<StudyMaterial>().Where(x => x.CampaignId == campaignId);
        var counted = db.Set<StudyRecord>().IgnoreQueryFilters().Where(r => r.Counted);
        var targets = db.Set<CascadeTarget>().IgnoreQueryFilters().Where(t => t.CascadeId == cascadeId);
        if (organizationIds is not null) targets = targets.Where(t => organizationIds.Contains(t.OrganizationId));
        var today = Clock.Today(db.Time);
        var now = Clock.UtcNow(db.Time);

        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            await targets.ExecuteUpdateAsync(x => x.SetProperty(t => t.Version, t => t.Version), ct);
            var rows = await (from t in targets
                              join a in orgs on t.OrganizationId equals a.Id
                              select new
                              {
                                  t.Id, t.State, t.Percent,
                                  HasMaterials = materials.Any(),
                                  Members = active.Count(m => orgs.Any(o => o.Id == m.OrganizationId && string.Compare(o.Path, a.Path) >= 0 && string.Compare(o.Path, a.Path + "~") < 0)),
                                  Done = active.Count(m => orgs.Any(o => o.Id == m.OrganizationId && string.Compare(o.Path, a.Path) >= 0 && string.Compare(o.Path, a.Path + "~") < 0)
                                                           && materials.All(x => counted.Any(r => r.MemberId == m.Id && r.MaterialId == x.Id))),
                                  Started = active.Any(m => orgs.Any(o => o.Id == m.OrganizationId && string.Compare(o.Path, a.Path) >= 0 && string.Compare(o.Path, a.Path + "~") < 0)
                                                            && counted.Any(r => r.MemberId == m.Id && materials.Any(x => x.Id == r.MaterialId))),
                              }).ToListAsync(ct);
            var changes = rows.Select(row =>
                {
                    var done = row.HasMaterials ? row.Done : 0;
                    var state = row.HasMaterials && rules.IsCompleted(done, row.Members) ? TargetState.Completed
                        : row.Started ? TargetState.InProgress
                        : TargetState.NotStarted;
                    var percent = row.Members == 0 ? 0 : (int)Math.Floor(100.0 * done / row.Members);
                    return (row.Id, Old: (row.State, row.Percent), New: (State: state, Percent: percent));
                })
                .Where(c => c.Old != c.New)
                .GroupBy(c => c.New, c => c.Id)
                .ToList();
            foreach (var group in changes)
            {
                var ids = group.ToList();
                var (state, percent) = group.Key;
                await db.Set<CascadeTarget>().IgnoreQueryFilters().Where(t => ids.Contains(t.Id)).ExecuteUpdateAsync(x =>
                {
                    x.SetProperty(t => t.State, state).SetProperty(t => t.Percent, percent)
                        .SetProperty(t => t.Version, t => t.Version + 1).SetProperty(t => t.UpdatedAt, now);
                    if (state != TargetState.NotStarted) x.SetProperty(t => t.AcknowledgedOn, t => t.AcknowledgedOn ?? today);
                    // Completed keeps the day it was first completed; leaving completed (a new material) clears it.
                    if (state == TargetState.Completed) x.SetProperty(t => t.CompletedOn, t => t.CompletedOn ?? today);
                    else x.SetProperty(t => t.CompletedOn, (DateOnly?)null);
                }, ct);
            }
            if (own is not null) await own.CommitAsync(ct);
            return changes.Sum(g => g.Count());
        }
        finally
        {
            if (own is not null) await own.DisposeAsync();
        }
    }
}
