using System.Globalization;
using System.Net;
using System.Text.Json;
using Bastion.Dues;
using Bastion.Identity;
using Bastion.IntegrationTests.Infrastructure;
using Bastion.Members;
using Bastion.Organizations;
using Bastion.Shared;
using Microsoft.EntityFrameworkCore;

namespace Bastion.IntegrationTests.Dues;

/// <summary>Recording dues (one month, a quarter, back-payment limits) and the arrears report, through the API and the /Dues page.</summary>
public sealed class DuesPaymentTests(BastionAppFixture app) : IClassFixture<BastionAppFixture>
{
    private BastionFactory Factory => app.Factory;

    /// <summary>The month the host considers current (it runs on the system clock).</summary>
    private static DateOnly ThisMonth => DuesMonths.MonthOf(Clock.Today(TimeProvider.System));

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Committee ─┬─ branch A (secretary, members) └─ branch B (a member).</summary>
    private async Task<(Organization A, Organization B, TestUser SecretaryA)> TreeAsync()
    {
        var root = await TestData.AddRootAsync(app.Database);
        var a = await TestData.AddOrganizationAsync(app.Database, root, OrganizationKind.Branch);
        var b = await TestData.AddOrganizationAsync(app.Database, root, OrganizationKind.Branch);
        return (a, b, await Factory.CreateUserAsync(BastionRoles.BranchSecretary, a.Id));
    }

    private static Task<HttpResponseMessage> PayAsync(HttpClient client, long memberId, DateOnly first, int count = 1, decimal? amount = 10m) =>
        Http.PostJsonAsync(client, "/api/v1/dues/payments", new { memberId, firstMonth = Iso(first), monthCount = count, monthlyAmount = amount });

    /// <summary>Payments written straight to the database, for history older than the back-payment limit allows.</summary>
    private async Task SeedPaymentsAsync(Member member, params DateOnly[] months)
    {
        await using var db = app.Database.NewContext();
        db.Set<DuesPayment>().AddRange(months.Select(m => new DuesPayment
        {
            MemberId = member.Id, OrganizationId = member.OrganizationId, RegionId = member.RegionId, Month = m, Amount = 10m,
            PaidOn = m, RecordedBy = "test", RecordedAt = Clock.UtcNow(TimeProvider.System),
        }));
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task RecordPayment_ForAQuarter_StoresThreeMonths()
    {
        var (a, _, secretary) = await TreeAsync();
        var (member, _) = await TestData.AddMemberAsync(app.Database, a);
        using var client = await Factory.CreateApiClientAsync(secretary);

        using var response = await PayAsync(client, member.Id, ThisMonth.AddMonths(-2), 3, 37.5m);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        await using var db = app.Database.NewContext();
        var stored = await db.Set<DuesPayment>().Where(p => p.MemberId == member.Id).OrderBy(p => p.Month).ToListAsync();
        Assert.Equal([ThisMonth.AddMonths(-2), ThisMonth.AddMonths(-1), ThisMonth], stored.Select(p => p.Month));
        Assert.All(stored, p => Assert.Equal((37.5m, a.Id), (p.Amount, p.OrganizationId)));
        Assert.All(stored, p => Assert.StartsWith(secretary.UserName, p.RecordedBy, StringComparison.Ordinal));
    }

    [Fact]
    public async Task RecordPayment_WhenAMonthIsAlreadyPaid_IsConflictNamingTheRule()
    {
        var (a, _, secretary) = await TreeAsync();
        var (member, _) = await TestData.AddMemberAsync(app.Database, a);
        using var client = await Factory.CreateApiClientAsync(secretary);
        (await PayAsync(client, member.Id, ThisMonth)).Dispose();

        using var response = await PayAsync(client, member.Id, ThisMonth.AddMonths(-1), 3);

        var problem = await Http.ProblemAsync(response, HttpStatusCode.Conflict);
        Assert.Equal("Dues.MonthAlreadyPaid", problem.GetProperty("rule").GetString());
        await using var db = app.Database.NewContext();
        Assert.Equal(1, await db.Set<DuesPayment>().CountAsync(p => p.MemberId == member.Id));
    }

    [Fact]
    public async Task RecordPayment_SixMonthsBack_IsAllowed_SevenIsBackPaymentLimit()
    {
        var (a, _, secretary) = await TreeAsync();
        var (member, _) = await TestData.AddMemberAsync(app.Database, a);
        using var client = await Factory.CreateApiClientAsync(secretary);

        using var seven = await PayAsync(client, member.Id, ThisMonth.AddMonths(-7), 2);
        using var six = await PayAsync(client, member.Id, ThisMonth.AddMonths(-6));

        var problem = await Http.ProblemAsync(seven, HttpStatusCode.Conflict);
        Assert.Equal("Dues.BackPaymentLimit", problem.GetProperty("rule").GetString());
        Assert.Equal(HttpStatusCode.Created, six.StatusCode);
    }

    [Fact]
    public async Task RecordPayment_WhenInputInvalid_IsBadRequestNamingFields()
    {
        var (a, _, secretary) = await TreeAsync();
        var (member, _) = await TestData.AddMemberAsync(app.Database, a);
        using var client = await Factory.CreateApiClientAsync(secretary);

        using var response = await Http.PostJsonAsync(client, "/api/v1/dues/payments", new { memberId = member.Id, monthCount = 13, monthlyAmount = -1 });

        var errors = (await Http.ProblemAsync(response, HttpStatusCode.BadRequest)).GetProperty("errors");
        foreach (var field in new[] { "FirstMonth", "MonthCount", "MonthlyAmount" })
            Assert.True(errors.TryGetProperty(field, out _), errors.ToString());
    }

    [Fact]
    public async Task RecordPayment_WithoutAmount_UsesTheDeclaredBase()
    {
        var (a, _, secretary) = await TreeAsync();
        var (member, _) = await TestData.AddMemberAsync(app.Database, a);
        using var client = await Factory.CreateApiClientAsync(secretary);
        using var declared = await Http.PutJsonAsync(client, $"/api/v1/dues/members/{member.Id}/base", new { category = "employed", @base = 6000m });
        Assert.Equal(90m, (await Http.JsonAsync(declared)).GetProperty("monthlyAmount").GetDecimal());

        using var response = await PayAsync(client, member.Id, ThisMonth, amount: null);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var status = await Http.GetJsonAsync(client, $"/api/v1/dues/members/{member.Id}");
        Assert.Equal(90m, status.GetProperty("payments")[0].GetProperty("amount").GetDecimal());
        Assert.Equal("employed", status.GetProperty("declaredBase").GetProperty("category").GetString());
    }

    [Fact]
    public async Task RecordPayment_WithoutAmountOrDeclaredBase_IsBadRequestOnAmount()
    {
        var (a, _, secretary) = await TreeAsync();
        var (member, _) = await TestData.AddMemberAsync(app.Database, a);
        using var client = await Factory.CreateApiClientAsync(secretary);

        using var response = await PayAsync(client, member.Id, ThisMonth, amount: null);

        var problem = await Http.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("MonthlyAmount", out _));
    }

    [Fact]
    public async Task DuesOfSiblingBranch_BySecretaryOfBranch_AreNotFound()
    {
        var (_, b, secretaryA) = await TreeAsync();
        var (memberB, _) = await TestData.AddMemberAsync(app.Database, b);
        using var client = await Factory.CreateApiClientAsync(secretaryA);

        using var pay = await PayAsync(client, memberB.Id, ThisMonth);
        using var arrears = await client.GetAsync($"/api/v1/dues/arrears?organizationId={b.Id}");
        using var status = await client.GetAsync($"/api/v1/dues/members/{memberB.Id}");
        using var declare = await Http.PutJsonAsync(client, $"/api/v1/dues/members/{memberB.Id}/base", new { category = "student" });

        await Http.ProblemAsync(pay, HttpStatusCode.NotFound);
        await Http.ProblemAsync(arrears, HttpStatusCode.NotFound);
        await Http.ProblemAsync(status, HttpStatusCode.NotFound);
        await Http.ProblemAsync(declare, HttpStatusCode.NotFound);
        await using var db = app.Database.NewContext();
        Assert.False(await db.Set<DuesPayment>().AnyAsync(p => p.MemberId == memberB.Id));
    }

    [Fact]
    public async Task Arrears_ByMember_IsForbidden()
    {
        var (a, _, _) = await TreeAsync();
        var member = await Factory.CreateUserAsync(BastionRoles.Member, a.Id);
        using var client = await Factory.CreateApiClientAsync(member);

        using var response = await client.GetAsync("/api/v1/dues/arrears");

        await Http.ProblemAsync(response, HttpStatusCode.Forbidden);
    }

    /// <summary>
    /// In branch A: nobody paid (12 unpaid, lapse warning); paid every other month (6 unpaid, no warning); paid all 12
    /// (absent); paid all but the last 6 (6 in a row: warning). A member of branch B stays out of A's report.
    /// </summary>
    [Fact]
    public async Task Arrears_OfBranch_ListsUnpaidMonthsAndFlagsSixInARow()
    {
        var (a, b, secretary) = await TreeAsync();
        var window = Enumerable.Range(1, 12).Select(i => ThisMonth.AddMonths(-i)).OrderBy(m => m).ToArray();
        var (none, _) = await TestData.AddMemberAsync(app.Database, a, TestData.Unique("未交"));
        var (alternate, _) = await TestData.AddMemberAsync(app.Database, a, TestData.Unique("隔月"));
        var (all, _) = await TestData.AddMemberAsync(app.Database, a, TestData.Unique("全交"));
        var (lastSix, _) = await TestData.AddMemberAsync(app.Database, a, TestData.Unique("近半年未交"));
        var (other, _) = await TestData.AddMemberAsync(app.Database, b);
        await SeedPaymentsAsync(alternate, window.Where((_, i) => i % 2 == 0).ToArray());
        await SeedPaymentsAsync(all, window);
        await SeedPaymentsAsync(lastSix, window[..6]);
        using var client = await Factory.CreateApiClientAsync(secretary);

        var report = await Http.GetJsonAsync(client, "/api/v1/dues/arrears?pageSize=200");

        var rows = report.GetProperty("members").GetProperty("items").EnumerateArray()
            .ToDictionary(r => r.GetProperty("memberId").GetInt64());
        Assert.Equal([none.Id, alternate.Id, lastSix.Id], rows.Keys.Order().ToArray());
        Assert.Equal((12, true), Summary(rows[none.Id]));
        Assert.Equal((6, false), Summary(rows[alternate.Id]));
        Assert.Equal((6, true), Summary(rows[lastSix.Id]));
        Assert.Equal(Iso(window[0]), report.GetProperty("from").GetString());
        Assert.Equal(Iso(window[^1]), report.GetProperty("to").GetString());
        Assert.False(rows.ContainsKey(other.Id));
        Assert.True(rows[none.Id].GetProperty("lapseWarning").GetBoolean() && report.GetProperty("members").GetProperty("items")[0].GetProperty("lapseWarning").GetBoolean());

        static (int Unpaid, bool Lapse) Summary(JsonElement row) =>
            (row.GetProperty("unpaidMonths").GetArrayLength(), row.GetProperty("lapseWarning").GetBoolean());
    }

    [Fact]
    public async Task Arrears_WhenMemberAdmittedRecently_CountsFromAdmission()
    {
        var (a, _, secretary) = await TreeAsync();
        var (member, _) = await TestData.AddMemberAsync(app.Database, a);
        await using (var db = app.Database.NewContext())
        {
            var m = await db.Members.AsTracking().SingleAsync(x => x.Id == member.Id);
            m.Category = MemberCategory.Probationary;
            m.JoinedOn = ThisMonth.AddMonths(-3).AddDays(10);
            m.FullOn = null;
            await db.SaveChangesAsync();
        }
        using var client = await Factory.CreateApiClientAsync(secretary);

        var report = await Http.GetJsonAsync(client, "/api/v1/dues/arrears?pageSize=200");

        var row = report.GetProperty("members").GetProperty("items").EnumerateArray().Single(r => r.GetProperty("memberId").GetInt64() == member.Id);
        Assert.Equal(3, row.GetProperty("unpaidMonths").GetArrayLength());
        Assert.False(row.GetProperty("lapseWarning").GetBoolean());
    }

    [Fact]
    public async Task ArrearsPage_BySecretary_ListsMembersBehindWithWarning()
    {
        var (a, b, secretary) = await TreeAsync();
        var (member, _) = await TestData.AddMemberAsync(app.Database, a, TestData.Unique("欠缴党员"));
        using var browser = await Factory.SignInAsync(secretary);

        using var response = await browser.GetAsync("/Dues");
        using var outOfScope = await browser.GetAsync($"/Dues?org={b.Id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(member.Name, html, StringComparison.Ordinal);
        Assert.Contains($"data-member-id=\"{member.Id}\"", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"lapse-warning\"", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, outOfScope.StatusCode);
    }

    [Fact]
    public async Task RecordPage_WhenSecretaryRecordsAQuarter_RedirectsToArrearsAndStores()
    {
        var (a, _, secretary) = await TreeAsync();
        var (member, _) = await TestData.AddMemberAsync(app.Database, a);
        using var browser = await Factory.SignInAsync(secretary);
        var token = await BastionFactory.AntiforgeryTokenAsync(browser, $"/Dues/Record?org={a.Id}&member={member.Id}");

        using var response = await browser.PostAsync($"/Dues/Record?org={a.Id}", BastionFactory.Form(
            ("Member", member.Id.ToString(CultureInfo.InvariantCulture)), ("FirstMonth", ThisMonth.AddMonths(-2).ToString("yyyy-MM", CultureInfo.InvariantCulture)),
            ("MonthCount", "3"), ("MonthlyAmount", "12.5"), ("PaidOn", Iso(Clock.Today(TimeProvider.System))), (BastionFactory.AntiforgeryField, token)));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/Dues?org={a.Id}&recorded=3", response.Headers.Location?.ToString());
        await using var db = app.Database.NewContext();
        Assert.Equal(3, await db.Set<DuesPayment>().CountAsync(p => p.MemberId == member.Id && p.Amount == 12.5m));
    }

    [Fact]
    public async Task RecordPage_WhenTooFarBack_ShowsTheRuleAndStoresNothing()
    {
        var (a, _, secretary) = await TreeAsync();
        var (member, _) = await TestData.AddMemberAsync(app.Database, a);
        using var browser = await Factory.SignInAsync(secretary);
        var token = await BastionFactory.AntiforgeryTokenAsync(browser, $"/Dues/Record?org={a.Id}");

        using var response = await browser.PostAsync($"/Dues/Record?org={a.Id}", BastionFactory.Form(
            ("Member", member.Id.ToString(CultureInfo.InvariantCulture)), ("FirstMonth", ThisMonth.AddMonths(-8).ToString("yyyy-MM", CultureInfo.InvariantCulture)),
            ("MonthCount", "1"), ("MonthlyAmount", "abc"), (BastionFactory.AntiforgeryField, token)));
        using var rule = await browser.PostAsync($"/Dues/Record?org={a.Id}", BastionFactory.Form(
            ("Member", member.Id.ToString(CultureInfo.InvariantCulture)), ("FirstMonth", ThisMonth.AddMonths(-8).ToString("yyyy-MM", CultureInfo.InvariantCulture)),
            ("MonthCount", "1"), ("MonthlyAmount", "5"), (BastionFactory.AntiforgeryField, token)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("id=\"MonthlyAmount-error\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, rule.StatusCode);
        Assert.Contains("data-testid=\"rule-error\"", await rule.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var db = app.Database.NewContext();
        Assert.False(await db.Set<DuesPayment>().AnyAsync(p => p.MemberId == member.Id));
    }

    [Fact]
    public async Task RecordPage_ForSiblingBranch_IsNotFound()
    {
        var (_, b, secretary) = await TreeAsync();
        using var browser = await Factory.SignInAsync(secretary);

        using var response = await browser.GetAsync($"/Dues/Record?org={b.Id}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
