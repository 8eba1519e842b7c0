using Bastion.CallUps;
using Bastion.IntegrationTests.Infrastructure;
using Bastion.IntegrationTests.Members;
using Bastion.Organizations;

namespace Bastion.IntegrationTests.CallUps;

/// <summary>Issuing a call-up and reading its roster take a fixed number of statements, not one per member.</summary>
public sealed class CallUpStatementCountTests(BastionAppFixture app) : IClassFixture<BastionAppFixture>
{
    [Fact]
    public async Task IssuingToThirtyMembers_AndTheRoster_AreSetBased()
    {
        var root = await TestData.AddRootAsync(app.Database);
        var township = await TestData.AddOrganizationAsync(app.Database, root, OrganizationKind.Committee, TestData.Unique("镇党委"));
        for (var b = 0; b < 3; b++)
        {
            var branch = await TestData.AddOrganizationAsync(app.Database, township, OrganizationKind.Branch, TestData.Unique("党支部"));
            for (var m = 0; m < 10; m++) await TestData.AddMemberAsync(app.Database, branch);
        }
        using var counter = new SqlCommandCounter(app.Database);
        long id = 0;
        await using var db = app.Database.NewContext();
        var issuing = await counter.CountAsync(async () => id = (await IssueCallUp.HandleAsync(db, new IssueCallUp.Command
        {
            OrganizationId = township.Id, Kind = CallUpKind.Epidemic, Title = "防疫值守", Instructions = "到各卡点报到",
        }, null)).Id);
        Assert.True(issuing.Count is >= 1 and <= 10, string.Join("\n---\n", issuing.Select(c => c[..Math.Min(200, c.Length)])));
        CallUpRoster? roster = null;
        var reading = await counter.CountAsync(async () => roster = await CallUpQueries.RosterAsync(db, id));
        Assert.Equal(2, reading.Count);
        Assert.Equal((3, 30), (roster!.Branches.Count, roster.NoAnswer));
        Assert.All(roster.Branches, b => Assert.Equal(10, b.Called));
    }
}
