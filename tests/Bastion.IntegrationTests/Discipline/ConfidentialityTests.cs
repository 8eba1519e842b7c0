using System.Net;
using Bastion.Audit;
using Bastion.Discipline;
using Bastion.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Bastion.IntegrationTests.Discipline;

/// <summary>
/// Issue 9 acceptance: the secretary of the organization concerned, a member of it, an organization-department user and
/// a system administrator cannot read a report by page, API or export, and its content never reaches them; discipline
/// staff at the receiving level (or above) can, and every read leaves an audit event.
/// </summary>
public sealed class ConfidentialityTests(BastionAppFixture app) : IClassFixture<BastionAppFixture>
{
    private BastionFactory Factory => app.Factory;

    private static string Secret() => "机密内容" + Guid.NewGuid().ToString("N")[..10];

    public static TheoryData<string> Outsiders => new() { "secretary", "member", "orgdept", "admin" };

    private static TestUser Pick(DisciplineTree t, string who) => who switch
    {
        "secretary" => t.BranchSecretary,
        "member" => t.BranchMemberUser,
        "orgdept" => t.OrgDepartment,
        _ => t.Admin,
    };

    [Theory]
    [MemberData(nameof(Outsiders))]
    public async Task Outsider_CannotReadTheReport_ByApiPageOrExport(string who)
    {
        var t = await DisciplineTestData.BuildAsync(Factory);
        var account = Secret();
        var filed = await DisciplineTestData.FileAsync(Factory, t.Branch.Id, account, t.Secretary.Name);
        var user = Pick(t, who);

        using var api = await Factory.CreateApiClientAsync(user);
        foreach (var url in new[] { $"/api/v1/discipline/reports/{filed.Id}", "/api/v1/discipline/reports", "/api/v1/discipline/reports/export", $"/api/v1/discipline/reports/{filed.Id}/reporter" })
        {
            using var response = await api.GetAsync(url);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.DoesNotContain(account, await response.Content.ReadAsStringAsync());
        }
        using var accept = await api.PostAsync($"/api/v1/discipline/reports/{filed.Id}/accept", null);
        Assert.Equal(HttpStatusCode.Forbidden, accept.StatusCode);

        var browser = await Factory.SignInAsync(user);
        foreach (var page in new[] { $"/Discipline/Details/{filed.Id}", "/Discipline", "/Discipline?handler=Export" })
        {
            using var response = await browser.GetAsync(page);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/StatusCode/403", response.Headers.Location!.OriginalString);
            Assert.DoesNotContain(account, await response.Content.ReadAsStringAsync());
        }
        // Counts are open to them, without content and without the open report.
        using var stats = await api.GetAsync($"/api/v1/discipline/statistics/{t.Branch.Id}");
        var text = await stats.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, stats.StatusCode);
        Assert.DoesNotContain(account, text);
        Assert.Equal(0, (await Http.JsonAsync(stats)).GetProperty("total").GetInt32());

        await using var db = app.Database.NewContext();
        Assert.False(await db.AuditEvents.AnyAsync(e => e.Entity == DisciplineAudit.Entity && e.EntityId == filed.Id.ToString() && e.Action == DisciplineAudit.Read));
    }

    [Fact]
    public async Task DisciplineStaffOfTheConcernedLevelOrBeside_GetNotFound()
    {
        var t = await DisciplineTestData.BuildAsync(Factory);
        var account = Secret();
        // About the township: it is received at the county, so the township's own discipline staff never see it.
        var filed = await DisciplineTestData.FileAsync(Factory, t.Township.Id, account);
        foreach (var user in new[] { t.TownshipDiscipline, t.OtherTownshipDiscipline })
        {
            using var api = await Factory.CreateApiClientAsync(user);
            using var response = await api.GetAsync($"/api/v1/discipline/reports/{filed.Id}");
            await Http.ProblemAsync(response, HttpStatusCode.NotFound);
            using var export = await api.GetAsync("/api/v1/discipline/reports/export");
            Assert.Equal(HttpStatusCode.OK, export.StatusCode);
            Assert.DoesNotContain(filed.TrackingCode, await ExportTextAsync(export));
            var list = await Http.GetJsonAsync(api, "/api/v1/discipline/reports");
            Assert.DoesNotContain(list.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetInt64() == filed.Id);
            var browser = await Factory.SignInAsync(user);
            using var page = await browser.GetAsync($"/Discipline/Details/{filed.Id}");
            Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
            Assert.DoesNotContain(account, await page.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task ReadingAsDisciplineStaff_ByApiPageAndExport_WritesAuditEvents()
    {
        var t = await DisciplineTestData.BuildAsync(Factory);
        var account = Secret();
        var filed = await DisciplineTestData.FileAsync(Factory, t.Branch.Id, account, t.Secretary.Name);
        var id = filed.Id.ToString();

        using var api = await Factory.CreateApiClientAsync(t.TownshipDiscipline);
        var view = await Http.GetJsonAsync(api, $"/api/v1/discipline/reports/{filed.Id}");
        Assert.Equal(account, view.GetProperty("account").GetString());
        var browser = await Factory.SignInAsync(t.CountyDiscipline);
        using var page = await browser.GetAsync($"/Discipline/Details/{filed.Id}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains(account, await page.Content.ReadAsStringAsync());
        using var export = await api.GetAsync("/api/v1/discipline/reports/export");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Contains(account, await ExportTextAsync(export));

        await using var db = app.Database.NewContext();
        var reads = await db.AuditEvents.Where(e => e.Entity == DisciplineAudit.Entity && e.EntityId == id && e.Action == DisciplineAudit.Read).ToListAsync();
        Assert.Contains(reads, e => e.Actor.StartsWith(t.TownshipDiscipline.UserName + "#", StringComparison.Ordinal) && e.Changes.Contains("api"));
        Assert.Contains(reads, e => e.Actor.StartsWith(t.CountyDiscipline.UserName + "#", StringComparison.Ordinal) && e.Changes.Contains("page"));
        var exports = await db.AuditEvents.Where(e => e.Entity == DisciplineAudit.Entity && e.Action == DisciplineAudit.Export && e.Actor.StartsWith(t.TownshipDiscipline.UserName + "#")).ToListAsync();
        Assert.Contains(exports, e => e.Changes.Contains(id));
        // The log records who read what, never the content.
        Assert.False(await db.AuditEvents.AnyAsync(e => e.Changes.Contains(account)));
        Assert.True((await VerifyAuditChain.RunAsync(db)).Intact);
    }

    [Fact]
    public async Task Evidence_IsServedOnlyToDisciplineStaff_AndEveryDownloadIsAudited()
    {
        var t = await DisciplineTestData.BuildAsync(Factory);
        var person = "某干部" + Guid.NewGuid().ToString("N")[..6];
        using var filed = await DisciplineTestData.PostFormAsync(Factory.CreateBrowser(), "/public/reports/new",
        [
            ("Category", "Extravagance"), ("OrganizationId", t.Branch.Id.ToString()), ("PersonName", person), ("Account", Secret()), ("Named", "false"),
        ], ("receipt.pdf", DisciplineTestData.Pdf));
        Assert.Equal(HttpStatusCode.OK, filed.StatusCode);
        long id, fileId;
        await using (var db = app.Database.NewContext())
        {
            id = await db.Set<MisconductReport>().IgnoreQueryFilters().Where(r => r.ConcernedPersonName == person).Select(r => r.Id).SingleAsync();
            fileId = await db.Set<Bastion.Attachments.Attachment>().IgnoreQueryFilters().Where(a => a.OwnerType == SubmitMisconductReport.EvidenceOwnerType && a.OwnerId == id).Select(a => a.Id).SingleAsync();
        }
        var url = $"/api/v1/discipline/reports/{id}/evidence/{fileId}";
        using (var outsider = await Factory.CreateApiClientAsync(t.OrgDepartment))
            Assert.Equal(HttpStatusCode.Forbidden, (await outsider.GetAsync(url)).StatusCode);
        using (var beside = await Factory.CreateApiClientAsync(t.OtherTownshipDiscipline))
            await Http.ProblemAsync(await beside.GetAsync(url), HttpStatusCode.NotFound);
        using var staff = await Factory.CreateApiClientAsync(t.TownshipDiscipline);
        using var download = await staff.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(DisciplineTestData.Pdf, await download.Content.ReadAsByteArrayAsync());
        var browser = await Factory.SignInAsync(t.TownshipDiscipline);
        using var page = await browser.GetAsync($"/Discipline/Details/{id}?handler=Evidence&file={fileId}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        await using var check = app.Database.NewContext();
        Assert.Equal(2, await check.AuditEvents.CountAsync(e => e.Entity == DisciplineAudit.Entity && e.EntityId == id.ToString() && e.Action == DisciplineAudit.ReadEvidence));
    }

    [Fact]
    public async Task ListEndpoint_RunsAFixedNumberOfStatements()
    {
        var t = await DisciplineTestData.BuildAsync(Factory);
        for (var i = 0; i < 3; i++) await DisciplineTestData.FileAsync(Factory, t.Branch.Id, Secret());
        var few = await CountListStatementsAsync();
        for (var i = 0; i < 5; i++) await DisciplineTestData.FileAsync(Factory, t.Branch.Id, Secret());
        Assert.Equal(few, await CountListStatementsAsync());
    }

    private async Task<int> CountListStatementsAsync()
    {
        var counter = new Coverage.StatementCounter();
        await using var counting = Coverage.StructureTestData.CountingContext(app.Database, counter);
        var page = await MisconductQueries.ListAsync(counting, new MisconductFilter(), 1);
        Assert.NotEmpty(page.Items);
        return counter.Count;
    }

    private static async Task<string> ExportTextAsync(HttpResponseMessage response)
    {
        var bytes = await response.Content.ReadAsByteArrayAsync();
        using var stream = new MemoryStream(bytes);
        var rows = MiniExcelLibs.MiniExcel.Query(stream).Cast<IDictionary<string, object?>>();
        return string.Join("\n", rows.Select(r => string.Join("|", r.Values)));
    }
}
