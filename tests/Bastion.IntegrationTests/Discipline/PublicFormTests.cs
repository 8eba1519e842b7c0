using System.Net;
using Bastion.Discipline;
using Bastion.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Bastion.IntegrationTests.Discipline;

/// <summary>The public report page on bad input: the message beside the field, everything typed kept, nothing saved.</summary>
public sealed class PublicFormTests(BastionAppFixture app) : IClassFixture<BastionAppFixture>
{
    private const string Page = "/public/reports/new";
    private BastionFactory Factory => app.Factory;

    private static (string, string)[] Fields(DisciplineTree t, string account, string person, string website = "") =>
    [
        ("Category", "BurdenOnTheGrassroots"), ("OrganizationId", t.Branch.Id.ToString()), ("PersonName", person),
        ("Account", account), ("HappenedWhen", "上个月"), ("Named", "true"), ("ReporterName", "张三"), ("ReporterContact", "13900002222"), ("Website", website),
    ];

    private async Task<int> CountAsync(string person)
    {
        await using var db = app.Database.NewContext();
        return await db.Set<MisconductReport>().IgnoreQueryFilters().CountAsync(r => r.ConcernedPersonName == person);
    }

    [Fact]
    public async Task EmptyAccount_IsRefusedBesideTheField_AndTheFormKeepsWhatWasTyped()
    {
        var t = await DisciplineTestData.BuildAsync(Factory);
        var person = "某干部" + Guid.NewGuid().ToString("N")[..6];
        using var response = await DisciplineTestData.PostFormAsync(Factory.CreateBrowser(), Page, Fields(t, "   ", person));
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("data-testid=\"account-error\"", html);
        Assert.Contains("请写明反映的问题", html);
        Assert.Contains($"value=\"{person}\"", html);
        Assert.Contains("value=\"上个月\"", html);
        Assert.Contains("value=\"13900002222\"", html);
        Assert.Matches($"<option value=\"{t.Branch.Id}\" selected", html);
        Assert.Matches("<option value=\"BurdenOnTheGrassroots\" selected", html);
        Assert.Matches("id=\"Named-true\" value=\"true\" checked", html);
        Assert.DoesNotContain("data-testid=\"receipt\"", html);
        Assert.Equal(0, await CountAsync(person));
    }

    [Fact]
    public async Task OversizeUpload_IsRefusedBesideTheField_AndNothingIsSaved()
    {
        var t = await DisciplineTestData.BuildAsync(Factory);
        var person = "某干部" + Guid.NewGuid().ToString("N")[..6];
        var big = new byte[11 * 1024 * 1024];
        DisciplineTestData.Pdf.CopyTo(big, 0);
        using var response = await DisciplineTestData.PostFormAsync(Factory.CreateBrowser(), Page, Fields(t, "文件太大的举报", person), ("big.pdf", big));
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("data-testid=\"evidence-error\"", html);
        Assert.Contains("big.pdf: the file is larger than 10 MB.", html);
        Assert.Contains("文件太大的举报", html);
        Assert.Contains($"value=\"{person}\"", html);
        Assert.Equal(0, await CountAsync(person));

        using var notEvidence = await DisciplineTestData.PostFormAsync(Factory.CreateBrowser(), Page, Fields(t, "不是证据文件", person), ("a.exe", "MZ\x90\0"u8.ToArray()));
        Assert.Equal(HttpStatusCode.BadRequest, notEvidence.StatusCode);
        Assert.Contains("a.exe: only pictures", await notEvidence.Content.ReadAsStringAsync());
        Assert.Equal(0, await CountAsync(person));
    }

    [Fact]
    public async Task Honeypot_IsRefused_AndNothingIsSaved()
    {
        var t = await DisciplineTestData.BuildAsync(Factory);
        var person = "某干部" + Guid.NewGuid().ToString("N")[..6];
        using var response = await DisciplineTestData.PostFormAsync(Factory.CreateBrowser(), Page, Fields(t, "机器人填写", person, website: "http://spam.example"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("data-testid=\"form-error\"", await response.Content.ReadAsStringAsync());
        Assert.Equal(0, await CountAsync(person));
    }

    [Fact]
    public async Task GoodReport_ShowsCodeAndSecretOnce_WithEvidence_AndLandsAboveTheBranch()
    {
        var t = await DisciplineTestData.BuildAsync(Factory);
        var person = "某干部" + Guid.NewGuid().ToString("N")[..6];
        using var response = await DisciplineTestData.PostFormAsync(Factory.CreateBrowser(), Page, Fields(t, "要求基层重复填报表格", person), ("proof.pdf", DisciplineTestData.Pdf));
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(response.Headers.Location);
        var code = DisciplineTestData.CodeIn(html);
        await using var db = app.Database.NewContext();
        var report = await db.Set<MisconductReport>().IgnoreQueryFilters().SingleAsync(r => r.ConcernedPersonName == person);
        Assert.Equal(Bastion.Requests.TrackingCode.Display(report.TrackingCode), code);
        Assert.Equal(t.Township.Id, report.OrganizationId);
        Assert.True(await db.Set<Bastion.Attachments.Attachment>().IgnoreQueryFilters().AnyAsync(a => a.OwnerType == SubmitMisconductReport.EvidenceOwnerType && a.OwnerId == report.Id && a.ContentType == "application/pdf"));
    }
}
