using Bastion.Data;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Audit;

/// <summary>Walks the audit chain in order and reports the first event that was edited, deleted or inserted out of band.</summary>
public static class VerifyAuditChain
{
    public sealed record Result(bool Intact, long EventsChecked, long? FirstBadSeq, string? Problem);

    public static async Task<Result> RunAsync(BastionDb db, IProgress<long>? progress = null, CancellationToken ct = default)
    {
        const int batch = 5000;
        var expectedSeq = 1L;
        var prevHash = AuditEvent.GenesisHash;
        var checkedCount = 0L;
        while (true)
        {
            var from = expectedSeq;
            var events = await db.AuditEvents.AsNoTracking()
                .Where(e => e.Seq >= from).OrderBy(e => e.Seq).Take(batch).ToListAsync(ct);
            foreach (var e in events)
            {
                if (e.Seq != expectedSeq)
                    return new(false, checkedCount, expectedSeq, $"event {expectedSeq} is missing (the next stored event is {e.Seq})");
                if (e.PrevHash != prevHash)
                    return new(false, checkedCount, e.Seq, $"event {e.Seq} does not link to the event before it");
                if (e.ComputeHash() != e.Hash)
                    return new(false, checkedCount, e.Seq, $"event {e.Seq} was altered after it was written");
                prevHash = e.Hash;
                expectedSeq++;
                checkedCount++;
            }
            progress?.Report(checkedCount);
            if (events.Count < batch) break;
        }

        var head = await db.AuditHeads.AsNoTracking().SingleOrDefaultAsync(ct);
        var lastSeq = expectedSeq - 1;
        if (head is null && lastSeq == 0) return new(true, 0, null, null);
        if (head is null) return new(false, checkedCount, lastSeq, "the chain head record is missing");
        if (head.LastSeq != lastSeq || head.LastHash != prevHash)
            return new(false, checkedCount, lastSeq + 1, $"the chain ends at event {lastSeq} but its head records event {head.LastSeq}: newer events were deleted");
        return new(true, checkedCount, null, null);
    }
}
