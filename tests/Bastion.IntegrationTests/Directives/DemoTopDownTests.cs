using Bastion.Cascades;
using Bastion.Cli;
using Bastion.Directives;
using Bastion.IntegrationTests.Cli;
using Bastion.IntegrationTests.Infrastructure;
using Bastion.Study;
using Microsoft.EntityFrameworkCore;

namespace Bastion.IntegrationTests.Directives;

/// <summary>The demo dataset carries directives with a realistic spread of completion and a study campaign with records.</summary>
public sealed class DemoTopDownTests
{
    [Fact]
    public async Task Demo_HasDirectivesWithMixedProgress_AndAStudyCampaignWithHours()
    {
        await using var database = await TestDatabase.CreateAsync();
        var result = await CliRun.RunAsync(database, "generate", "--scale", "demo", "--seed", "7");
        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());

        await using var db = database.NewContext();
        var directives = await db.Set<Directive>().AsNoTracking().ToListAsync();
        Assert.Equal(3, directives.Count);
        var first = directives.OrderBy(d => d.Id).First();
        var rows = await CascadeQueries.LevelAsync(db, first.CascadeId, first.IssuerOrganizationId);
        Assert.NotNull(rows);
        var county = rows[0];
        Assert.True(county.Total > 20, $"targets: {county.Total}");
        Assert.Equal(county.Total, county.Completed + county.Submitted + county.Overdue + county.NotStarted + county.InProgress);
        Assert.InRange(county.CompletionPercent, 40, 90);
        Assert.True(county.Overdue > 0); // the first directive's deadline has passed
        // Townships differ: the best and the worst are far apart.
        var townships = rows.Skip(1).Where(r => r.Total >= 3).ToList();
        Assert.True(townships.Max(r => r.CompletionPercent) - townships.Min(r => r.CompletionPercent) >= 30);

        var ledgerRows = await StudyQueries.RollUpAsync(db, first.IssuerOrganizationId, DateTime.Today.Year);
        Assert.True(ledgerRows![0].Members > 1000);
        Assert.True(ledgerRows[0].Hours > 0);
        Assert.True(await db.Set<StudyRecord>().AnyAsync(r => !r.Counted));

        // The study assignment's targets follow from the members' records: some completed, some under way, and
        // recomputing them from the records changes nothing.
        var campaign = await db.Set<StudyCampaign>().AsNoTracking().SingleAsync(c => c.CascadeId != null);
        var study = (await CascadeQueries.LevelAsync(db, campaign.CascadeId!.Value, campaign.OrganizationId))![0];
        Assert.True(study.Completed > 0 && study.InProgress > 0 && study.Completed < study.Total, $"{study}");
        Assert.Equal(0, await StudyTargets.RefreshAsync(db, campaign.CascadeId!.Value, campaign.Id, null));

        // The audit chain is intact after generation, and the next audited write continues it.
        await using (var next = database.NewContext())
        {
            next.Record("test", "Dataset", "x");
            await next.SaveChangesAsync();
        }
        var verify = await CliRun.RunAsync(database, "audit", "verify");
        Assert.True(verify.ExitCode == ExitCodes.Ok, verify.ToString());
    }
}
