using System.Net;
using Bastion.Identity;
using Bastion.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Bastion.IntegrationTests.Members;

/// <summary>The secretary's pages: register, edit and import members, errors beside the fields, 404 outside the subtree.</summary>
public sealed class MemberPagesTests(BastionAppFixture app) : IClassFixture<BastionAppFixture>
{
    private BastionFactory Factory => app.Factory;

    private async Task<(MembersTree Tree, HttpClient Browser)> SignedInSecretaryAsync()
    {
        var tree = await MembersTree.BuildAsync(app.Database);
        var browser = await Factory.SignInAsync(await Factory.CreateUserAsync(BastionRoles.BranchSecretary, tree.A.Id));
        return (tree, browser);
    }

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient browser, string url, params (string Name, string Value)[] fields)
    {
        var token = await BastionFactory.AntiforgeryTokenAsync(browser, url);
        return await browser.PostAsync(url, BastionFactory.Form([.. fields, (BastionFactory.AntiforgeryField, token)]));
    }

    private static (string, string)[] Fields(string name, string residentId) =>
    [
        ("Form.Name", name), ("Form.ResidentId", residentId), ("Form.Ethnicity", "汉族"), ("Form.Education", "College"),
        ("Form.Occupation", "村医"), ("Form.Phone", "13700001234"), ("Form.Category", "Full"),
        ("Form.JoinedOn", "2012-07-01"), ("Form.FullOn", "2013-07-01"),
    ];

    [Fact]
    public async Task RosterPage_LinksToCreateAndImport()
    {
        var (tree, browser) = await SignedInSecretaryAsync();

        var html = await browser.GetStringAsync($"/Members?org={tree.A.Id}");

        Assert.Contains($"/Members/Create?org={tree.A.Id}", html, StringComparison.Ordinal);
        Assert.Contains($"/Members/Import?org={tree.A.Id}", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreatePage_WhenValid_SavesAndReturnsToRoster()
    {
        var (tree, browser) = await SignedInSecretaryAsync();

        using var response = await PostFormAsync(browser, $"/Members/Create?org={tree.A.Id}", Fields("赵敏", MembersTree.NewResidentId(Bastion.Members.Gender.Female)));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/Members?org={tree.A.Id}", response.Headers.Location?.OriginalString);
        await using var db = app.Database.NewContext();
        Assert.True(await db.Members.AnyAsync(m => m.OrganizationId == tree.A.Id && m.Name == "赵敏"));
    }

    [Fact]
    public async Task CreatePage_WhenCheckCharacterIsWrong_ShowsErrorBesideFieldAndSavesNothing()
    {
        var (tree, browser) = await SignedInSecretaryAsync();
        var valid = MembersTree.NewResidentId();
        var wrong = valid[..17] + (valid[17] == '0' ? '1' : '0');

        using var response = await PostFormAsync(browser, $"/Members/Create?org={tree.A.Id}", Fields("错号", wrong));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Matches("data-valmsg-for=\"Form.ResidentId\"[^>]*>[^<]*check character", html);
        Assert.Equal(0, await MembersTree.CountMembersAsync(app.Database, tree.A.Id));
    }

    [Fact]
    public async Task EditPage_WhenNameChanged_SavesAndKeepsResidentId()
    {
        var (tree, browser) = await SignedInSecretaryAsync();
        var (member, residentId) = await TestData.AddMemberAsync(app.Database, tree.A);

        var form = Fields("改名后", "").Select(f => f.Item1 == "Form.JoinedOn" ? (f.Item1, "1990-01-01") : f.Item1 == "Form.FullOn" ? (f.Item1, "1991-01-01") : f).ToArray();
        using var response = await PostFormAsync(browser, $"/Members/Edit/{member.Id}", form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = app.Database.NewContext();
        var stored = await db.Members.SingleAsync(m => m.Id == member.Id);
        Assert.Equal("改名后", stored.Name);
        Assert.Equal(TestData.Pii(app.Database).LookupHash(residentId), stored.ResidentIdHash);
    }

    [Theory]
    [InlineData("/Members/Create?org={B}")]
    [InlineData("/Members/Import?org={B}")]
    [InlineData("/Members/Edit/{MB}")]
    public async Task Pages_ForSiblingBranch_AreNotFound(string template)
    {
        var (tree, browser) = await SignedInSecretaryAsync();
        var (memberB, _) = await TestData.AddMemberAsync(app.Database, tree.B);

        using var response = await browser.GetAsync(template.Replace("{B}", tree.B.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{MB}", memberB.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task ImportPage_WhenARowIsBad_ShowsItInTableAndImportsNothing()
    {
        var (tree, browser) = await SignedInSecretaryAsync();
        var rows = RosterFile.ValidRows(10);
        rows[4]["类别"] = "党员";
        var url = $"/Members/Import?org={tree.A.Id}";
        var token = await BastionFactory.AntiforgeryTokenAsync(browser, url);
        using var content = RosterFile.Upload(RosterFile.Build(rows));
        content.Add(new StringContent(token), BastionFactory.AntiforgeryField);

        using var response = await browser.PostAsync(url, content);

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-testid=\"import-errors\"", html, StringComparison.Ordinal);
        Assert.Matches("<td>6</td><td[^>]*>类别</td>", html);
        Assert.Equal(0, await MembersTree.CountMembersAsync(app.Database, tree.A.Id));

        var errors = System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(html, "name=\"errors\" value=\"(?<v>[^\"]*)\"").Groups["v"].Value);
        using var download = await browser.PostAsync(url + "&handler=Errors", BastionFactory.Form(("errors", errors), (BastionFactory.AntiforgeryField, BastionFactory.AntiforgeryToken(html))));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        using var stream = new MemoryStream(await download.Content.ReadAsByteArrayAsync());
        var row = Assert.Single(MiniExcelLibs.MiniExcel.Query(stream, useHeaderRow: true).Cast<IDictionary<string, object?>>());
        Assert.Equal("类别", row["列 Column"]);
    }
}
