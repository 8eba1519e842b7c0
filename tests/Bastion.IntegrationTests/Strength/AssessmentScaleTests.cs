using Bastion.Cli;
using Bastion.IntegrationTests.Cli;
using Bastion.IntegrationTests.Coverage;
using Bastion.IntegrationTests.Infrastructure;
using Bastion.Jobs;
using Bastion.Meetings;
using Bastion.Organizations;
using Bastion.Strength;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Bastion.IntegrationTests.Strength.StrengthKit;

namespace Bastion.IntegrationTests.Strength;

/// <summary>The run is set-based (its statements don't grow with the tree), and it is driven by the CLI and the job.</summary>
public sealed class AssessmentScaleTests
{
    [Fact]
    public async Task MeasuringEveryIndicatorAndWarning_TakesTheSameStatements_ForThreeBranchesAndForTwelve()
    {
        await using var database = await TestDatabase.CreateMigratedAsync();
        var root = await TestData.AddRootAsync(database);
        var township = await TestData.AddOrganizationAsync(database, root, OrganizationKind.Committee);

        async Task<int> CountAsync()
        {
            var counter = new StatementCounter();
            await using var db = StructureTestData.CountingContext(database, counter);
            var active = db.Organizations.Where(o => o.Status == OrganizationStatus.Active);
            var scope = new AssessmentScope(db, active, Q2, AsOf, StrengthRuleSet.Load());
            counter.Reset();
            await RunAssessment.OrganizationsAsync(db, active, default);
            var (measures, _) = await RunAssessment.EvaluateAsync(scope, default);
            Assert.NotEmpty(measures.Of("attendance"));
            return counter.Count;
        }

        async Task AddBranchesAsync(int n)
        {
            for (var i = 0; i < n; i++)
            {
                var branch = await TestData.AddOrganizationAsync(database, township, OrganizationKind.Branch);
                await StructureTestData.AddMembersAsync(database, branch, 3);
                await AddHeldMeetingAsync(database, branch, new(2026, 5, 10), AttendanceStatus.Present, AttendanceStatus.Absent);
            }
        }

        await AddBranchesAsync(3);
        var small = await CountAsync();
        await AddBranchesAsync(9);
        var large = await CountAsync();
        Assert.Equal(small, large);
    }

    [Fact]
    public async Task Assess_StoresThePeriod_RefusesABadOrFuturePeriodWithTheReason()
    {
        await using var database = await TestDatabase.CreateMigratedAsync();
        var root = await TestData.AddRootAsync(database);
        var branch = await TestData.AddOrganizationAsync(database, root, OrganizationKind.Branch);
        await StructureTestData.AddMembersAsync(database, branch, 3);

        var ok = await CliRun.RunAsync(database, "assess", "--period", "2026Q2");
        Assert.True(ok.ExitCode == ExitCodes.Ok, ok.ToString());
        Assert.Contains("assessed 2026Q2 as of 2026-06-30", ok.Out);
        Assert.Contains("2 organizations", ok.Out);

        var malformed = await CliRun.RunAsync(database, "assess", "--period", "2026Q5");
        Assert.True(malformed.ExitCode == ExitCodes.Failed, malformed.ToString());
        Assert.Contains("--period", malformed.Err + malformed.Out);

        var future = await CliRun.RunAsync(database, "assess", "--period", "2099");
        Assert.True(future.ExitCode == ExitCodes.Failed, future.ToString());
        Assert.Contains(RunAssessment.PeriodNotStartedRule, future.Err);

        await using var db = database.NewContext();
        Assert.Equal(["2026Q2"], await db.Set<AssessmentRun>().Select(r => r.Period).ToListAsync());
    }

    [Fact]
    public async Task TheJob_AssessesTheRunningAndPreviousPeriods_AndASecondRoundTheSameDayChangesNothing()
    {
        await using var database = await TestDatabase.CreateMigratedAsync();
        var root = await TestData.AddRootAsync(database);
        await TestData.AddOrganizationAsync(database, root, OrganizationKind.Branch);

        await using var db = database.NewContext();
        var job = new StrengthAssessmentJob();
        var first = await job.RunAsync(db, default);
        Assert.StartsWith("assessed", first);
        var runs = await db.Set<AssessmentRun>().OrderBy(r => r.Id).Select(r => new { r.Id, r.Period }).ToListAsync();
        Assert.Equal(6, runs.Count);

        Assert.Equal("every period is current", await job.RunAsync(db, default));
        Assert.Equal(runs.Select(r => r.Id), await db.Set<AssessmentRun>().OrderBy(r => r.Id).Select(r => r.Id).ToListAsync());
    }
}
