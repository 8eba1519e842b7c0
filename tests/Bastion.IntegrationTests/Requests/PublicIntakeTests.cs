using System.Net;
using Bastion.Identity;
using Bastion.IntegrationTests.Infrastructure;
using Bastion.Requests;
using Microsoft.EntityFrameworkCore;

namespace Bastion.IntegrationTests.Requests;

/// <summary>Issue 6 acceptance: bad input on the public page is refused or neutralized with a clear message; nothing is lost or saved.</summary>
public sealed class PublicIntakeTests(BastionAppFixture app) : IClassFixture<BastionAppFixture>
{
    private BastionFactory Factory => app.Factory;

    private static (string, string)[] Fields(RequestsTree t, string description, string address, string website = "") =>
    [
        ("CategoryCode", "environment"), ("Description", description), ("AddressText", address), ("GridId", t.Grid.Id.ToString()),
        ("Contact", "张先生 13700002222"), ("Website", website),
    ];

    private async Task<int> CountAsync(string address)
    {
        await using var db = app.Database.NewContext();
        return await db.Set<ServiceRequest>().CountAsync(r => r.AddressText == address);
    }

    [Fact]
    public async Task EmptyDescription_IsRefusedBesideTheField_AndTheFormKeepsWhatWasTyped()
    {
        var t = await RequestsTestData.BuildAsync(app.Database);
        var address = "和平街" + Guid.NewGuid().ToString("N")[..6];
        using var response = await RequestsTestData.PostPublicFormAsync(Factory.CreateBrowser(), Fields(t, "   ", address));
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("data-testid=\"description-error\"", html);
        Assert.Contains("请填写诉求内容", html);
        Assert.Contains($"value=\"{address}\"", html);
        Assert.Contains("张先生 13700002222", html);
        Assert.Matches($"<option value=\"{t.Grid.Id}\" selected", html);
        Assert.Equal(0, await CountAsync(address));
    }

    [Fact]
    public async Task TwentyMegabytePhoto_IsRefused_AndNothingIsSaved()
    {
        var t = await RequestsTestData.BuildAsync(app.Database);
        var address = "光明路" + Guid.NewGuid().ToString("N")[..6];
        var big = new byte[20 * 1024 * 1024];
        RequestsTestData.Png.CopyTo(big, 0);
        using var response = await RequestsTestData.PostPublicFormAsync(Factory.CreateBrowser(), Fields(t, "照片太大", address), ("big.png", big));
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("data-testid=\"photos-error\"", html);
        Assert.Contains("big.png: the photo is larger than 10 MB.", html);
        Assert.Contains("照片太大", html);
        Assert.Equal(0, await CountAsync(address));

        using var notAPicture = await RequestsTestData.PostPublicFormAsync(Factory.CreateBrowser(), Fields(t, "不是图片", address), ("a.png", "%PDF-1.7 fake"u8.ToArray()));
        Assert.Equal(HttpStatusCode.BadRequest, notAPicture.StatusCode);
        Assert.Contains("only JPEG, PNG or WebP pictures", await notAPicture.Content.ReadAsStringAsync());
        Assert.Equal(0, await CountAsync(address));
    }

    [Fact]
    public async Task ScriptInTheText_IsStoredAsText_AndShownEscapedOnTrackingAndStaffPages()
    {
        var t = await RequestsTestData.BuildAsync(app.Database);
        const string script = "<script>alert('x')</script><img src=x onerror=alert(1)>";
        using var submitted = await RequestsTestData.PostPublicFormAsync(Factory.CreateBrowser(), Fields(t, "路面积水" + script, "积水路" + script));
        var code = RequestsTestData.CodeFrom(submitted);

        var tracking = await Factory.CreateClient().GetStringAsync($"/public/requests/track?code={code}");
        var secretary = await Factory.SignInAsync(await Factory.CreateUserAsync(BastionRoles.BranchSecretary, t.Community.Id));
        long id;
        await using (var db = app.Database.NewContext())
            id = await db.Set<ServiceRequest>().Where(r => r.TrackingCode == code).Select(r => r.Id).SingleAsync();
        var staff = await secretary.GetStringAsync($"/Requests/Details/{id}");
        var queue = await secretary.GetStringAsync($"/Requests?org={t.Community.Id}");
        foreach (var html in new[] { tracking, staff, queue })
        {
            Assert.DoesNotContain("<script>alert", html);
            Assert.DoesNotContain("<img src=x", html);
            Assert.Contains("&lt;script&gt;alert", html);
        }
    }

    [Fact]
    public async Task Honeypot_Filled_IsRefused_AndNothingIsSaved()
    {
        var t = await RequestsTestData.BuildAsync(app.Database);
        var address = "机器人路" + Guid.NewGuid().ToString("N")[..6];
        using var response = await RequestsTestData.PostPublicFormAsync(Factory.CreateBrowser(), Fields(t, "广告", address, website: "http://spam.example"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("data-testid=\"form-error\"", await response.Content.ReadAsStringAsync());
        Assert.Equal(0, await CountAsync(address));
    }

    [Fact]
    public async Task NoGridAndNoOrganization_IsRefused_AndUnknownTrackingCodeIs404()
    {
        var t = await RequestsTestData.BuildAsync(app.Database);
        var address = "无网格路" + Guid.NewGuid().ToString("N")[..6];
        var fields = Fields(t, "没有选网格", address).Where(f => f.Item1 != "GridId").ToArray();
        using var response = await RequestsTestData.PostPublicFormAsync(Factory.CreateBrowser(), fields);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("请选择所在网格", await response.Content.ReadAsStringAsync());
        Assert.Equal(0, await CountAsync(address));

        var routed = Fields(t, "选了组织", address).Where(f => f.Item1 != "GridId").Append(("OrganizationId", t.Community.Id.ToString())).ToArray();
        RequestsTestData.CodeFrom(await RequestsTestData.PostPublicFormAsync(Factory.CreateBrowser(), routed));
        await using (var db = app.Database.NewContext())
            Assert.Equal(t.Community.Id, await db.Set<ServiceRequest>().Where(r => r.AddressText == address).Select(r => r.OrganizationId).SingleAsync());

        using var missing = await Factory.CreateClient().GetAsync("/public/requests/track?code=2222-2222-22");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Reopen_WithinTheWindow_PutsTheRequestBackInProgress_AfterTheWindowIsRefused()
    {
        var t = await RequestsTestData.BuildAsync(app.Database);
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);
        var owner = await Factory.CreateUserAsync(BastionRoles.BranchSecretary, t.Community.Id);
        var actor = new RequestActor(owner.Id, "书记");
        async Task<(long Id, string Code)> AnsweredAsync()
        {
            await using var db = app.Database.NewContext(Bastion.Data.FixedDataScope.System("t"), clock);
            var r = await SubmitRequest.HandleAsync(db, TestData.Pii(app.Database), new SubmitRequest.Command { CategoryCode = "property", Description = "电梯故障", GridId = t.Grid.Id });
            await RequestActions.TakeAsync(db, r.Id, actor);
            await RequestActions.ReplyAsync(db, r.Id, actor, "已报修");
            return (r.Id, r.TrackingCode);
        }
        var (first, firstCode) = await AnsweredAsync();
        clock.Advance(TimeSpan.FromDays(6));
        await using (var db = app.Database.NewContext(time: clock))
        {
            var reopened = await RequesterActions.ReopenAsync(db, firstCode, "电梯还是坏的");
            Assert.Equal(ServiceRequestStatus.InProgress, reopened.Status);
            Assert.Equal(1, reopened.ReopenCount);
            Assert.Equal(owner.Id, reopened.OwnerUserId);
        }
        var (_, lateCode) = await AnsweredAsync();
        clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));
        await using (var db = app.Database.NewContext(time: clock))
        {
            var e = await Assert.ThrowsAsync<Bastion.Shared.DomainRuleException>(() => RequesterActions.ReopenAsync(db, lateCode, "还是坏的"));
            Assert.Equal("ReopenWindowPassed", e.Rule);
        }
        Assert.True(first > 0);
    }
}

/// <summary>The intake's own rate limit: a client posting too often gets 429 and nothing is saved.</summary>
public sealed class PublicIntakeRateLimitTests(PublicIntakeRateLimitTests.Fixture app) : IClassFixture<PublicIntakeRateLimitTests.Fixture>
{
    public sealed class Fixture : BastionAppFixture
    {
        protected override (string Key, string? Value)[] Settings => [("Bastion:RateLimits:PublicIntakePerHour", "2")];
    }

    [Fact]
    public async Task ThirdPostInAnHour_IsRefusedWith429()
    {
        var t = await RequestsTestData.BuildAsync(app.Database);
        var browser = app.Factory.CreateBrowser();
        (string, string)[] fields = [("CategoryCode", "other"), ("Description", "限流测试"), ("GridId", t.Grid.Id.ToString())];
        for (var i = 0; i < 2; i++) RequestsTestData.CodeFrom(await RequestsTestData.PostPublicFormAsync(browser, fields));
        using var third = await RequestsTestData.PostPublicFormAsync(browser, fields);
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        await using var db = app.Database.NewContext();
        Assert.Equal(2, await db.Set<ServiceRequest>().CountAsync(r => r.GridId == t.Grid.Id));
    }
}

/// <summary>Open311 POSTs share the intake's rate limit; the refusal is the spec's error array.</summary>
public sealed class Open311RateLimitTests(PublicIntakeRateLimitTests.Fixture app) : IClassFixture<PublicIntakeRateLimitTests.Fixture>
{
    [Fact]
    public async Task ThirdPostInAnHour_Gets429_AsTheSpecsErrorArray()
    {
        var t = await RequestsTestData.BuildAsync(app.Database);
        var key = (await app.Factory.CreateTokenAsync(await app.Factory.CreateUserAsync(BastionRoles.BranchSecretary, t.Community.Id))).Secret;
        var client = app.Factory.CreateClient();
        HttpResponseMessage Post() => client.PostAsync("/open311/v2/requests.xml", BastionFactory.Form(
            ("api_key", key), ("service_code", "other"), ("address_string", "限流路1号"), ("description", "限流"))).GetAwaiter().GetResult();
        for (var i = 0; i < 2; i++) using (var ok = Post()) Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        using var refused = Post();
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var doc = System.Xml.Linq.XDocument.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Equal("errors", doc.Root!.Name.LocalName);
        Assert.Equal("429", doc.Root.Element("error")!.Element("code")!.Value);
    }
}
