using System.Net;
using Bastion.Compliance;
using Bastion.Identity;
using Bastion.IntegrationTests.Infrastructure;
using Bastion.IntegrationTests.Members;
using Bastion.Meetings;
using Bastion.Organizations;

namespace Bastion.IntegrationTests.Compliance;

/// <summary>The compliance page, and the engine's statement count as the subtree grows.</summary>
public sealed class CompliancePageTests(BastionAppFixture app) : IClassFixture<BastionAppFixture>
{
    private BastionFactory Factory => app.Factory;

    [Fact]
    public async Task Page_ShowsMissingPeriodsAndRows_RejectsABadPeriodBesideTheField_AndHidesOtherSubtrees()
    {
        var root = await TestData.AddRootAsync(app.Database);
        var committee = await TestData.AddOrganizationAsync(app.Database, root, OrganizationKind.Committee);
        var branch = await TestData.AddOrganizationAsync(app.Database, committee, OrganizationKind.Branch, TestData.Unique("页面支部"));
        var other = await TestData.AddOrganizationAsync(app.Database, root, OrganizationKind.Branch);
        await ComplianceTests.AddMeetingsAsync(app.Database, branch, MeetingKind.BranchGeneralMeeting, [new(2025, 1, 9), new(2025, 7, 9)]);
        var browser = await Factory.SignInAsync(await Factory.CreateUserAsync(BastionRoles.OrganizationDepartment, committee.Id));

        var html = await browser.GetStringAsync($"/Compliance?org={branch.Id}&period=2025");
        Assert.Contains("<span data-testid=\"missing-periods\">2025Q2, 2025Q4</span>", html);
        Assert.Contains("组织生活落实情况", html);

        html = await browser.GetStringAsync($"/Compliance?period=2025");
        Assert.Contains($"data-id=\"{branch.Id}\"", html);
        Assert.Contains("id=\"compliance-chart\"", html);
        Assert.Contains($"/api/v1/compliance/organizations/{committee.Id}/export.xlsx?period=2025", html);

        html = await browser.GetStringAsync($"/Compliance?org={committee.Id}&period=2025-13");
        Assert.Contains("is-invalid", html);
        Assert.Contains("请填写年度", html);

        using var hidden = await browser.GetAsync($"/Compliance?org={other.Id}");
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
    }

    [Fact]
    public async Task Report_StatementCount_DoesNotGrowWithTheNumberOfBranches()
    {
        async Task<(Organization Top, int Branches)> BuildAsync(int branches)
        {
            var root = await TestData.AddRootAsync(app.Database);
            for (var i = 0; i < branches; i++)
            {
                var branch = await TestData.AddOrganizationAsync(app.Database, root, OrganizationKind.Branch);
                var group = await TestData.AddOrganizationAsync(app.Database, branch, OrganizationKind.Group);
                await ComplianceTests.AddMeetingsAsync(app.Database, branch, MeetingKind.ThemePartyDay, ComplianceTests.EveryMonth(2025));
                await ComplianceTests.AddMeetingsAsync(app.Database, group, MeetingKind.GroupMeeting, [new(2025, 3, 3)]);
                if (i % 2 == 0) await ComplianceTests.FormCommitteeAsync(app.Database, branch);
            }
            return (root, branches);
        }

        var small = await BuildAsync(2);
        var large = await BuildAsync(9);
        using var counter = new SqlCommandCounter(app.Database);
        var counts = new List<int>();
        foreach (var (top, branches) in new[] { small, large })
        {
            ComplianceReport? report = null;
            var commands = await counter.CountAsync(async () =>
            {
                await using var db = app.Database.NewContext();
                report = await ComplianceQueries.ReportAsync(db, top.Id, Period.TryParse("2025")!.Value);
            });
            Assert.Equal(branches * 12, report!.Root.SubtreeByKind[MeetingKind.ThemePartyDay].Met);
            counts.Add(commands.Count);
        }
        Assert.Equal(counts[0], counts[1]);
        Assert.True(counts[1] <= 7, $"{counts[1]} statements");
    }
}
