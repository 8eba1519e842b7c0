using Bastion.Cascades;
using Bastion.Data;
using Bastion.IntegrationTests.Cascades;
using Bastion.IntegrationTests.Coverage;
using Bastion.IntegrationTests.Infrastructure;
using Bastion.Members;
using Bastion.Organizations;
using Bastion.Shared;
using Bastion.Study;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Bastion.IntegrationTests.Study;

/// <summary>
/// A study assignment's targets follow from their members' counted study: the roll-up changes at every level as members
/// finish, never for study below the minimum, never by hand.
/// </summary>
public sealed class StudyTargetTests(BastionAppFixture app) : IClassFixture<BastionAppFixture>
{
    private static readonly DateTimeOffset Start = new(2026, 4, 1, 2, 0, 0, TimeSpan.Zero);

    private BastionDb Db(Organization scope, TimeProvider time) => CascadeTree.Scoped(app.Database, scope, time);

    private static PublishMaterial.Command Video(long campaignId) => new()
    {
        Title = TestData.Unique("专题视频"), Kind = MaterialKind.Video, Url = "https://example.org/v.mp4", LengthMinutes = 50, CreditHours = 1, CampaignId = campaignId,
    };

    private static (int Total, int Completed, int Overdue, int NotStarted, int InProgress) Counts(IEnumerable<RollUpRow> rows, Organization org)
    {
        var r = rows.Single(x => x.OrganizationId == org.Id);
        Assert.Equal(0, r.Submitted);
        return (r.Total, r.Completed, r.Overdue, r.NotStarted, r.InProgress);
    }

    private async Task<List<RollUpRow>> RollUpAsync(long cascadeId, Organization county, TimeProvider clock)
    {
        await using var db = Db(county, clock);
        return (await CascadeQueries.SubtreeAsync(db, cascadeId, county.Id))!;
    }

    private async Task<Dictionary<long, (TargetState State, int Percent, int Version)>> TargetsAsync(long cascadeId)
    {
        await using var db = app.Database.NewContext();
        return await db.Set<CascadeTarget>().Where(t => t.CascadeId == cascadeId)
            .ToDictionaryAsync(t => t.OrganizationId, t => (t.State, t.Percent, t.Version));
    }

    private async Task StudyAsync(Organization scope, Member member, StudyMaterial material, int minutes, FakeTimeProvider clock)
    {
        await using var db = Db(scope, clock);
        var record = await StudySessions.StartAsync(db, member.Id, material.Id);
        clock.Advance(TimeSpan.FromMinutes(minutes));
        await StudySessions.FinishAsync(db, member.Id, record.Id);
    }

    private async Task<(CascadeTree Tree, StudyCampaign Campaign, StudyMaterial[] Videos, Member A1, Member A2, Member B1, FakeTimeProvider Clock)> ArrangeAsync()
    {
        var tree = await CascadeTree.BuildAsync(app.Database);
        // V1a has a member of its own and one in its party group G; V1b and V2a one each; T1 (the township) has them all below.
        var (a1, _) = await TestData.AddMemberAsync(app.Database, tree.V1a);
        var (a2, _) = await TestData.AddMemberAsync(app.Database, tree.G);
        var (b1, _) = await TestData.AddMemberAsync(app.Database, tree.V1b);
        await TestData.AddMemberAsync(app.Database, tree.V2a);
        // A member who left does not count against the branch.
        var (gone, _) = await TestData.AddMemberAsync(app.Database, tree.V1b);
        await using (var db = app.Database.NewContext())
            await db.Members.Where(m => m.Id == gone.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, MemberStatus.TransferredOut));
        var clock = new FakeTimeProvider(Start);
        var today = Clock.Today(clock);
        await using var county = Db(tree.C, clock);
        var campaign = await CreateCampaign.HandleAsync(county, tree.C.Id, new CreateCampaign.Command
        {
            Title = TestData.Unique("专题学习"), StartsOn = today, EndsOn = today.AddDays(30),
            Targets = new TargetSelection { Mode = TargetMode.List, OrganizationIds = [tree.T1.Id, tree.V1a.Id, tree.V1b.Id, tree.V2a.Id] },
        });
        var videos = new[]
        {
            await PublishMaterial.HandleAsync(county, null, tree.C.Id, Video(campaign.Id)),
            await PublishMaterial.HandleAsync(county, null, tree.C.Id, Video(campaign.Id)),
        };
        Assert.All(videos, v => Assert.Equal(40, v.MinimumMinutes));
        return (tree, campaign, videos, a1, a2, b1, clock);
    }

    [Fact]
    public async Task MembersStudy_MoveTheTargetsAndTheRollUpAtEveryLevel_BelowTheMinimumNothingMoves()
    {
        var (tree, campaign, videos, a1, a2, b1, clock) = await ArrangeAsync();
        var cascadeId = campaign.CascadeId!.Value;
        Assert.Equal((4, 0, 0, 4, 0), Counts(await RollUpAsync(cascadeId, tree.C, clock), tree.C));

        // Below the minimum: the record is kept but nothing about the targets changes, not even their version.
        var before = await TargetsAsync(cascadeId);
        await StudyAsync(tree.V1a, a1, videos[0], 39, clock);
        Assert.Equal(before, await TargetsAsync(cascadeId));

        // One counted study: the branch and the township above it are in progress, the county counts two.
        await StudyAsync(tree.V1a, a1, videos[0], 40, clock);
        var rows = await RollUpAsync(cascadeId, tree.C, clock);
        Assert.Equal((4, 0, 0, 2, 2), Counts(rows, tree.C));
        Assert.Equal((3, 0, 0, 1, 2), Counts(rows, tree.T1));
        Assert.Equal((1, 0, 0, 1, 0), Counts(rows, tree.T2));
        Assert.Equal((1, 0, 0, 0, 1), Counts(rows, tree.V1a));

        // a1 finishes both: one of V1a's two members is done (50%); the party group's member is still missing.
        await StudyAsync(tree.V1a, a1, videos[1], 45, clock);
        var targets = await TargetsAsync(cascadeId);
        Assert.Equal((TargetState.InProgress, 50), (targets[tree.V1a.Id].State, targets[tree.V1a.Id].Percent));
        Assert.Equal((TargetState.InProgress, 33), (targets[tree.T1.Id].State, targets[tree.T1.Id].Percent));

        // The party group's member finishes: V1a is completed; the township is not until V1b's member is done too.
        await StudyAsync(tree.G, a2, videos[0], 40, clock);
        await StudyAsync(tree.G, a2, videos[1], 40, clock);
        rows = await RollUpAsync(cascadeId, tree.C, clock);
        Assert.Equal((4, 1, 0, 2, 1), Counts(rows, tree.C));
        Assert.Equal((3, 1, 0, 1, 1), Counts(rows, tree.T1));
        Assert.Equal((1, 1, 0, 0, 0), Counts(rows, tree.V1a));

        await StudyAsync(tree.V1b, b1, videos[0], 40, clock);
        await StudyAsync(tree.V1b, b1, videos[1], 41, clock);
        rows = await RollUpAsync(cascadeId, tree.C, clock);
        Assert.Equal((4, 3, 0, 1, 0), Counts(rows, tree.C));
        Assert.Equal((3, 3, 0, 0, 0), Counts(rows, tree.T1));
        Assert.Equal((1, 0, 0, 1, 0), Counts(rows, tree.T2));
        targets = await TargetsAsync(cascadeId);
        Assert.Equal(100, targets[tree.T1.Id].Percent);
        await using (var db = app.Database.NewContext())
            Assert.Equal(Clock.Today(clock), (await db.Set<CascadeTarget>().SingleAsync(t => t.CascadeId == cascadeId && t.OrganizationId == tree.T1.Id)).CompletedOn);

        // Studying a material again changes nothing (it counted once).
        before = await TargetsAsync(cascadeId);
        await StudyAsync(tree.V1b, b1, videos[0], 60, clock);
        Assert.Equal(before, await TargetsAsync(cascadeId));

        // A third material added to the campaign: nobody has completed every material any more.
        StudyMaterial third;
        await using (var county = Db(tree.C, clock))
            third = await PublishMaterial.HandleAsync(county, null, tree.C.Id, Video(campaign.Id));
        Assert.Equal((4, 0, 0, 1, 3), Counts(await RollUpAsync(cascadeId, tree.C, clock), tree.C));
        await StudyAsync(tree.V1b, b1, third, 40, clock);
        Assert.Equal((4, 1, 0, 1, 2), Counts(await RollUpAsync(cascadeId, tree.C, clock), tree.C));
        Assert.Equal(TargetState.Completed, (await TargetsAsync(cascadeId))[tree.V1b.Id].State);

        // The due date passes: whatever is not completed is overdue.
        clock.Advance(TimeSpan.FromDays(31));
        rows = await RollUpAsync(cascadeId, tree.C, clock);
        Assert.Equal((4, 1, 3, 0, 0), Counts(rows, tree.C));
        Assert.Equal((3, 1, 2, 0, 0), Counts(rows, tree.T1));
    }

    [Fact]
    public async Task CampaignPage_ShowsTheDerivedRollUpAtEachNode_WithTheTargetsOfABucket()
    {
        var (tree, campaign, videos, a1, a2, _, clock) = await ArrangeAsync();
        foreach (var (org, member) in new[] { (tree.V1a, a1), (tree.G, a2) })
            foreach (var video in videos) await StudyAsync(org, member, video, 40, clock);
        var staff = await app.Factory.SignInAsync(await app.Factory.CreateUserAsync(Bastion.Identity.BastionRoles.OrganizationDepartment, tree.C.Id));

        // The campaign ended (by the server's clock) before the others studied: V1a is completed, the rest overdue.
        var html = await staff.GetStringAsync($"/Study/Campaign/{campaign.Id}");
        Assert.Contains($"data-org=\"{tree.C.Id}\" data-total=\"4\" data-completed=\"1\" data-overdue=\"3\" data-notstarted=\"0\"", html);
        Assert.Contains($"data-org=\"{tree.T1.Id}\" data-total=\"3\" data-completed=\"1\" data-overdue=\"2\"", html);
        Assert.Contains("id=\"rollup-chart\"", html);
        Assert.DoesNotContain("data-testid=\"not-assigned\"", html);

        html = await staff.GetStringAsync($"/Study/Campaign/{campaign.Id}?node={tree.T1.Id}&bucket=overdue");
        Assert.Contains($"data-org=\"{tree.V1b.Id}\" data-total=\"1\" data-completed=\"0\" data-overdue=\"1\"", html);
        Assert.Equal(2, html.Split("data-testid=\"target-row\"").Length - 1);

        // The export is the same roll-up over the whole subtree, as a workbook.
        Assert.Contains($"/api/v1/study/campaigns/{campaign.Id}/rollup.xlsx?node={tree.T1.Id}", html);
        using (var export = await staff.GetAsync($"/api/v1/study/campaigns/{campaign.Id}/rollup.xlsx?node={tree.C.Id}"))
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, export.StatusCode);
            var rows = MiniExcelLibs.MiniExcel.Query(await export.Content.ReadAsStreamAsync()).Cast<IDictionary<string, object>>().ToList();
            Assert.Contains(rows, r => r.Values.Any(v => v?.ToString()?.Trim('\u3000') == tree.V1a.Name));
        }

        // A node with no target at or below it says so; a campaign that does not exist is not found.
        html = await staff.GetStringAsync($"/Study/Campaign/{campaign.Id}?node={tree.V2b.Id}");
        Assert.Contains("data-testid=\"no-targets\"", html);
        Assert.DoesNotContain("data-testid=\"rollup\"", html);
        using var missing = await staff.GetAsync($"/Study/Campaign/{long.MaxValue}");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task WhenAMemberLeaves_TheHourlyJobRecomputesWhoMustStudy()
    {
        var (tree, campaign, videos, a1, a2, b1, clock) = await ArrangeAsync();
        var cascadeId = campaign.CascadeId!.Value;
        foreach (var v in videos)
        {
            await StudyAsync(tree.V1a, a1, v, 40, clock);
            await StudyAsync(tree.G, a2, v, 40, clock);
        }
        var before = await TargetsAsync(cascadeId);
        Assert.Equal((TargetState.InProgress, 66), (before[tree.T1.Id].State, before[tree.T1.Id].Percent));

        // V1b's only active member transfers out: the township's remaining members have all studied.
        await using (var db = app.Database.NewContext())
            await db.Members.Where(m => m.Id == b1.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, MemberStatus.TransferredOut));
        Assert.Equal(before, await TargetsAsync(cascadeId));
        string line;
        await using (var db = app.Database.NewContext(FixedDataScope.System("job"), clock))
            line = await new StudyTargetsJob().RunAsync(db, CancellationToken.None);
        Assert.Contains("targets changed", line);
        var after = await TargetsAsync(cascadeId);
        Assert.Equal((TargetState.Completed, 100), (after[tree.T1.Id].State, after[tree.T1.Id].Percent));
        // A branch with nobody left to study is not completed by default.
        Assert.Equal(TargetState.NotStarted, after[tree.V1b.Id].State);
        Assert.Equal(before[tree.V2a.Id], after[tree.V2a.Id]);
        // Run again: nothing changes.
        await using (var db = app.Database.NewContext(FixedDataScope.System("job"), clock))
            Assert.EndsWith("0 targets changed.", await new StudyTargetsJob().RunAsync(db, CancellationToken.None));
    }

    [Fact]
    public async Task CampaignRollUpApi_ShowsTheDerivedCounts_ForTheCountyAndATownship()
    {
        var (tree, campaign, videos, a1, a2, _, clock) = await ArrangeAsync();
        foreach (var v in videos)
        {
            await StudyAsync(tree.V1a, a1, v, 40, clock);
            await StudyAsync(tree.G, a2, v, 40, clock);
        }
        var county = await app.Factory.CreateApiClientAsync(await app.Factory.CreateUserAsync(Bastion.Identity.BastionRoles.OrganizationDepartment, tree.C.Id));
        var rows = (await Http.GetJsonAsync(county, $"/api/v1/study/campaigns/{campaign.Id}/rollup")).EnumerateArray().ToList();
        Assert.Equal(tree.C.Id, rows[0].GetProperty("organizationId").GetInt64());
        Assert.Equal((4, 1), (rows[0].GetProperty("total").GetInt32(), rows[0].GetProperty("completed").GetInt32()));
        var township = (await Http.GetJsonAsync(county, $"/api/v1/study/campaigns/{campaign.Id}/rollup?node={tree.T1.Id}")).EnumerateArray().First();
        // The API reads on today's date, long after the campaign's end: what is not completed is overdue.
        Assert.Equal((3, 1, 2), (township.GetProperty("total").GetInt32(), township.GetProperty("completed").GetInt32(), township.GetProperty("overdue").GetInt32()));
        // Outside the caller's scope: not found.
        var other = await app.Factory.CreateApiClientAsync(await app.Factory.CreateUserAsync(Bastion.Identity.BastionRoles.OrganizationDepartment, tree.T2.Id));
        using var hidden = await other.GetAsync($"/api/v1/study/campaigns/{campaign.Id}/rollup?node={tree.T1.Id}");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, hidden.StatusCode);
    }

    [Fact]
    public async Task StudyTargets_CannotBeSetByHand()
    {
        var (tree, campaign, videos, a1, _, _, clock) = await ArrangeAsync();
        var cascadeId = campaign.CascadeId!.Value;
        long V2a, V1a;
        await using (var db = app.Database.NewContext())
        {
            V2a = await db.Set<CascadeTarget>().Where(t => t.CascadeId == cascadeId && t.OrganizationId == tree.V2a.Id).Select(t => t.Id).SingleAsync();
            V1a = await db.Set<CascadeTarget>().Where(t => t.CascadeId == cascadeId && t.OrganizationId == tree.V1a.Id).Select(t => t.Id).SingleAsync();
        }
        var before = await TargetsAsync(cascadeId);
        await using (var village = Db(tree.V2a, clock))
        {
            var refused = await Assert.ThrowsAsync<DomainRuleException>(() => AcknowledgeTarget.HandleAsync(village, V2a));
            Assert.Equal(CascadeRules.DerivedStateRule, refused.Rule);
            refused = await Assert.ThrowsAsync<DomainRuleException>(() => ReportTargetProgress.HandleAsync(village, V2a, new() { Percent = 100, Text = "已学完" }));
            Assert.Equal(CascadeRules.DerivedStateRule, refused.Rule);
            refused = await Assert.ThrowsAsync<DomainRuleException>(() => SubmitTarget.HandleAsync(village, V2a, new() { Text = "已学完" }));
            Assert.Equal(CascadeRules.DerivedStateRule, refused.Rule);
        }
        await using (var county = Db(tree.C, clock))
        {
            var refused = await Assert.ThrowsAsync<DomainRuleException>(() => AcceptTarget.HandleAsync(county, V1a, new()));
            Assert.Equal(CascadeRules.DerivedStateRule, refused.Rule);
            refused = await Assert.ThrowsAsync<DomainRuleException>(() => ReturnTarget.HandleAsync(county, V1a, new() { Reason = "重学" }));
            Assert.Equal(CascadeRules.DerivedStateRule, refused.Rule);
        }
        Assert.Equal(before, await TargetsAsync(cascadeId));


        // A study assigned to the township alone, which passes it down: the new targets start from their members' study
        // so far, and the township's own target keeps its derived state (passing down acknowledges nothing by hand).
        await using (var county = Db(tree.C, clock))
        {
            var today = Clock.Today(clock);
            var second = await CreateCampaign.HandleAsync(county, tree.C.Id, new CreateCampaign.Command
            {
                Title = TestData.Unique("专题学习"), StartsOn = today, EndsOn = today.AddDays(20),
                Targets = new TargetSelection { Mode = TargetMode.List, OrganizationIds = [tree.T1.Id] },
            });
            var video = await PublishMaterial.HandleAsync(county, null, tree.C.Id, Video(second.Id));
            campaign = second;
            videos = [video];
        }
        cascadeId = campaign.CascadeId!.Value;
        await StudyAsync(tree.G, await MemberOfAsync(tree.G), videos[0], 40, clock);
        // The party group's member is one of the township's three.
        Assert.Equal((TargetState.InProgress, 33), ((await TargetsAsync(cascadeId))[tree.T1.Id].State, (await TargetsAsync(cascadeId))[tree.T1.Id].Percent));
        long t1;
        await using (var db = app.Database.NewContext())
            t1 = await db.Set<CascadeTarget>().Where(t => t.CascadeId == cascadeId && t.OrganizationId == tree.T1.Id).Select(t => t.Id).SingleAsync();
        await using (var township = Db(tree.T1, clock))
        {
            var result = await PassDownTarget.HandleAsync(township, t1, new PassDownTarget.Command
            {
                Targets = new TargetSelection { Mode = TargetMode.List, OrganizationIds = [tree.V1a.Id, tree.V1b.Id] },
            });
            Assert.Equal(2, result.Added);
        }
        var after = await TargetsAsync(cascadeId);
        Assert.Equal(TargetState.InProgress, after[tree.V1a.Id].State);
        Assert.Equal(TargetState.NotStarted, after[tree.V1b.Id].State);
        Assert.Equal(TargetState.InProgress, after[tree.T1.Id].State);
        _ = a1;
    }

    private async Task<Member> MemberOfAsync(Organization org)
    {
        await using var db = app.Database.NewContext();
        return await db.Members.FirstAsync(m => m.OrganizationId == org.Id);
    }

    [Fact]
    public async Task RollUpAndRefresh_TakeAFixedNumberOfStatements_HoweverManyTargetsMove()
    {
        var (tree, campaign, videos, a1, a2, b1, clock) = await ArrangeAsync();
        var cascadeId = campaign.CascadeId!.Value;
        var counter = new StatementCounter();

        async Task<(int RollUp, int Level, int Refresh, int Changed)> MeasureAsync()
        {
            await using var db = StructureTestData.CountingContext(app.Database, counter);
            counter.Reset();
            await CascadeQueries.SubtreeAsync(db, cascadeId, tree.C.Id);
            var rollUp = counter.Count;
            counter.Reset();
            await CascadeQueries.LevelAsync(db, cascadeId, tree.C.Id);
            var level = counter.Count;
            // Every target back to "not started": the refresh puts them right again. Writes count too here.
            await db.Set<CascadeTarget>().Where(t => t.CascadeId == cascadeId).ExecuteUpdateAsync(s => s.SetProperty(t => t.State, TargetState.NotStarted).SetProperty(t => t.Percent, 0));
            var all = new AllStatementCounter();
            var options = new DbContextOptionsBuilder<BastionDb>();
            BastionStorage.Configure(options, app.Database.Settings);
            options.AddInterceptors(all);
            await using var writer = new BastionDb(options.Options, FixedDataScope.System("test"), TimeProvider.System);
            var changed = await StudyTargets.RefreshAsync(writer, cascadeId, campaign.Id, null);
            return (rollUp, level, all.Count, changed);
        }

        await StudyAsync(tree.V1a, a1, videos[0], 40, clock);
        var few = await MeasureAsync();
        Assert.Equal(2, few.Changed);
        foreach (var (scope, member) in new[] { (tree.V1a, a1), (tree.G, a2), (tree.V1b, b1) })
        {
            foreach (var v in videos) await StudyAsync(scope, member, v, 40, clock);
        }
        var many = await MeasureAsync();
        Assert.Equal(3, many.Changed);
        Assert.Equal((few.RollUp, few.Level, few.Refresh), (many.RollUp, many.Level, many.Refresh));
        // The lock, the read, one UPDATE for the single new (state, percent); the transaction's begin and commit are not commands.
        Assert.Equal(3, many.Refresh);
    }
}

/// <summary>Counts every command sent, writes included.</summary>
internal sealed class AllStatementCounter : Microsoft.EntityFrameworkCore.Diagnostics.DbCommandInterceptor
{
    private int _count;
    public int Count => _count;

    public override ValueTask<Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<System.Data.Common.DbDataReader>> ReaderExecutingAsync(System.Data.Common.DbCommand command,
        Microsoft.EntityFrameworkCore.Diagnostics.CommandEventData eventData, Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<System.Data.Common.DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _count);
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<int>> NonQueryExecutingAsync(System.Data.Common.DbCommand command,
        Microsoft.EntityFrameworkCore.Diagnostics.CommandEventData eventData, Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _count);
        return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<object>> ScalarExecutingAsync(System.Data.Common.DbCommand command,
        Microsoft.EntityFrameworkCore.Diagnostics.CommandEventData eventData, Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _count);
        return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
    }
}
