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
            + data.Alliances.Alliances.Count + data.Alliances.Members.Count + data.Alliances.Activities.Count + data.Positions.Count
            + data.DuesBases.Count + data.DuesPayments.Count + data.Transfers.Count + data.MobileRecords.Count + data.MobileContacts.Count
            + data.VillageAssignments.Count + data.VillageIndicators.Count + data.Requests.RowCount
            + data.ServiceActivities.Count + data.ServiceSignUps.Count + data.CallUps.Count + data.CallUpResponses.Count;
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
            // So do mobile-member records (their contacts refer to them).
            db.AddRange(data.MobileRecords);
            db.AddRange(data.MobileContacts);
            db.AddRange(data.ServiceActivities);
            db.AddRange(data.ServiceSignUps);
            db.AddRange(data.CallUps);
            db.AddRange(data.CallUpResponses);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            done += data.Alliances.Alliances.Count + data.Alliances.Members.Count + data.Alliances.Activities.Count + data.MobileRecords.Count + data.MobileContacts.Count
                + data.ServiceActivities.Count + data.ServiceSignUps.Count + data.CallUps.Count + data.CallUpResponses.Count;
            progress?.Report(new Progress("alliances", done, total));
            foreach (var chunk in data.Requests.Grids.Cast<object>().Concat(data.Requests.Requests).Concat(data.Requests.Events).Concat(data.Requests.Steps).Chunk(BatchSize))
            {
                db.AddRange(chunk);
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
                done += chunk.Length;
                progress?.Report(new Progress("requests", done, total));
            }
            await data.LoadMeetingsAsync(db, ct);
            await data.LoadHouseholdsAsync(db, ct);
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
            foreach (var chunk in data.DuesBases.Cast<object>().Concat(data.DuesPayments).Concat(data.Transfers)
                         .Concat(data.VillageAssignments).Concat(data.VillageIndicators).Chunk(BatchSize))
            {
                db.AddRange(chunk);
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
                done += chunk.Length;
                progress?.Report(new Progress("dues, transfers, villages", done, total));
            }
            foreach (var chunk in data.Positions.Chunk(BatchSize))
            {
                db.AddRange(chunk);
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
                done += chunk.Length;
                progress?.Report(new Progress("positions", done, total));
            }
            await data.LoadDevelopmentAsync(db, ct);
            await data.LoadAppraisalsAsync(db, ct);
            await DemoDataset.LoadTopDownAsync(db, data, ct);
            await data.LoadDisciplineAsync(db, ct);
            await data.LoadRectificationAsync(db, ct);
            await data.LoadStandardizationAsync(db, ct);
            db.SuppressRowAudit = false;
            // The summary event moves the tracked audit head: its change must be detected.
            db.ChangeTracker.AutoDetectChangesEnabled = true;
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
    private static readonly string[] SequencedTables =
        ["Organizations", "Members", "Alliances", "AllianceMembers", "AllianceActivities", "MobileRecords", "MobileContacts", "Grids", "ServiceRequests", "RequestEvents", "AgencySteps", "Meetings",
         "ServiceActivities", "ServiceSignUps", "CallUps", "CallUpResponses"];

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
