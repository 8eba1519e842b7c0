using System.Diagnostics;
using Bastion.Identity;
using Bastion.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace Bastion.IntegrationTests.Members;

/// <summary>A city-sized branch roster: 10,000 rows in one request, one transaction (the time is printed, not asserted).</summary>
public sealed class LargeImportTests(BastionAppFixture app, ITestOutputHelper output) : IClassFixture<BastionAppFixture>
{
    [Fact]
    public async Task Import_When10000RowsAreValid_ImportsAll()
    {
        var tree = await MembersTree.BuildAsync(app.Database);
        var secretary = await app.Factory.CreateApiClientAsync(await app.Factory.CreateUserAsync(BastionRoles.BranchSecretary, tree.A.Id));
        var file = RosterFile.Build(RosterFile.ValidRows(10_000, "万人"));
        secretary.Timeout = TimeSpan.FromMinutes(5);

        var clock = Stopwatch.StartNew();
        using var response = await secretary.PostAsync($"/api/v1/organizations/{tree.A.Id}/members/import", RosterFile.Upload(file));
        clock.Stop();

        var result = await Http.JsonAsync(response);
        Assert.Equal(10_000, result.GetProperty("imported").GetInt32());
        Assert.Equal(10_000, await MembersTree.CountMembersAsync(app.Database, tree.A.Id));
        output.WriteLine($"Imported 10,000 rows ({file.Length / 1024} KiB) on {TestDatabase.Provider} in {clock.Elapsed.TotalSeconds:0.00} s.");
    }

    [Fact]
    public async Task Import_When10000RowsHaveOneBad_ImportsNothingAndReportsThatRow()
    {
        var tree = await MembersTree.BuildAsync(app.Database);
        var secretary = await app.Factory.CreateApiClientAsync(await app.Factory.CreateUserAsync(BastionRoles.BranchSecretary, tree.A.Id));
        var rows = RosterFile.ValidRows(10_000, "万人错");
        rows[9_876]["出生日期"] = "1960-01-01"; // disagrees with the number
        secretary.Timeout = TimeSpan.FromMinutes(5);

        var clock = Stopwatch.StartNew();
        using var response = await secretary.PostAsync($"/api/v1/organizations/{tree.A.Id}/members/import", RosterFile.Upload(RosterFile.Build(rows)));
        clock.Stop();

        var problem = await Http.ProblemAsync(response, System.Net.HttpStatusCode.UnprocessableEntity);
        var error = Assert.Single(problem.GetProperty("rowErrors").EnumerateArray());
        Assert.Equal(9_878, error.GetProperty("row").GetInt32());
        Assert.Equal("出生日期", error.GetProperty("column").GetString());
        Assert.Equal(0, await MembersTree.CountMembersAsync(app.Database, tree.A.Id));
        output.WriteLine($"Checked 10,000 rows with one bad on {TestDatabase.Provider} in {clock.Elapsed.TotalSeconds:0.00} s.");
    }
}
