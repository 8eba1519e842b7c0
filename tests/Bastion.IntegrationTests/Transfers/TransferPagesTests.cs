using System.Globalization;
using System.Net;
using Bastion.Identity;
using Bastion.IntegrationTests.Infrastructure;
using Bastion.Organizations;
using Bastion.Transfers;
using Microsoft.EntityFrameworkCore;

namespace Bastion.IntegrationTests.Transfers;

/// <summary>The /Transfers pages: issuing from the sender's side, accepting and returning from the receiver's.</summary>
public sealed class TransferPagesTests(BastionAppFixture app) : IClassFixture<BastionAppFixture>
{
    private BastionFactory Factory => app.Factory;

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    private async Task<(Organization A, Organization B, Organization C, TestUser SecretaryA, TestUser SecretaryB, TestUser SecretaryC)> TreeAsync()
    {
        var root = await TestData.AddRootAsync(app.Database);
        var a = await TestData.AddOrganizationAsync(app.Database, root, OrganizationKind.Branch);
        var b = await TestData.AddOrganizationAsync(app.Database, root, OrganizationKind.Branch);
        var c = await TestData.AddOrganizationAsync(app.Database, root, OrganizationKind.Branch);
        return (a, b, c,
            await Factory.CreateUserAsync(BastionRoles.BranchSecretary, a.Id),
            await Factory.CreateUserAsync(BastionRoles.BranchSecretary, b.Id),
            await Factory.CreateUserAsync(BastionRoles.BranchSecretary, c.Id));
    }

    private async Task<Transfer> OpenTransferAsync(long memberId)
    {
        await using var db = app.Database.NewContext();
        return await db.Set<Transfer>().AsNoTracking().SingleAsync(t => t.MemberId == memberId && t.Status == TransferStatus.Issued);
    }

    [Fact]
    public async Task IssuePage_BySender_FindsABranchOutsideItsScopeAndIssuesTheLetter()
    {
        var (a, b, _, secretaryA, _, _) = await TreeAsync();
        var (member, _) = await TestData.AddMemberAsync(app.Database, a);
        using var browser = await Factory.SignInAsync(secretaryA);
        var url = $"/Transfers/Issue?member={member.Id}&q={Uri.EscapeDataString(b.Name)}";

        using var form = await browser.GetAsync(url);
        var html = await form.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.Contains($"<option value=\"{b.Id}\"", html, StringComparison.Ordinal);

        var token = BastionFactory.AntiforgeryToken(html);
        using var tooLong = await browser.PostAsync($"/Transfers/Issue?member={member.Id}", BastionFactory.Form(
            ("ToOrganizationId", Id(b.Id)), ("ValidityDays", "200"), (BastionFactory.AntiforgeryField, token)));
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Contains("id=\"ValidityDays-error\"", await tooLong.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var issued = await browser.PostAsync($"/Transfers/Issue?member={member.Id}", BastionFactory.Form(
            ("ToOrganizationId", Id(b.Id)), ("ValidityDays", "60"), ("Reason", "工作调动"), (BastionFactory.AntiforgeryField, token)));
        Assert.Equal(HttpStatusCode.Redirect, issued.StatusCode);
        var transfer = await OpenTransferAsync(member.Id);
        Assert.Equal((a.Id, b.Id, transfer.IssuedOn.AddDays(60)), (transfer.FromOrganizationId, transfer.ToOrganizationId, transfer.ValidUntil));

        using var outgoing = await browser.GetAsync("/Transfers?tab=outgoing");
        Assert.Contains($"data-transfer-id=\"{transfer.Id}\"", await outgoing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task IssuePage_ForAMemberOfAnotherBranch_IsNotFound()
    {
        var (a, _, _, _, _, secretaryC) = await TreeAsync();
        var (member, _) = await TestData.AddMemberAsync(app.Database, a);
        using var browser = await Factory.SignInAsync(secretaryC);

        using var response = await browser.GetAsync($"/Transfers/Issue?member={member.Id}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task IndexPage_ByReceiver_ShowsTheLetterAndAcceptsIt_ThirdBranchSeesNothing()
    {
        var (a, b, _, secretaryA, secretaryB, secretaryC) = await TreeAsync();
        var (member, _) = await TestData.AddMemberAsync(app.Database, a, TestData.Unique("转接党员"));
        await using (var db = app.Database.NewContext())
            await IssueTransfer.HandleAsync(db, new IssueTransfer.Command { MemberId = member.Id, ToOrganizationId = b.Id });
        var transfer = await OpenTransferAsync(member.Id);

        using var third = await Factory.SignInAsync(secretaryC);
        using var thirdPage = await third.GetAsync("/Transfers");
        Assert.DoesNotContain(member.Name, await thirdPage.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var receiver = await Factory.SignInAsync(secretaryB);
        using var page = await receiver.GetAsync("/Transfers");
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains(member.Name, html, StringComparison.Ordinal);
        Assert.Contains("handler=Accept", html, StringComparison.Ordinal);
        var token = BastionFactory.AntiforgeryToken(html);

        using var noReason = await receiver.PostAsync($"/Transfers?handler=Return&id={transfer.Id}&tab=incoming", BastionFactory.Form(("reason", ""), (BastionFactory.AntiforgeryField, token)));
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains($"id=\"reason-{transfer.Id}-error\"", await noReason.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var sender = await Factory.SignInAsync(secretaryA);
        var senderToken = await BastionFactory.AntiforgeryTokenAsync(sender, "/Transfers?tab=outgoing");
        using var senderAccepts = await sender.PostAsync($"/Transfers?handler=Accept&id={transfer.Id}&tab=outgoing", BastionFactory.Form((BastionFactory.AntiforgeryField, senderToken)));
        Assert.Equal(HttpStatusCode.BadRequest, senderAccepts.StatusCode);
        Assert.Contains("data-testid=\"rule-error\"", await senderAccepts.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var accepted = await receiver.PostAsync($"/Transfers?handler=Accept&id={transfer.Id}&tab=incoming", BastionFactory.Form((BastionFactory.AntiforgeryField, token)));
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal("/Transfers?tab=incoming&done=accepted", accepted.Headers.Location?.ToString());
        await using var check = app.Database.NewContext();
        Assert.Equal(b.Id, (await check.Members.AsNoTracking().SingleAsync(m => m.Id == member.Id)).OrganizationId);
    }
    [Fact]
    public async Task IssuePage_OutOfSystemLetter_KeepsTheMemberActiveAndShowsTheReturnSlipButton()
    {
        var (a, _, _, secretaryA, _, _) = await TreeAsync();
        var (member, _) = await TestData.AddMemberAsync(app.Database, a);
        using var browser = await Factory.SignInAsync(secretaryA);
        var token = await BastionFactory.AntiforgeryTokenAsync(browser, $"/Transfers/Issue?member={member.Id}");

        using var blank = await browser.PostAsync($"/Transfers/Issue?member={member.Id}&handler=Outgoing", BastionFactory.Form(
            ("Destination", " "), ("ValidityDays", "30"), (BastionFactory.AntiforgeryField, token)));
        Assert.Equal(HttpStatusCode.BadRequest, blank.StatusCode);
        Assert.Contains("id=\"Destination-error\"", await blank.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var issued = await browser.PostAsync($"/Transfers/Issue?member={member.Id}&handler=Outgoing", BastionFactory.Form(
            ("Destination", "某央企党委"), ("ValidityDays", "90"), (BastionFactory.AntiforgeryField, token)));
        Assert.Equal(HttpStatusCode.Redirect, issued.StatusCode);
        var letter = await OpenTransferAsync(member.Id);
        Assert.Equal((TransferKind.OutOfSystem, "某央企党委", (long?)null), (letter.Kind, letter.ExternalParty, letter.ToOrganizationId));

        using var outgoing = await browser.GetAsync("/Transfers?tab=outgoing");
        Assert.Contains($"handler=ReturnSlip&id={letter.Id}", await outgoing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task IndexPage_OverdueLetter_IsHighlightedOnBothSides()
    {
        var (a, b, _, secretaryA, secretaryB, _) = await TreeAsync();
        var (member, _) = await TestData.AddMemberAsync(app.Database, a);
        await using (var db = app.Database.NewContext())
        {
            var view = await IssueTransfer.HandleAsync(db, new IssueTransfer.Command { MemberId = member.Id, ToOrganizationId = b.Id, ValidityDays = 10 });
            var letter = await db.Set<Transfer>().SingleAsync(x => x.Id == view.Id);
            letter.ValidUntil = letter.IssuedOn.AddDays(-1);
            await db.SaveChangesAsync();
        }

        foreach (var (secretary, tab) in new[] { (secretaryA, "outgoing"), (secretaryB, "incoming") })
        {
            using var browser = await Factory.SignInAsync(secretary);
            var html = await (await browser.GetAsync($"/Transfers?tab={tab}")).Content.ReadAsStringAsync();
            Assert.Contains("data-testid=\"overdue\"", html, StringComparison.Ordinal);
            Assert.Contains("data-testid=\"overdue-alert\"", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task IncomingPage_ShowsLetterAndMemberErrorsBesideTheirFields_ThenRegistersTheMember()
    {
        var (_, b, _, _, secretaryB, _) = await TreeAsync();
        using var browser = await Factory.SignInAsync(secretaryB);
        var token = await BastionFactory.AntiforgeryTokenAsync(browser, "/Transfers/Incoming");
        var residentId = Bastion.Members.ResidentId.Compose("110101", new DateOnly(1990, 5, 17), 77);
        (string, string)[] Member(string id) =>
        [
            ("Form.Name", "王外来"), ("Form.Gender", "Male"), ("Form.BirthDate", "1990-05-17"), ("Form.ResidentId", id),
            ("Form.JoinedOn", "2015-07-01"), ("Form.FullOn", "2016-07-01"), ("Form.Category", "Full"),
        ];

        using (var bad = await browser.PostAsync("/Transfers/Incoming", BastionFactory.Form(
            [("Source", ""), ("ValidityDays", "60"), .. Member("110101199005170000"), (BastionFactory.AntiforgeryField, token)])))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            var html = await bad.Content.ReadAsStringAsync();
            Assert.Matches("data-testid=\"source-error\"[^>]*>[^<]+</span>", html);
        }
        await using (var db = app.Database.NewContext())
            Assert.Equal(0, await db.Members.CountAsync(m => m.OrganizationId == b.Id));

        using (var ok = await browser.PostAsync("/Transfers/Incoming", BastionFactory.Form(
            [("Source", "某省直属机关工委"), ("LetterNumber", "外转2026-8"), ("ValidityDays", "60"), .. Member(residentId), (BastionFactory.AntiforgeryField, token)])))
            Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        await using (var db = app.Database.NewContext())
        {
            var member = await db.Members.SingleAsync(m => m.OrganizationId == b.Id);
            Assert.Equal("王外来", member.Name);
            Assert.Equal(TransferStatus.Completed, (await db.Set<Transfer>().SingleAsync(t => t.MemberId == member.Id)).Status);
        }
    }
}
