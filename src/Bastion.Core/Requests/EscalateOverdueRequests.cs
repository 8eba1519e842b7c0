using Bastion.Data;
using Bastion.Shared;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Requests;

/// <summary>
/// Raises overdue open requests up the tree: one level when the first response is overdue, two when the resolution is.
/// The request stays in its organization's queue and also appears in the queue of the ancestor it was raised to.
/// Idempotent: a request already at its level is left alone. Runs in batches, one read and one save per batch.
/// </summary>
public static class EscalateOverdueRequests
{
    public const int BatchSize = 500;

    public sealed record Escalated(long RequestId, long OrganizationId, long ToOrganizationId, int Level);

    public static async Task<List<Escalated>> HandleAsync(BastionDb db, CancellationToken ct = default)
    {
        var now = Clock.UtcNow(db.Time);
        var done = new List<Escalated>();
        long after = 0;
        while (true)
        {
            var batch = await db.Set<ServiceRequest>().AsTracking()
                .Where(r => r.Id > after && (r.Status == ServiceRequestStatus.Received || r.Status == ServiceRequestStatus.InProgress)
                    && ((r.ResolutionDueAt < now && r.EscalationLevel < 2) || (r.FirstRespondedAt == null && r.FirstResponseDueAt < now && r.EscalationLevel < 1)))
                .OrderBy(r => r.Id).Take(BatchSize)
                .Join(db.Organizations, r => r.OrganizationId, o => o.Id, (r, o) => new { Request = r, o.Path })
                .ToListAsync(ct);
            if (batch.Count == 0) break;
            after = batch[^1].Request.Id;
            foreach (var row in batch)
            {
                var r = row.Request;
                var level = ServiceRequestRules.RequiredEscalationLevel(r, now);
                if (level <= r.EscalationLevel) continue;
                if (ServiceRequestRules.AncestorUp(row.Path, level) is not { } target) continue; // a root organization has nobody above it
                r.EscalationLevel = level;
                r.EscalatedToOrganizationId = target;
                r.EscalatedAt = now;
                r.UpdatedAt = now;
                db.Set<RequestEvent>().Add(new RequestEvent
                {
                    RequestId = r.Id, Kind = RequestEventKind.Escalated, At = now, OrganizationId = target, IsPublic = false,
                    Text = level == 1 ? "First response overdue" : "Resolution overdue",
                });
                done.Add(new Escalated(r.Id, r.OrganizationId, target, level));
            }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            if (batch.Count < BatchSize) break;
        }
        return done;
    }
}
