using Bastion.Cascades;
using Bastion.Directives;
using Bastion.IntegrationTests.Infrastructure;
using Bastion.Organizations;
using Bastion.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Bastion.IntegrationTests.Cascades;

/// <summary>The cascade roll-up on a hand-built tree: exact counts per node, live changes, targeting, scope, return.</summary>
public sealed class CascadeRollUpTests(BastionAppFixture app) : IClassFixture<BastionAppFixture>
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);

    private static IssueDirective.Command Directive(DateOnly dueOn, TargetSelection targets) => new()
    {
        Title = "学习贯彻全会精神", Body = "各村党支部召开专题会议。", DueOn = dueOn, ReportRequirements = "会议记录和参会人数", Targets = targets,
    };

    private static readonly TargetSelection RuralBranches = new() { Mode = TargetMode.Filter, Kinds = [OrganizationKind.Branch], UnitTypes = [UnitType.Rural] };

    private static (int Total, int Completed, int Submitted, int Overdue, int NotStarted, int InProgress) Counts(IEnumerable<RollUpRow> rows, Organization org)
    {
        var r = rows.Single(x => x.OrganizationId == org.Id);
        return (r.Total, r.Completed, r.Submitted, r.Overdue, r.NotStarted, r.InProgress);
    }

    private async Task<(long TargetId, long OrganizationId)[]> TargetsAsync(long cascadeId)
    {
        await using var db = app.Database.NewContext();
        return (await db.Set<CascadeTarget>().Where(t => t.CascadeId == cascadeId).Select(t => new { t.Id, t.OrganizationId }).ToListAsync())
            .Select(t => (t.Id, t.OrganizationId)).ToArray();
    }

    [Fact]
    public async Task RollUp_OnHandBuiltTree_CountsEachSubtreeExactly_AndFollowsEveryChangeAndTheClock()
    {
        var tree = await CascadeTree.BuildAsync(app.Database);
        var clock = new FakeTimeProvider(Start);
        var today = Clock.Today(clock);
        Directive directive;
        await using (var county = CascadeTree.Scoped(app.Database, tree.C, clock))
            directive = await IssueDirective.HandleAsync(county, tree.C.Id, Directive(today.AddDays(10), RuralBranches));

        var targets = await TargetsAsync(directive.CascadeId);
        Assert.Equal(tree.Villages.Select(v => v.Id).Order(), targets.Select(t => t.OrganizationId).Order());
        long T(Organization o) => targets.Single(t => t.OrganizationId == o.Id).TargetId;

        // V1a completes (submitted, accepted by the county); V2a submits; V2b acknowledges; V1b and V2c do nothing.
        await using (var village = CascadeTree.Scoped(app.Database, tree.V1a, clock))
            await SubmitTarget.HandleAsync(village, T(tree.V1a), new() { Text = "已召开" });
        await using (var village = CascadeTree.Scoped(app.Database, tree.V2a, clock))
            await SubmitTarget.HandleAsync(village, T(tree.V2a), new() { Text = "已召开" });
        await using (var village = CascadeTree.Scoped(app.Database, tree.V2b, clock))
            await AcknowledgeTarget.HandleAsync(village, T(tree.V2b));
        await using (var county = CascadeTree.Scoped(app.Database, tree.C, clock))
            await AcceptTarget.HandleAsync(county, T(tree.V1a), new());

        await using (var county = CascadeTree.Scoped(app.Database, tree.C, clock))
        {
            var rows = await CascadeQueries.SubtreeAsync(county, directive.CascadeId, tree.C.Id);
            Assert.NotNull(rows);
            Assert.Equal((5, 1, 1, 0, 2, 1), Counts(rows, tree.C));
            Assert.Equal((2, 1, 0, 0, 1, 0), Counts(rows, tree.T1));
            Assert.Equal((3, 0, 1, 0, 1, 1), Counts(rows, tree.T2));
            Assert.Equal((1, 1, 0, 0, 0, 0), Counts(rows, tree.V1a));
            // Nodes with no target below are not in the roll-up; the province above the node is not either.
            Assert.DoesNotContain(rows, r => r.OrganizationId == tree.K.Id || r.OrganizationId == tree.O.Id || r.OrganizationId == tree.G.Id || r.OrganizationId == tree.Province.Id);
            Assert.Equal(tree.C.Id, rows[0].OrganizationId);

            var level = await CascadeQueries.LevelAsync(county, directive.CascadeId, tree.C.Id);
            Assert.NotNull(level);
            // The node first, then its children: the most overdue, then the least complete first.
            Assert.Equal([tree.C.Id, tree.T2.Id, tree.T1.Id], level.Select(r => r.OrganizationId));
            Assert.Equal(20.0, level[0].CompletionPercent);
        }

        // The deadline passes: every open target is overdue, submitted and completed ones are not.
        clock.Advance(TimeSpan.FromDays(11));
        await using (var county = CascadeTree.Scoped(app.Database, tree.C, clock))
        {
            var rows = await CascadeQueries.SubtreeAsync(county, directive.CascadeId, tree.C.Id);
            Assert.Equal((5, 1, 1, 3, 0, 0), Counts(rows!, tree.C));
            Assert.Equal((3, 0, 1, 2, 0, 0), Counts(rows!, tree.T2));
            var level = await CascadeQueries.LevelAsync(county, directive.CascadeId, tree.C.Id);
            Assert.Equal(tree.T2.Id, level![1].OrganizationId); // most overdue child first

            var overdue = await CascadeQueries.TargetsAsync(county, directive.CascadeId, tree.T2.Id, RollUpBucket.Overdue, 1, 50);
            Assert.Equal([tree.V2b.Id, tree.V2c.Id], overdue.Items.Select(t => t.OrganizationId).Order());

            // Returning V2a's submission reopens V2a only: it is overdue now, V1a stays completed.
            await ReturnTarget.HandleAsync(county, T(tree.V2a), new() { Reason = "缺少会议记录" });
            rows = await CascadeQueries.SubtreeAsync(county, directive.CascadeId, tree.C.Id);
            Assert.Equal((5, 1, 0, 4, 0, 0), Counts(rows!, tree.C));
            Assert.Equal((2, 1, 0, 1, 0, 0), Counts(rows!, tree.T1));
            var returned = await CascadeQueries.TargetAsync(county, T(tree.V2a));
            Assert.Equal(TargetState.Returned, returned!.State);
            Assert.Equal("缺少会议记录", returned.ReturnReason);
        }
    }

    [Fact]
    public async Task Scope_TownshipSeesOnlyItsSubtree_AndCannotDecideOnTheCountysTargets()
    {
        var tree = await CascadeTree.BuildAsync(app.Database);
        Directive directive;
        await using (var county = CascadeTree.Scoped(app.Database, tree.C))
            directive = await IssueDirective.HandleAsync(county, tree.C.Id, Directive(Clock.Today(TimeProvider.System).AddDays(5), RuralBranches));
        var targets = await TargetsAsync(directive.CascadeId);
        var v1b = targets.Single(t => t.OrganizationId == tree.V1b.Id).TargetId;
        var v2a = targets.Single(t => t.OrganizationId == tree.V2a.Id).TargetId;

        await using var township = CascadeTree.Scoped(app.Database, tree.T1);
        Assert.Null(await CascadeQueries.LevelAsync(township, directive.CascadeId, tree.C.Id));
        var level = await CascadeQueries.LevelAsync(township, directive.CascadeId, tree.T1.Id);
        Assert.Equal(2, level![0].Total);
        await Assert.ThrowsAsync<NotFoundException>(() => AcknowledgeTarget.HandleAsync(township, v2a));

        await SubmitTarget.HandleAsync(township, v1b, new() { Text = "done" });
        var refused = await Assert.ThrowsAsync<DomainRuleException>(() => AcceptTarget.HandleAsync(township, v1b, new()));
        Assert.Equal(CascadeRules.NotAssignerRule, refused.Rule);
        var again = await Assert.ThrowsAsync<DomainRuleException>(() => SubmitTarget.HandleAsync(township, v1b, new() { Text = "again" }));
        Assert.Equal(CascadeRules.WrongStateRule, again.Rule);
    }

    [Fact]
    public async Task Targeting_SubtreeListAndPassDown_CreateOneRowPerOrganization()
    {
        var tree = await CascadeTree.BuildAsync(app.Database);
        var today = Clock.Today(TimeProvider.System);
        await using var county = CascadeTree.Scoped(app.Database, tree.C);

        var all = await IssueDirective.HandleAsync(county, tree.C.Id, Directive(today.AddDays(20), new() { Mode = TargetMode.Subtree }));
        // Everything below the county except the party group and the county itself.
        Assert.Equal(9, (await TargetsAsync(all.CascadeId)).Length);

        var bad = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            IssueDirective.HandleAsync(county, tree.C.Id, Directive(today.AddDays(20), new() { Mode = TargetMode.List, OrganizationIds = [tree.T1.Id, tree.Province.Id] })));
        Assert.Contains("Targets", bad.Errors.Keys);

        var listed = await IssueDirective.HandleAsync(county, tree.C.Id, Directive(today.AddDays(20), new() { Mode = TargetMode.List, OrganizationIds = [tree.T2.Id, tree.O.Id] }));
        var t2Target = (await TargetsAsync(listed.CascadeId)).Single(t => t.OrganizationId == tree.T2.Id).TargetId;

        await using var township = CascadeTree.Scoped(app.Database, tree.T2);
        var late = await Assert.ThrowsAsync<ValidationFailedException>(() => PassDownTarget.HandleAsync(township, t2Target,
            new() { Targets = new() { Mode = TargetMode.Subtree }, DueOn = today.AddDays(21) }));
        Assert.Contains("DueOn", late.Errors.Keys);
        var result = await PassDownTarget.HandleAsync(township, t2Target,
            new() { Targets = new() { Mode = TargetMode.Filter, UnitTypes = [UnitType.Rural] }, Instructions = "各村12日前报送", DueOn = today.AddDays(15) });
        Assert.Equal(3, result.Added);

        var rows = await CascadeQueries.SubtreeAsync(county, listed.CascadeId, tree.C.Id);
        Assert.Equal(5, rows!.Single(r => r.OrganizationId == tree.C.Id).Total); // T2, O and T2's three villages
        Assert.Equal(4, rows!.Single(r => r.OrganizationId == tree.T2.Id).Total);
        var passed = await CascadeQueries.TargetAtAsync(county, listed.CascadeId, tree.V2b.Id);
        Assert.Equal((today.AddDays(15), "各村12日前报送", t2Target, tree.T2.Id), (passed!.DueOn, passed.Instructions, passed.ParentTargetId!.Value, passed.AssignedByOrganizationId));

        // The township, having assigned it, decides on its villages' submissions.
        await SubmitTarget.HandleAsync(township, passed.Id, new() { Text = "完成" });
        await AcceptTarget.HandleAsync(township, passed.Id, new());
        Assert.Equal(TargetState.Completed, (await CascadeQueries.TargetAsync(county, passed.Id))!.State);
    }
}
