using Bastion.Cli;
using Bastion.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Bastion.IntegrationTests.Cli;

public sealed class AuditVerifyCommandTests
{
    [Fact]
    public async Task AuditVerify_OnIntactChain_ExitsZeroCountingEveryEvent()
    {
        await using var db = await DatabaseWithAuditEventsAsync();
        long events;
        await using (var context = db.NewContext()) events = await context.AuditEvents.LongCountAsync();

        var result = await CliRun.RunAsync(db, "audit", "verify");

        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
        Assert.Contains($"intact: {events} events", result.Out);
    }

    [Fact]
    public async Task AuditVerify_OnEmptyLog_ExitsZero()
    {
        await using var db = await TestDatabase.CreateMigratedAsync();

        var result = await CliRun.RunAsync(db, "audit", "verify");

        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
        Assert.Contains("intact: 0 events", result.Out);
    }

    [Fact]
    public async Task AuditVerify_WhenAnEventWasEdited_ExitsTwoNamingIt()
    {
        await using var db = await DatabaseWithAuditEventsAsync();
        var (_, middle, _) = await SeqsAsync(db);
        await using (var context = db.NewContext())
            Assert.Equal(1, await context.Database.ExecuteSqlRawAsync(
                """UPDATE "AuditEvents" SET "Changes" = {0} WHERE "Seq" = {1}""", """{"Role":"SystemAdmin"}""", middle));

        var result = await CliRun.RunAsync(db, "audit", "verify");

        CliRun.AssertCleanFailure(result, ExitCodes.AuditChainBroken);
        Assert.Contains($"at event {middle}:", result.Err);
        Assert.Contains("altered", result.Err);
    }

    [Fact]
    public async Task AuditVerify_WhenAMiddleEventWasDeleted_ExitsTwoNamingIt()
    {
        await using var db = await DatabaseWithAuditEventsAsync();
        var (_, middle, _) = await SeqsAsync(db);
        await DeleteEventAsync(db, middle);

        var result = await CliRun.RunAsync(db, "audit", "verify");

        CliRun.AssertCleanFailure(result, ExitCodes.AuditChainBroken);
        Assert.Contains($"at event {middle}:", result.Err);
        Assert.Contains("missing", result.Err);
    }

    [Fact]
    public async Task AuditVerify_WhenTheNewestEventWasDeleted_ExitsTwo()
    {
        await using var db = await DatabaseWithAuditEventsAsync();
        var (_, _, last) = await SeqsAsync(db);
        await DeleteEventAsync(db, last);

        var result = await CliRun.RunAsync(db, "audit", "verify");

        CliRun.AssertCleanFailure(result, ExitCodes.AuditChainBroken);
        Assert.Contains($"at event {last}:", result.Err);
        Assert.Contains("deleted", result.Err);
    }

    /// <summary>An organization and a few accounts: every change appends audit events.</summary>
    private static async Task<TestDatabase> DatabaseWithAuditEventsAsync()
    {
        var db = await TestDatabase.CreateMigratedAsync();
        var org = await CliRun.AddRootOrganizationAsync(db);
        foreach (var name in new[] { "zhang", "wang", "li" })
        {
            var added = await CliRun.AddUserAsync(db, name, org.Id);
            Assert.True(added.ExitCode == ExitCodes.Ok, added.ToString());
        }
        return db;
    }

    private static async Task<(long First, long Middle, long Last)> SeqsAsync(TestDatabase db)
    {
        await using var context = db.NewContext();
        var seqs = await context.AuditEvents.OrderBy(e => e.Seq).Select(e => e.Seq).ToListAsync();
        Assert.True(seqs.Count >= 4, $"expected several audit events, found {seqs.Count}");
        return (seqs[0], seqs[seqs.Count / 2], seqs[^1]);
    }

    private static async Task DeleteEventAsync(TestDatabase db, long seq)
    {
        await using var context = db.NewContext();
        Assert.Equal(1, await context.Database.ExecuteSqlRawAsync("""DELETE FROM "AuditEvents" WHERE "Seq" = {0}""", seq));
    }
}
