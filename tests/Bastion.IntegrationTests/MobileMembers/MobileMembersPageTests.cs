using System.Globalization;
using System.Net;
using Bastion.Identity;
using Bastion.IntegrationTests.Infrastructure;
using Bastion.MobileMembers;
using Bastion.Organizations;
using Bastion.Shared;
using Microsoft.EntityFrameworkCore;

namespace Bastion.IntegrationTests.MobileMembers;

/// <summary>The /MobileMembers pages as a branch secretary uses them: list, register, contact, end, warnings.</summary>
public sealed class MobileMembersPageTests(BastionAppFixture app) : IClassFixture<BastionAppFixture>
{
    private BastionFactory Factory => app.Factory;

    private static DateOnly Today => Clock.Today(TimeProvider.System);

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private async Task<(Organization A, Organization B, TestUser Secretary)> TreeAsync()
    {
        var root = await TestData.AddRootAsync(app.Database);
        var a = await TestData.AddOrganizationAsync(app.Database, root, OrganizationKind.Branch);
        var b = await TestData.AddOrganizationAsync(app.Database, root, OrganizationKind.Branch);
        return (a, b, await Factory.CreateUserAsync(BastionRoles.BranchSecretary, a.Id));
    }

    [Fact]
    public async Task RegisterPage_WhenPosted_CreatesRecordAndListShowsWarningBadge()
    {
        var (a, _, secretary) = await TreeAsync();
        var (member, _) = await TestData.AddMemberAsync(app.Database, a);
        using var browser = await Factory.SignInAsync(secretary);
        var token = await BastionFactory.AntiforgeryTokenAsync(browser, $"/MobileMembers/Register?org={a.Id}");

        using var posted = await browser.PostAsync($"/MobileMembers/Register?org={a.Id}", BastionFactory.Form(
            ("Member", member.Id.ToString(CultureInfo.InvariantCulture)), ("Destination", "浙江省杭州市 某物流公司"),
            ("HostName", "某物流公司党支部"), ("ActivityCardNumber", "LD-1"), ("FixedPlace", "true"),
            ("LeftOn", Iso(Today.AddMonths(-7))), ("ExpectedReturnOn", ""), (BastionFactory.AntiforgeryField, token)));

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        await using (var db = app.Database.NewContext())
            Assert.True(await db.Set<MobileRecord>().AnyAsync(r => r.MemberId == member.Id && r.FixedPlace && r.HostName == "某物流公司党支部"));
        var html = await browser.GetStringAsync(posted.Headers.Location!.ToString());
        Assert.Contains("流动党员", html, StringComparison.Ordinal);
        Assert.Contains(member.Name, html, StringComparison.Ordinal);
        Assert.Contains("流动党员失联超过6个月", html, StringComparison.Ordinal);
        Assert.Contains("外出满6个月应转移组织关系", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RegisterPage_WhenDestinationMissingAndDateInFuture_ShowsErrorsBesideFields()
    {
        var (a, _, secretary) = await TreeAsync();
        var (member, _) = await TestData.AddMemberAsync(app.Database, a);
        using var browser = await Factory.SignInAsync(secretary);
        var token = await BastionFactory.AntiforgeryTokenAsync(browser, $"/MobileMembers/Register?org={a.Id}");

        using var posted = await browser.PostAsync($"/MobileMembers/Register?org={a.Id}", BastionFactory.Form(
            ("Member", member.Id.ToString(CultureInfo.InvariantCulture)), ("Destination", ""), ("LeftOn", Iso(Today.AddDays(2))),
            (BastionFactory.AntiforgeryField, token)));

        Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
        var html = await posted.Content.ReadAsStringAsync();
        Assert.Contains("id=\"Destination-error\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"LeftOn-error\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ContactPage_WhenContactPostedThenEnded_RecordsBoth()
    {
        var (a, _, secretary) = await TreeAsync();
        var (member, _) = await TestData.AddMemberAsync(app.Database, a);
        long id;
        await using (var db = app.Database.NewContext())
            id = (await RegisterOutFlow.HandleAsync(db, new RegisterOutFlow.Command { MemberId = member.Id, Destination = "上海", LeftOn = Today.AddMonths(-8) })).Id;
        using var browser = await Factory.SignInAsync(secretary);
        var token = await BastionFactory.AntiforgeryTokenAsync(browser, $"/MobileMembers/Contact?id={id}");

        using var contact = await browser.PostAsync($"/MobileMembers/Contact?id={id}", BastionFactory.Form(
            ("ContactedOn", Iso(Today)), ("Channel", "Visit"), ("Note", "上门走访"), (BastionFactory.AntiforgeryField, token)));
        using var end = await browser.PostAsync($"/MobileMembers/Contact?id={id}&handler=End", BastionFactory.Form(
            ("ReturnedOn", Iso(Today)), (BastionFactory.AntiforgeryField, token)));

        Assert.Equal((HttpStatusCode.Redirect, HttpStatusCode.Redirect), (contact.StatusCode, end.StatusCode));
        await using var check = app.Database.NewContext();
        Assert.Equal(ContactChannel.Visit, (await check.Set<MobileContact>().SingleAsync(c => c.MobileRecordId == id)).Channel);
        Assert.Equal(MobileStatus.Ended, (await check.Set<MobileRecord>().SingleAsync(r => r.Id == id)).Status);
    }

    [Fact]
    public async Task InFlowPage_WithResidentIdOfMemberElsewhere_LinksTheRecord()
    {
        var (a, _, secretary) = await TreeAsync();
        var elsewhere = await TestData.AddOrganizationAsync(app.Database, await TestData.AddRootAsync(app.Database), OrganizationKind.Branch);
        var (visitor, residentId) = await TestData.AddMemberAsync(app.Database, elsewhere);
        using var browser = await Factory.SignInAsync(secretary);
        var token = await BastionFactory.AntiforgeryTokenAsync(browser, $"/MobileMembers/InFlow?org={a.Id}");

        using var posted = await browser.PostAsync($"/MobileMembers/InFlow?org={a.Id}", BastionFactory.Form(
            ("ResidentId", residentId), ("Name", ""), ("Origin", "外省某党支部"), ("ArrivedOn", Iso(Today)), (BastionFactory.AntiforgeryField, token)));

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        await using var db = app.Database.NewContext();
        var record = await db.Set<MobileRecord>().SingleAsync(r => r.MemberId == visitor.Id);
        Assert.Equal((a.Id, MobileDirection.InFlow, visitor.Name), (record.OrganizationId, record.Direction, record.PersonName));
    }

    [Fact]
    public async Task InFlowPage_WithoutNameOrKnownMember_ShowsErrorBesideName()
    {
        var (a, _, secretary) = await TreeAsync();
        using var browser = await Factory.SignInAsync(secretary);
        var token = await BastionFactory.AntiforgeryTokenAsync(browser, $"/MobileMembers/InFlow?org={a.Id}");

        using var posted = await browser.PostAsync($"/MobileMembers/InFlow?org={a.Id}", BastionFactory.Form(
            ("Origin", "外省"), ("ArrivedOn", Iso(Today)), (BastionFactory.AntiforgeryField, token)));

        Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
        Assert.Contains("id=\"Name-error\"", await posted.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WarningsPage_OfOwnBranch_ShowsWarningWithWhatToDo()
    {
        var (a, _, secretary) = await TreeAsync();
        var (member, _) = await TestData.AddMemberAsync(app.Database, a);
        using var browser = await Factory.SignInAsync(secretary);

        var html = await browser.GetStringAsync($"/MobileMembers/Warnings?org={a.Id}");

        Assert.Contains($"data-member-id=\"{member.Id}\"", html, StringComparison.Ordinal);
        Assert.Contains("连续6个月未交党费", html, StringComparison.Ordinal);
        Assert.Contains("请与党员谈话了解原因", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/MobileMembers?org={0}")]
    [InlineData("/MobileMembers/Register?org={0}")]
    [InlineData("/MobileMembers/Warnings?org={0}")]
    [InlineData("/MobileMembers/InFlow?org={0}")]
    public async Task Pages_OfSiblingBranch_AreNotFound(string url)
    {
        var (_, b, secretary) = await TreeAsync();
        using var browser = await Factory.SignInAsync(secretary);

        using var response = await browser.GetAsync(string.Format(CultureInfo.InvariantCulture, url, b.Id));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task ContactPage_OfSiblingBranchRecord_IsNotFound()
    {
        var (_, b, secretary) = await TreeAsync();
        var (memberB, _) = await TestData.AddMemberAsync(app.Database, b);
        long id;
        await using (var db = app.Database.NewContext())
            id = (await RegisterOutFlow.HandleAsync(db, new RegisterOutFlow.Command { MemberId = memberB.Id, Destination = "北京", LeftOn = Today })).Id;
        using var browser = await Factory.SignInAsync(secretary);

        using var response = await browser.GetAsync($"/MobileMembers/Contact?id={id}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
