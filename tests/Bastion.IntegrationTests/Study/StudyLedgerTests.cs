using Bastion.Data;
using Bastion.IntegrationTests.Cascades;
using Bastion.IntegrationTests.Infrastructure;
using Bastion.Organizations;
using Bastion.Positions;
using Bastion.Shared;
using Bastion.Study;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Bastion.IntegrationTests.Study;

/// <summary>Study records timed by the server, the minimum time, training credit, the hours ledger and its roll-up.</summary>
public sealed class StudyLedgerTests(BastionAppFixture app) : IClassFixture<BastionAppFixture>
{
    // 1 July (non-leap year): 182 of 365 days gone, share 0.4986; behind = hours < 32 × 0.4986 = 15.96 (leaders 27.92).
    private static readonly DateTimeOffset Midyear = new(2026, 7, 1, 2, 0, 0, TimeSpan.Zero);

    private BastionDb Db(Organization scope, TimeProvider time) => CascadeTree.Scoped(app.Database, scope, time);

    private static PublishMaterial.Command Video(double hours, int minutes) => new()
    {
        Title = TestData.Unique("视频"), Kind = MaterialKind.Video, Url = "https://example.org/v.mp4", LengthMinutes = minutes, CreditHours = hours,
    };

    [Fact]
    public async Task StudyBelowTheMinimum_DoesNotCount_AndTheLedgerIsTheSumOfItsRecords()
    {
        var tree = await CascadeTree.BuildAsync(app.Database);
        var (member, _) = await TestData.AddMemberAsync(app.Database, tree.V1a);
        var clock = new FakeTimeProvider(Midyear);
        StudyMaterial video, article;
        await using (var county = Db(tree.C, clock))
        {
            video = await PublishMaterial.HandleAsync(county, null, tree.C.Id, Video(2, 50));
            Assert.Equal(40, video.MinimumMinutes);
            article = await PublishMaterial.HandleAsync(county, null, tree.C.Id, new PublishMaterial.Command
            {
                Title = "文章", Kind = MaterialKind.Article, Body = new string('学', 1500) + "<script>x</script>", CreditHours = 0.5,
            });
            // 1,518 characters (the script tag stays as text) at 300 a minute: 6 minutes, at least 5 of them.
            Assert.Equal((6, 5), (article.LengthMinutes, article.MinimumMinutes));
            var bad = await Assert.ThrowsAsync<ValidationFailedException>(() => PublishMaterial.HandleAsync(county, null, tree.C.Id,
                new PublishMaterial.Command { Title = "x", Kind = MaterialKind.Video, Url = "javascript:alert(1)", LengthMinutes = 5, CreditHours = 0.3 }));
            Assert.Equal(["CreditHours", "Url"], bad.Errors.Keys.Order());
        }

        // The member's own scope is the branch: the county's material reaches it.
        await using var mine = Db(tree.V1a, clock);
        var shortTry = await StudySessions.StartAsync(mine, member.Id, video.Id);
        clock.Advance(TimeSpan.FromMinutes(39));
        shortTry = await StudySessions.FinishAsync(mine, member.Id, shortTry.Id);
        Assert.Equal((39, false, 0.0), (shortTry.Minutes, shortTry.Counted, shortTry.Hours));

        var full = await StudySessions.StartAsync(mine, member.Id, video.Id);
        clock.Advance(TimeSpan.FromMinutes(40));
        full = await StudySessions.FinishAsync(mine, member.Id, full.Id);
        Assert.Equal((40, true, 2.0), (full.Minutes, full.Counted, full.Hours));
        // The same material never counts twice.
        var again = await StudySessions.StartAsync(mine, member.Id, video.Id);
        clock.Advance(TimeSpan.FromMinutes(60));
        Assert.False((await StudySessions.FinishAsync(mine, member.Id, again.Id)).Counted);
        await Assert.ThrowsAsync<DomainRuleException>(() => StudySessions.FinishAsync(mine, member.Id, again.Id));

        var reading = await StudySessions.StartAsync(mine, member.Id, article.Id);
        clock.Advance(TimeSpan.FromMinutes(5));
        await StudySessions.FinishAsync(mine, member.Id, reading.Id);

        await using (var township = Db(tree.T1, clock))
            await RecordTraining.HandleAsync(township, tree.T1.Id, new RecordTraining.Command
            {
                Title = "集中轮训", HeldOn = Clock.Today(clock), Duration = "half", MemberIds = [member.Id],
            });

        var ledger = await StudyQueries.MemberAsync(mine, member.Id, 2026);
        Assert.NotNull(ledger);
        Assert.Equal((2.5, 4.0, 6.5), (ledger.StudyHours, ledger.TrainingHours, ledger.Hours));
        Assert.Equal(ledger.Hours, ledger.Entries.Where(e => e.Counted).Sum(e => e.Hours));
        Assert.Equal(5, ledger.Entries.Count);
        Assert.Equal(32.0, ledger.Target);
        Assert.True(ledger.Behind);
        Assert.Equal(StudyRuleSet.Projection(6.5, Clock.Today(clock)), ledger.Projection);
        var row = Assert.Single((await StudyQueries.MembersAsync(mine, tree.V1a.Id, 2026, false))!);
        Assert.Equal(6.5, row.Hours);
    }

    [Fact]
    public async Task HoursRollUp_CountsMembersBehindPerSubtree_WithTheLeadersTarget()
    {
        var tree = await CascadeTree.BuildAsync(app.Database);
        var clock = new FakeTimeProvider(Midyear);
        var (a, _) = await TestData.AddMemberAsync(app.Database, tree.V1a); // 16 h: on pace
        var (b, _) = await TestData.AddMemberAsync(app.Database, tree.V1a); // 16 h but secretary: behind (needs 27.92)
        var (c, _) = await TestData.AddMemberAsync(app.Database, tree.V1b); // 0 h: behind
        var (d, _) = await TestData.AddMemberAsync(app.Database, tree.V2a); // 24 h: on pace
        await using (var sys = app.Database.NewContext(time: clock))
        {
            sys.Set<Position>().Add(new Position { OrganizationId = tree.V1a.Id, RegionId = tree.V1a.RegionId, MemberId = b.Id, Role = PositionRole.Secretary, StartedOn = new DateOnly(2025, 1, 1), CreatedAt = Clock.UtcNow(clock) });
            await sys.SaveChangesAsync();
        }
        await using (var county = Db(tree.C, clock))
        {
            var today = Clock.Today(clock);
            await RecordTraining.HandleAsync(county, tree.C.Id, new RecordTraining.Command { Title = "一", HeldOn = today, Duration = "full", MemberIds = [a.Id, b.Id, d.Id] });
            await RecordTraining.HandleAsync(county, tree.C.Id, new RecordTraining.Command { Title = "二", HeldOn = today, Duration = "full", MemberIds = [a.Id, b.Id, d.Id] });
            await RecordTraining.HandleAsync(county, tree.C.Id, new RecordTraining.Command { Title = "三", HeldOn = today, Hours = 8, MemberIds = [d.Id] });
            var wrong = await Assert.ThrowsAsync<ValidationFailedException>(() => RecordTraining.HandleAsync(county, tree.T2.Id,
                new RecordTraining.Command { Title = "x", HeldOn = today, Duration = "full", MemberIds = [a.Id] }));
            Assert.Contains("MemberIds", wrong.Errors.Keys);

            var rows = await StudyQueries.RollUpAsync(county, tree.C.Id, 2026);
            Assert.NotNull(rows);
            var byOrg = rows.ToDictionary(r => r.OrganizationId);
            Assert.Equal((4, 2, 56.0), (byOrg[tree.C.Id].Members, byOrg[tree.C.Id].Behind, byOrg[tree.C.Id].Hours));
            Assert.Equal((3, 2), (byOrg[tree.T1.Id].Members, byOrg[tree.T1.Id].Behind));
            Assert.Equal((1, 0), (byOrg[tree.T2.Id].Members, byOrg[tree.T2.Id].Behind));
            Assert.Equal(tree.T1.Id, rows[1].OrganizationId); // the larger share behind first

            var behind = await StudyQueries.MembersAsync(county, tree.C.Id, 2026, behindOnly: true);
            Assert.NotNull(behind);
            Assert.Equal(new[] { b.Id, c.Id }.Order(), behind.Select(m => m.MemberId).Order());
            Assert.Equal(56.0, behind.Single(m => m.MemberId == b.Id).Target);
        }
    }
}
