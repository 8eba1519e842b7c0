using System.Net;
using System.Net.Http.Json;
using Bastion.IntegrationTests.Infrastructure;
using Bastion.Organizations;
using Bastion.Positions;
using Microsoft.EntityFrameworkCore;

namespace Bastion.IntegrationTests.Discipline;

/// <summary>Issue 9: a report goes above every organization concerned, never to the one it is about.</summary>
public sealed class RoutingTests(BastionAppFixture app) : IClassFixture<BastionAppFixture>
{
    private BastionFactory Factory => app.Factory;

    [Fact]
    public async Task ReportNamingBranchSecretary_LandsOneLevelAboveTheBranch()
    {
        var t = await DisciplineTestData.BuildAsync(Factory);
        var filed = await DisciplineTestData.FileAsync(Factory, t.Branch.Id, "村支书违规收受礼金。", t.Secretary.Name);
        var report = await DisciplineTestData.LoadAsync(app.Database, filed.Id);
        Assert.Equal(t.Township.Id, report.OrganizationId);
        Assert.Equal(t.Secretary.Id, report.ConcernedMemberId);
    }

    [Fact]
    public async Task ReportAboutCountyCommitteeMember_LandsAtTheCity()
    {
        var t = await DisciplineTestData.BuildAsync(Factory);
        var filed = await DisciplineTestData.FileAsync(Factory, t.County.Id, "县委委员公款吃喝。", t.CountyCommitteeMember.Name);
        Assert.Equal(t.City.Id, (await DisciplineTestData.LoadAsync(app.Database, filed.Id)).OrganizationId);
    }

    [Fact]
    public async Task ReportNamingSecretaryWhoAlsoSitsOnTheTownshipCommittee_GoesAboveTheTownship()
    {
        var t = await DisciplineTestData.BuildAsync(Factory);
        await DisciplineTestData.AppointAsync(app.Database, t.Township, t.Secretary, PositionRole.CommitteeMember);
        var filed = await DisciplineTestData.FileAsync(Factory, t.Branch.Id, "支书兼任镇党委委员，插手工程。", t.Secretary.Name);
        Assert.Equal(t.County.Id, (await DisciplineTestData.LoadAsync(app.Database, filed.Id)).OrganizationId);
    }

    [Fact]
    public async Task ReportAboutBranchWithoutPerson_LandsAtItsParent()
    {
        var t = await DisciplineTestData.BuildAsync(Factory);
        var filed = await DisciplineTestData.FileAsync(Factory, t.Branch.Id, "村务公开流于形式。");
        var report = await DisciplineTestData.LoadAsync(app.Database, filed.Id);
        Assert.Equal(t.Township.Id, report.OrganizationId);
        Assert.Null(report.ConcernedMemberId);
    }

    [Fact]
    public async Task ReportAboutTheRoot_IsRefusedNamingTheRule_AndNothingIsSaved()
    {
        var t = await DisciplineTestData.BuildAsync(Factory);
        using var client = Factory.CreateClient();
        var account = "市委的问题" + Guid.NewGuid().ToString("N")[..6];
        using var response = await client.PostAsJsonAsync("/api/v1/discipline/public/reports", new { category = "Formalism", organizationId = t.City.Id, account });
        var problem = await Http.ProblemAsync(response, HttpStatusCode.Conflict);
        Assert.Equal("Discipline.ReportNeedsALevelAbove", problem.GetProperty("rule").GetString());
        await using var db = app.Database.NewContext();
        Assert.False(db.Set<Bastion.Discipline.MisconductReport>().IgnoreQueryFilters().Any(r => r.Account == account));
    }

    [Fact]
    public async Task MissingCategoryAndAccount_Answer400WithTheFields()
    {
        var t = await DisciplineTestData.BuildAsync(Factory);
        using var client = Factory.CreateClient();
        using var response = await client.PostAsJsonAsync("/api/v1/discipline/public/reports", new { organizationId = t.Branch.Id, account = "  " });
        var problem = await Http.ProblemAsync(response, HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("Category", out _));
        Assert.True(errors.TryGetProperty("Account", out _));
    }
}
