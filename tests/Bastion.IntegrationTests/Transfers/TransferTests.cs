using System.Globalization;
using System.Net;
using System.Text.Json;
using Bastion.Identity;
using Bastion.IntegrationTests.Infrastructure;
using Bastion.Members;
using Bastion.Organizations;
using Bastion.Shared;
using Bastion.Transfers;
using Microsoft.EntityFrameworkCore;

namespace Bastion.IntegrationTests.Transfers;

/// <summary>Transfers between sibling branches through the API: both sides see the letter, the member is always on one roster.</summary>
public sealed class TransferTests(BastionAppFixture app) : IClassFixture<BastionAppFixture>
{
    private BastionFactory Factory => app.Factory;

    private static DateOnly Today => Clock.Today(TimeProvider.System);

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Committee ─┬─ branch A ─┬─ branch B ─┬─ branch C, each with its own secretary; one member in A.</summary>
    private sealed record Tree(Organization Root, Organization A, Organization B, Organization C, Member Member,
        HttpClient SecretaryA, HttpClient SecretaryB, HttpClient SecretaryC) : IDisposable
    {
        public void Dispose()
        {
            SecretaryA.Dispose();
            SecretaryB.Dispose();
            SecretaryC.Dispose();
        }
    }

    private async Task<Tree> TreeAsync()
    {
        var root = await TestData.AddRootAsync(app.Database);
        var a = await TestData.AddOrganizationAsync(app.Database, root, OrganizationKind.Branch);
        var b = await TestData.AddOrganizationAsync(app.Database, root, OrganizationKind.Branch);
        var c = await TestData.AddOrganizationAsync(app.Database, root, OrganizationKind.Branch);
        var (member, _) = await TestData.AddMemberAsync(app.Database, a);
        return new Tree(root, a, b, c, member,
            await ClientAsync(a), await ClientAsync(b), await ClientAsync(c));
    }

    private async Task<HttpClient> ClientAsync(Organization organization) =>
        await Factory.CreateApiClientAsync(await Factory.CreateUserAsync(BastionRoles.BranchSecretary, organization.Id));

    private static async Task<long> IssueAsync(HttpClient client, long memberId, long toOrganizationId, int? validityDays = null)
    {
        using var response = await Http.PostJsonAsync(client, "/api/v1/transfers", new { memberId, toOrganizationId, validityDays, reason = "工作调动" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await Http.JsonAsync(response)).GetProperty("id").GetInt64();
    }

    private static async Task<IReadOnlyList<long>> BoxAsync(HttpClient client, string box) =>
        Http.Ids(await Http.GetJsonAsync(client, $"/api/v1/transfers?box={box}&pageSize=200"));

    private async Task<Member> MemberAsync(long id)
    {
        await using var db = app.Database.NewContext();
        return await db.Members.AsNoTracking().SingleAsync(m => m.Id == id);
    }

    private static async Task<IReadOnlyList<long>> RosterAsync(HttpClient client, Organization organization) =>
        Http.Ids(await Http.GetJsonAsync(client, $"/api/v1/organizations/{organization.Id}/members?pageSize=200"));

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string url, object? body = null) =>
        Http.PostJsonAsync(client, url, body ?? new { });

    private static async Task AssertRuleAsync(HttpResponseMessage response, string rule)
    {
        var problem = await Http.ProblemAsync(response, HttpStatusCode.Conflict);
        Assert.Equal(rule, problem.GetProperty("rule").GetString());
    }

    [Fact]
    public async Task Issue_ToSiblingBranch_IsVisibleToBothSidesAndNotToAThirdBranch()
    {
        using var t = await TreeAsync();

        var id = await IssueAsync(t.SecretaryA, t.Member.Id, t.B.Id);

        Assert.Contains(id, await BoxAsync(t.SecretaryA, "outgoing"));
        Assert.Contains(id, await BoxAsync(t.SecretaryB, "incoming"));
        var seenByB = await Http.GetJsonAsync(t.SecretaryB, $"/api/v1/transfers/{id}");
        Assert.Equal((t.Member.Name, t.A.Name, t.B.Name, "Issued"),
            (seenByB.GetProperty("memberName").GetString(), seenByB.GetProperty("fromOrganizationName").GetString(),
             seenByB.GetProperty("toOrganizationName").GetString(), seenByB.GetProperty("status").GetString()));
        Assert.Equal(Iso(Today.AddDays(TransferRules.DefaultValidityDays)), seenByB.GetProperty("validUntil").GetString());

        using var third = await t.SecretaryC.GetAsync($"/api/v1/transfers/{id}");
        await Http.ProblemAsync(third, HttpStatusCode.NotFound);
        Assert.DoesNotContain(id, await BoxAsync(t.SecretaryC, "incoming"));
        Assert.DoesNotContain(id, await BoxAsync(t.SecretaryC, "outgoing"));
        using var thirdAccepts = await PostAsync(t.SecretaryC, $"/api/v1/transfers/{id}/accept");
        await Http.ProblemAsync(thirdAccepts, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Accept_ByReceiver_MovesTheMemberFromTheSendersRosterToTheReceivers()
    {
        using var t = await TreeAsync();
        var id = await IssueAsync(t.SecretaryA, t.Member.Id, t.B.Id);

        // Until acceptance the member is A's: on A's roster, not on B's.
        Assert.Equal(t.A.Id, (await MemberAsync(t.Member.Id)).OrganizationId);
        Assert.Contains(t.Member.Id, await RosterAsync(t.SecretaryA, t.A));
        Assert.DoesNotContain(t.Member.Id, await RosterAsync(t.SecretaryB, t.B));

        using (var bySender = await PostAsync(t.SecretaryA, $"/api/v1/transfers/{id}/accept"))
            await AssertRuleAsync(bySender, TransferRules.ReceiverOnly);
        Assert.Equal(t.A.Id, (await MemberAsync(t.Member.Id)).OrganizationId);

        using (var accepted = await PostAsync(t.SecretaryB, $"/api/v1/transfers/{id}/accept"))
        {
            var view = await Http.JsonAsync(accepted);
            Assert.Equal("Accepted", view.GetProperty("status").GetString());
            Assert.Equal(Iso(Today), view.GetProperty("acceptedOn").GetString());
        }

        var moved = await MemberAsync(t.Member.Id);
        Assert.Equal((t.B.Id, t.B.RegionId, MemberStatus.Active), (moved.OrganizationId, moved.RegionId, moved.Status));
        Assert.Contains(t.Member.Id, await RosterAsync(t.SecretaryB, t.B));
        Assert.DoesNotContain(t.Member.Id, await RosterAsync(t.SecretaryA, t.A));
        // The sender still sees the letter it issued, now accepted.
        Assert.Equal("Accepted", (await Http.GetJsonAsync(t.SecretaryA, $"/api/v1/transfers/{id}")).GetProperty("status").GetString());

        using var again = await PostAsync(t.SecretaryB, $"/api/v1/transfers/{id}/accept");
        await AssertRuleAsync(again, TransferRules.NotOpen);
    }

    [Fact]
    public async Task Return_ByReceiverWithReason_LeavesTheMemberWithTheSender()
    {
        using var t = await TreeAsync();
        var id = await IssueAsync(t.SecretaryA, t.Member.Id, t.B.Id);

        using (var noReason = await PostAsync(t.SecretaryB, $"/api/v1/transfers/{id}/return", new { reason = " " }))
        {
            var problem = await Http.ProblemAsync(noReason, HttpStatusCode.BadRequest);
            Assert.True(problem.GetProperty("errors").TryGetProperty("Reason", out _));
        }
        using (var bySender = await PostAsync(t.SecretaryA, $"/api/v1/transfers/{id}/return", new { reason = "自己退回" }))
            await AssertRuleAsync(bySender, TransferRules.ReceiverOnly);

        using (var returned = await PostAsync(t.SecretaryB, $"/api/v1/transfers/{id}/return", new { reason = "介绍信抬头有误" }))
        {
            var view = await Http.JsonAsync(returned);
            Assert.Equal(("Returned", "介绍信抬头有误"), (view.GetProperty("status").GetString(), view.GetProperty("returnReason").GetString()));
        }
        Assert.Equal(t.A.Id, (await MemberAsync(t.Member.Id)).OrganizationId);
        Assert.Contains(t.Member.Id, await RosterAsync(t.SecretaryA, t.A));

        // The letter is closed, so a new one may be issued.
        var second = await IssueAsync(t.SecretaryA, t.Member.Id, t.B.Id);
        Assert.NotEqual(id, second);
    }

    [Fact]
    public async Task Cancel_OnlyBySenderWhileOpen()
    {
        using var t = await TreeAsync();
        var id = await IssueAsync(t.SecretaryA, t.Member.Id, t.B.Id);

        using (var byReceiver = await PostAsync(t.SecretaryB, $"/api/v1/transfers/{id}/cancel"))
            await AssertRuleAsync(byReceiver, TransferRules.SenderOnly);
        using (var cancelled = await PostAsync(t.SecretaryA, $"/api/v1/transfers/{id}/cancel"))
            Assert.Equal("Cancelled", (await Http.JsonAsync(cancelled)).GetProperty("status").GetString());
        using (var accept = await PostAsync(t.SecretaryB, $"/api/v1/transfers/{id}/accept"))
            await AssertRuleAsync(accept, TransferRules.NotOpen);
        Assert.Equal(t.A.Id, (await MemberAsync(t.Member.Id)).OrganizationId);
    }

    [Fact]
    public async Task Issue_WhenTheRequestBreaksARule_IsRefusedAndNothingIsSaved()
    {
        using var t = await TreeAsync();

        using (var tooShort = await Http.PostJsonAsync(t.SecretaryA, "/api/v1/transfers", new { memberId = t.Member.Id, toOrganizationId = t.B.Id, validityDays = 5 }))
            Assert.True((await Http.ProblemAsync(tooShort, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("ValidityDays", out _));
        using (var toCommittee = await Http.PostJsonAsync(t.SecretaryA, "/api/v1/transfers", new { memberId = t.Member.Id, toOrganizationId = t.Root.Id }))
            Assert.True((await Http.ProblemAsync(toCommittee, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("ToOrganizationId", out _));
        using (var same = await Http.PostJsonAsync(t.SecretaryA, "/api/v1/transfers", new { memberId = t.Member.Id, toOrganizationId = t.A.Id }))
            await AssertRuleAsync(same, TransferRules.SameBranch);
        using (var notMine = await Http.PostJsonAsync(t.SecretaryC, "/api/v1/transfers", new { memberId = t.Member.Id, toOrganizationId = t.C.Id }))
            await Http.ProblemAsync(notMine, HttpStatusCode.NotFound);

        await using (var db = app.Database.NewContext())
            Assert.False(await db.Set<Transfer>().AnyAsync(x => x.MemberId == t.Member.Id));

        await IssueAsync(t.SecretaryA, t.Member.Id, t.B.Id, validityDays: 180);
        using var second = await Http.PostJsonAsync(t.SecretaryA, "/api/v1/transfers", new { memberId = t.Member.Id, toOrganizationId = t.C.Id });
        await AssertRuleAsync(second, TransferRules.AlreadyOpen);
    }

    [Fact]
    public async Task Overdue_OpenLetterPastItsValidity_IsListedOnBothSidesAndCannotBeAccepted()
    {
        using var t = await TreeAsync();
        var id = await IssueAsync(t.SecretaryA, t.Member.Id, t.B.Id, validityDays: 10);
        await using (var db = app.Database.NewContext())
        {
            var letter = await db.Set<Transfer>().SingleAsync(x => x.Id == id);
            letter.IssuedOn = Today.AddDays(-40);
            letter.ValidUntil = Today.AddDays(-30);
            await db.SaveChangesAsync();
        }
        var (other, _) = await TestData.AddMemberAsync(app.Database, t.A);
        var fresh = await IssueAsync(t.SecretaryA, other.Id, t.B.Id);

        Assert.Contains(id, await BoxAsync(t.SecretaryA, "overdue"));
        Assert.Contains(id, await BoxAsync(t.SecretaryB, "overdue"));
        Assert.DoesNotContain(fresh, await BoxAsync(t.SecretaryA, "overdue"));
        Assert.DoesNotContain(id, await BoxAsync(t.SecretaryC, "overdue"));
        Assert.True((await Http.GetJsonAsync(t.SecretaryB, $"/api/v1/transfers/{id}")).GetProperty("overdue").GetBoolean());

        using var accept = await PostAsync(t.SecretaryB, $"/api/v1/transfers/{id}/accept");
        await AssertRuleAsync(accept, TransferRules.Expired);
        Assert.Equal(t.A.Id, (await MemberAsync(t.Member.Id)).OrganizationId);
    }

    [Fact]
    public async Task OutgoingLetter_MemberStaysActiveUntilTheReturnSlipIsRecorded()
    {
        using var t = await TreeAsync();

        using var issued = await Http.PostJsonAsync(t.SecretaryA, "/api/v1/transfers/outgoing-letters",
            new { memberId = t.Member.Id, destination = "某省直机关工委", letterNumber = "组转字〔2026〕12号" });
        Assert.Equal(HttpStatusCode.Created, issued.StatusCode);
        var letter = await Http.JsonAsync(issued);
        var id = letter.GetProperty("id").GetInt64();
        Assert.Equal(("OutOfSystem", "Issued", "某省直机关工委"),
            (letter.GetProperty("kind").GetString(), letter.GetProperty("status").GetString(), letter.GetProperty("externalParty").GetString()));
        Assert.Contains(id, await BoxAsync(t.SecretaryA, "outgoing"));
        Assert.Equal((t.A.Id, MemberStatus.Active), ((await MemberAsync(t.Member.Id)).OrganizationId, (await MemberAsync(t.Member.Id)).Status));

        using (var byOther = await PostAsync(t.SecretaryB, $"/api/v1/transfers/{id}/return-slip"))
            await Http.ProblemAsync(byOther, HttpStatusCode.NotFound);
        using (var slip = await PostAsync(t.SecretaryA, $"/api/v1/transfers/{id}/return-slip", new { receivedOn = Iso(Today) }))
        {
            var view = await Http.JsonAsync(slip);
            Assert.Equal(("Completed", Iso(Today)), (view.GetProperty("status").GetString(), view.GetProperty("returnSlipReceivedOn").GetString()));
        }
        var member = await MemberAsync(t.Member.Id);
        Assert.Equal((t.A.Id, MemberStatus.TransferredOut), (member.OrganizationId, member.Status));
    }

    [Fact]
    public async Task IncomingLetter_RegistersTheMemberInTheReceivingBranch()
    {
        using var t = await TreeAsync();
        var birth = new DateOnly(1975, 1, 1).AddDays(Random.Shared.Next(3000));
        // An odd sequence number: the resident ID says male, as the record does.
        var residentId = ResidentId.Compose("320102", birth, (Random.Shared.Next(0, 499) * 2) + 1);
        var name = TestData.Unique("转入党员");

        using var response = await Http.PostJsonAsync(t.SecretaryB, "/api/v1/transfers/incoming-letters", new
        {
            toOrganizationId = t.B.Id, source = "某市国资委党委", letterNumber = "转字第7号", issuedOn = Iso(Today.AddDays(-3)),
            member = new { name, gender = "Male", birthDate = Iso(birth), residentId, joinedOn = Iso(birth.AddYears(25)), fullOn = Iso(birth.AddYears(26)), category = "Full" },
        });

        var view = await Http.JsonAsync(response);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(("IntoSystem", "Completed", name), (view.GetProperty("kind").GetString(), view.GetProperty("status").GetString(), view.GetProperty("memberName").GetString()));
        var memberId = view.GetProperty("memberId").GetInt64();
        Assert.Equal(t.B.Id, (await MemberAsync(memberId)).OrganizationId);
        Assert.Contains(view.GetProperty("id").GetInt64(), await BoxAsync(t.SecretaryB, "incoming"));

        // The same person cannot arrive twice: the member checks apply, and nothing is saved.
        using var twice = await Http.PostJsonAsync(t.SecretaryB, "/api/v1/transfers/incoming-letters", new
        {
            toOrganizationId = t.B.Id, source = "某市国资委党委",
            member = new { name, gender = "Male", birthDate = Iso(birth), residentId, joinedOn = Iso(birth.AddYears(25)), fullOn = Iso(birth.AddYears(26)), category = "Full" },
        });
        await Http.ProblemAsync(twice, HttpStatusCode.BadRequest);
        await using var db = app.Database.NewContext();
        Assert.Equal(1, await db.Set<Transfer>().CountAsync(x => x.ExternalParty == "某市国资委党委" && x.ToOrganizationId == t.B.Id));
    }

    [Fact]
    public async Task Destinations_FindBranchesOutsideTheCallersScope()
    {
        using var t = await TreeAsync();

        var found = await Http.GetJsonAsync(t.SecretaryA, $"/api/v1/transfers/destinations?name={Uri.EscapeDataString(t.C.Name)}");

        Assert.Equal([t.C.Id], found.EnumerateArray().Select(d => d.GetProperty("id").GetInt64()));
        Assert.Equal(t.Root.Name, found[0].GetProperty("parentName").GetString());
    }
    [Fact]
    public async Task List_WhenPageSizeGrows_RunsTheSameNumberOfStatements()
    {
        using var t = await TreeAsync();
        for (var i = 0; i < 12; i++)
        {
            var (member, _) = await TestData.AddMemberAsync(app.Database, t.A);
            await IssueAsync(t.SecretaryA, member.Id, t.B.Id);
        }
        using var counter = new Members.SqlCommandCounter(app.Database);
        await BoxAsync(t.SecretaryB, "incoming"); // warm up caches

        var small = await counter.CountAsync(async () => Assert.Equal(2, Http.Ids(await Http.GetJsonAsync(t.SecretaryB, "/api/v1/transfers?box=incoming&pageSize=2")).Count));
        var large = await counter.CountAsync(async () => Assert.Equal(12, Http.Ids(await Http.GetJsonAsync(t.SecretaryB, "/api/v1/transfers?box=incoming&pageSize=12")).Count));

        Assert.Equal(small.Count, large.Count);
        Assert.InRange(large.Count, 1, 10);
    }
    [Fact]
    public async Task Export_ListsTheBoxAsAWorkbookForEachSide()
    {
        using var t = await TreeAsync();
        await IssueAsync(t.SecretaryA, t.Member.Id, t.B.Id);

        using var incoming = await t.SecretaryB.GetAsync("/api/v1/transfers/export.xlsx?box=incoming");
        using var third = await t.SecretaryC.GetAsync("/api/v1/transfers/export.xlsx?box=incoming");

        Assert.Equal(HttpStatusCode.OK, incoming.StatusCode);
        Assert.Equal(TransferWorkbook.ContentType, incoming.Content.Headers.ContentType?.MediaType);
        await using var stream = await incoming.Content.ReadAsStreamAsync();
        var row = Assert.Single(MiniExcelLibs.MiniExcel.Query(stream, useHeaderRow: true).Cast<IDictionary<string, object?>>());
        Assert.Equal((t.Member.Name, t.A.Name, t.B.Name, "待接收"), (row["党员"]?.ToString(), row["转出组织"]?.ToString(), row["接收组织"]?.ToString(), row["状态"]?.ToString()));
        await using var empty = await third.Content.ReadAsStreamAsync();
        Assert.Empty(MiniExcelLibs.MiniExcel.Query(empty, useHeaderRow: true));
    }
}
