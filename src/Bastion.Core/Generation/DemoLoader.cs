using Bastion.Audit;
using Bastion.Data;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Generation;

/// <summary>Loads a <see cref="DemoDataset"/> through EF Core in batches, with one summary audit event.</summary>
public static class DemoLoader
{
    public sealed record Progress(string Stage, long Done, long Total);

    public const int BatchSize = 4000;

    public static async Task LoadAsync(BastionDb db, DemoDataset data, string scaleName, int seed, IProgress<Progress>? progress = null, CancellationToken ct = default)
    {
        var total = (long)data.Organizations.Count + data.Members.Count + data.Units.Count
            + data.Alliances.Alliances.Count + data.Alliances.Members.Count + data.Alliances.Activities.Count;
        var done = 0L;
        var autoDetect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        db.SuppressRowAudit = true;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            // Parents come before children in the dataset, so each batch's foreign keys are satisfied.
            foreach (var chunk in data.Organizations.Chunk(BatchSize))
            {
                db.Organizations.AddRange(chunk);
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
                done += chunk.Length;
                progress?.Report(new Progress("organizations", done, total));
            }
            foreach (var chunk in data.Members.Chunk(BatchSize))
            {
                db.Members.AddRange(chunk);
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
                done += chunk.Length;
                progress?.Report(new Progress("members", done, total));
            }
            // Alliances come with their ids (their members and activities refer to them).
            db.AddRange(data.Alliances.Alliances);
            db.AddRange(data.Alliances.Members);
            db.AddRange(data.Alliances.Activities);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            done += data.Alliances.Alliances.Count + data.Alliances.Members.Count + data.Alliances.Activities.Count;
            progress?.Report(new Progress("alliances", done, total));
            await ResetIdentitySequencesAsync(db, ct);
            // Units get their ids from the database, after the sequences above have moved past the generated ids.
            foreach (var chunk in data.Units.Chunk(BatchSize))
            {
                db.AddRange(chunk);
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
                done += chunk.Length;
                progress?.Report(new Progress("units", done, total));
            }
            await DemoDataset.LoadTopDownAsync(db, data, ct);
            db.SuppressRowAudit = false;
            db.Record(AuditActions.Generate, "Dataset", scaleName,
                new { scale = scaleName, seed, organizations = data.Organizations.Count, members = data.Members.Count, units = data.Units.Count });
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        finally
        {
            db.SuppressRowAudit = false;
            db.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }
    }

    /// <summary>Tables whose rows the generator gives ids to.</summary>
    private static readonly string[] SequencedTables = ["Organizations", "Members", "Alliances", "AllianceMembers", "AllianceActivities"];

    /// <summary>The generator assigns ids itself; PostgreSQL's identity sequences must then move past them.</summary>
    public static async Task ResetIdentitySequencesAsync(BastionDb db, CancellationToken ct)
    {
        if (!db.Database.IsNpgsql()) return;
        foreach (var table in SequencedTables)
        {
            // The table names are constants above, never input.
            var sql = $"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'Id'), GREATEST((SELECT MAX(\"Id\") FROM \"{table}\"), 1))";
            await db.Database.ExecuteSqlRawAsync(sql, ct);
        }
    }
}
