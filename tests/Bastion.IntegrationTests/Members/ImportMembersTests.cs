using System.Net;
using Bastion.Identity;
using Bastion.IntegrationTests.Infrastructure;
using Bastion.Members;
using MiniExcelLibs;

namespace Bastion.IntegrationTests.Members;

/// <summary>The roster import is all or nothing, and every bad row is reported with its row, column and reason.</summary>
public sealed class ImportMembersTests(BastionAppFixture app) : IClassFixture<BastionAppFixture>
{
    private BastionFactory Factory => app.Factory;

    private async Task<(MembersTree Tree, HttpClient SecretaryA)> SetUpAsync()
    {
        var tree = await MembersTree.BuildAsync(app.Database);
        var secretary = await Factory.CreateApiClientAsync(await Factory.CreateUserAsync(BastionRoles.BranchSecretary, tree.A.Id));
        return (tree, secretary);
    }

    private static async Task<List<(int Row, string Column, string Reason)>> RowErrorsAsync(HttpResponseMessage response)
    {
        var problem = await Http.ProblemAsync(response, HttpStatusCode.UnprocessableEntity);
        return problem.GetProperty("rowErrors").EnumerateArray()
            .Select(e => (e.GetProperty("row").GetInt32(), e.GetProperty("column").GetString()!, e.GetProperty("reason").GetString()!)).ToList();
    }

    [Fact]
    public async Task Import_WhenOneOf200RowsIsBad_ImportsNothingAndReportsThatRow()
    {
        var (tree, secretary) = await SetUpAsync();
        var rows = RosterFile.ValidRows(200);
        var id = (string)rows[56]["公民身份号码"]!;
        rows[56]["公民身份号码"] = id[..17] + (id[17] == '0' ? '1' : '0');

        using var response = await secretary.PostAsync($"/api/v1/organizations/{tree.A.Id}/members/import", RosterFile.Upload(RosterFile.Build(rows)));

        var errors = await RowErrorsAsync(response);
        var error = Assert.Single(errors);
        Assert.Equal(58, error.Row); // header is row 1, so the 57th data row is sheet row 58
        Assert.Equal("公民身份号码", error.Column);
        Assert.Equal(0, await MembersTree.CountMembersAsync(app.Database, tree.A.Id));
    }

    [Fact]
    public async Task Import_When200RowsAreValid_ImportsAll()
    {
        var (tree, secretary) = await SetUpAsync();

        using var response = await secretary.PostAsync($"/api/v1/organizations/{tree.A.Id}/members/import", RosterFile.Upload(RosterFile.Build(RosterFile.ValidRows(200))));

        var result = await Http.JsonAsync(response);
        Assert.Equal(200, result.GetProperty("imported").GetInt32());
        Assert.Equal(200, await MembersTree.CountMembersAsync(app.Database, tree.A.Id));
    }

    [Fact]
    public async Task Import_WhenNumbersRepeatInFileOrExistElsewhere_ReportsEachAndImportsNothing()
    {
        var (tree, secretary) = await SetUpAsync();
        var (_, takenInB) = await TestData.AddMemberAsync(app.Database, tree.B);
        var rows = RosterFile.ValidRows(5);
        rows[3]["公民身份号码"] = rows[1]["公民身份号码"];
        rows[4]["公民身份号码"] = takenInB;
        rows[0]["入党时间"] = "不知道";
        rows[2]["类别"] = "预备党员"; // still has 转正时间

        using var response = await secretary.PostAsync($"/api/v1/organizations/{tree.A.Id}/members/import", RosterFile.Upload(RosterFile.Build(rows)));

        var errors = await RowErrorsAsync(response);
        Assert.Contains(errors, e => e.Row == 2 && e.Column == "入党时间");
        Assert.Contains(errors, e => e.Row == 4 && e.Column == "转正时间");
        Assert.Contains(errors, e => e.Row == 5 && e.Column == "公民身份号码" && e.Reason.Contains("row 3", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Row == 6 && e.Column == "公民身份号码" && e.Reason.Contains("already registered", StringComparison.Ordinal));
        Assert.Equal(0, await MembersTree.CountMembersAsync(app.Database, tree.A.Id));
    }

    [Fact]
    public async Task Import_WhenFileIsNotXlsx_IsRefusedOnFile()
    {
        var (tree, secretary) = await SetUpAsync();

        using var response = await secretary.PostAsync($"/api/v1/organizations/{tree.A.Id}/members/import", RosterFile.Upload("姓名,性别\n"u8.ToArray(), "roster.csv"));

        var problem = await Http.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("File", out _));
    }

    [Fact]
    public async Task Import_WhenFileIsLargerThan10MB_IsRefusedOnFile()
    {
        var (tree, secretary) = await SetUpAsync();

        using var response = await secretary.PostAsync($"/api/v1/organizations/{tree.A.Id}/members/import", RosterFile.Upload(new byte[11 * 1024 * 1024]));

        var problem = await Http.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("10 MB", problem.GetProperty("errors").GetProperty("File")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_WhenFileIsNotAWorkbook_IsRefusedOnFile()
    {
        var (tree, secretary) = await SetUpAsync();

        using var response = await secretary.PostAsync($"/api/v1/organizations/{tree.A.Id}/members/import", RosterFile.Upload("not a zip"u8.ToArray()));

        var problem = await Http.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("File", out _));
    }

    [Fact]
    public async Task Import_WhenBranchIsOutOfScope_IsNotFound()
    {
        var (tree, secretary) = await SetUpAsync();

        using var response = await secretary.PostAsync($"/api/v1/organizations/{tree.B.Id}/members/import", RosterFile.Upload(RosterFile.Build(RosterFile.ValidRows(2))));

        await Http.ProblemAsync(response, HttpStatusCode.NotFound);
        Assert.Equal(0, await MembersTree.CountMembersAsync(app.Database, tree.B.Id));
    }

    [Fact]
    public async Task Template_HasTheChineseHeadersInOrder()
    {
        var (_, secretary) = await SetUpAsync();

        using var response = await secretary.GetAsync("/api/v1/members/template.xlsx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var header = ((IDictionary<string, object?>)stream.Query().First()).Values.Select(v => v?.ToString()).ToList();
        Assert.Equal(["姓名", "性别", "公民身份号码", "民族", "出生日期", "学历", "职业", "手机号码", "入党时间", "转正时间", "类别"], header);
    }

    [Fact]
    public async Task Export_MasksResidentIdAndPhone()
    {
        var (tree, secretary) = await SetUpAsync();
        var rows = RosterFile.ValidRows(3, "导出");
        await Http.JsonAsync(await secretary.PostAsync($"/api/v1/organizations/{tree.A.Id}/members/import", RosterFile.Upload(RosterFile.Build(rows))));

        using var response = await secretary.GetAsync($"/api/v1/organizations/{tree.A.Id}/members/export.xlsx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var exported = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(3, exported.Count);
        Assert.Equal(rows.Select(r => ResidentId.Mask((string)r["公民身份号码"]!)).Order(), exported.Select(r => (string)r["公民身份号码"]!).Order());
        Assert.All(exported, r => Assert.Equal("139****1111", r["手机号码"]));
    }
}
