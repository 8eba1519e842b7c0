using System.Globalization;
using System.Net;
using Bastion.Identity;
using Bastion.IntegrationTests.Infrastructure;
using Bastion.MobileMembers;
using Bastion.Organizations;
using Bastion.Shared;
using Microsoft.EntityFrameworkCore;

namespace Bastion.IntegrationTests.MobileMembers;

/// <summary>Registering out-flow and in-flow, contacts, ending, and the warnings endpoint, through the API.</summary>
public sealed class MobileMembersApiTests(BastionAppFixture app) : IClassFixture<BastionAppFixture>
{
    private BastionFactory Factory => app.Factory;

    private static DateOnly Today => Clock.Today(TimeProvider.System);

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Root ─┬─ branch A (secretary)  └─ branch B; and another province P with branch H (an in-flow member's home).</summary>
    private async Task<(Organization A, Organization B, Organization Home, TestUser SecretaryA)> TreeAsync()
    {
        var root = await TestData.AddRootAsync(app.Database);
        var a = await TestData.AddOrganizationAsync(app.Database, root, OrganizationKind.Branch);
        var b = await TestData.AddOrganizationAsync(app.Database, root, OrganizationKind.Branch);
        var province = await TestData.AddRootAsync(app.Database);
        var home = await TestData.AddOrganizationAsync(app.Database, province, OrganizationKind.Branch);
        return (a, b, home, await Factory.CreateUserAsync(BastionRoles.BranchSecretary, a.Id));
    }

    private static Task<HttpResponseMessage> OutFlowAsync(HttpClient client, long memberId, DateOnly leftOn, long? hostId = null, bool fixedPlace = false) =>
        Http.PostJsonAsync(client, "/api/v1/mobile-members/out-flow", new
        {
            memberId, destination = "广东省深圳市 某科技公司", hostOrganizationId = hostId, activityCardNumber = "LD-2026-001",
            fixedPlace, leftOn = Iso(leftOn), expectedReturnOn = Iso(leftOn.AddYears(1)),
        });

    [Fact]
    public async Task RegisterOutFlow_ThenList_ShowsRecordWithNoContactWarning()
    {
        var (a, _, home, secretary) = await TreeAsync();
        var (member, _) = await TestData.AddMemberAsync(app.Database, a);
        using var client = await Factory.CreateApiClientAsync(secretary);

        using var created = await OutFlowAsync(client, member.Id, Today.AddMonths(-8), hostId: home.Id, fixedPlace: true);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var list = await Http.GetJsonAsync(client, "/api/v1/mobile-members?direction=OutFlow");
        var row = Assert.Single(list.GetProperty("items").EnumerateArray());
        Assert.Equal(member.Id, row.GetProperty("memberId").GetInt64());
        Assert.Equal(home.Id, row.GetProperty("hostOrganizationId").GetInt64());
        Assert.Equal(JsonValueKindNull, row.GetProperty("lastContactOn").ValueKind);
        Assert.Equal(["Mobile.NoContact6Months", "Mobile.AwayOver6MonthsShouldTransfer"],
            row.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()));
    }

    private const System.Text.Json.JsonValueKind JsonValueKindNull = System.Text.Json.JsonValueKind.Null;

    [Fact]
    public async Task RecordContact_AfterLongSilence_ClearsNoContactWarning()
    {
        var (a, _, _, secretary) = await TreeAsync();
        var (member, _) = await TestData.AddMemberAsync(app.Database, a);
        using var client = await Factory.CreateApiClientAsync(secretary);
        var id = (await Http.JsonAsync(await OutFlowAsync(client, member.Id, Today.AddMonths(-9)))).GetProperty("record").GetProperty("id").GetInt64();

        using var contact = await Http.PostJsonAsync(client, $"/api/v1/mobile-members/{id}/contacts",
            new { contactedOn = Iso(Today.AddDays(-3)), channel = "Phone", note = "电话联系，近况良好" });

        Assert.Equal(HttpStatusCode.Created, contact.StatusCode);
        var detail = await Http.GetJsonAsync(client, $"/api/v1/mobile-members/{id}");
        Assert.Equal(Iso(Today.AddDays(-3)), detail.GetProperty("record").GetProperty("lastContactOn").GetString());
        Assert.Empty(detail.GetProperty("record").GetProperty("warnings").EnumerateArray());
        Assert.Equal("Phone", detail.GetProperty("contacts")[0].GetProperty("channel").GetString());
    }

    [Fact]
    public async Task RegisterOutFlow_WhenAlreadyAway_IsConflictNamingTheRule()
    {
        var (a, _, _, secretary) = await TreeAsync();
        var (member, _) = await TestData.AddMemberAsync(app.Database, a);
        using var client = await Factory.CreateApiClientAsync(secretary);
        (await OutFlowAsync(client, member.Id, Today.AddMonths(-1))).Dispose();

        using var second = await OutFlowAsync(client, member.Id, Today);

        var problem = await Http.ProblemAsync(second, HttpStatusCode.Conflict);
        Assert.Equal("Mobile.AlreadyAway", problem.GetProperty("rule").GetString());
    }

    [Fact]
    public async Task RegisterOutFlow_WhenInputInvalid_IsBadRequestNamingFields()
    {
        var (a, _, _, secretary) = await TreeAsync();
        var (member, _) = await TestData.AddMemberAsync(app.Database, a);
        using var client = await Factory.CreateApiClientAsync(secretary);

        using var response = await Http.PostJsonAsync(client, "/api/v1/mobile-members/out-flow", new
        {
            memberId = member.Id, leftOn = Iso(Today.AddDays(1)), hostOrganizationId = 999_999_999L,
        });

        var errors = (await Http.ProblemAsync(response, HttpStatusCode.BadRequest)).GetProperty("errors");
        foreach (var field in new[] { "Destination", "LeftOn", "HostOrganizationId" })
            Assert.True(errors.TryGetProperty(field, out _), errors.ToString());
        await using var db = app.Database.NewContext();
        Assert.False(await db.Set<MobileRecord>().AnyAsync(r => r.MemberId == member.Id));
    }

    [Fact]
    public async Task RegisterOutFlow_ForMemberOfSiblingBranch_IsNotFound()
    {
        var (_, b, _, secretary) = await TreeAsync();
        var (memberB, _) = await TestData.AddMemberAsync(app.Database, b);
        using var client = await Factory.CreateApiClientAsync(secretary);

        using var response = await OutFlowAsync(client, memberB.Id, Today);
        using var warnings = await client.GetAsync($"/api/v1/organizations/{b.Id}/member-warnings");
        using var list = await client.GetAsync($"/api/v1/mobile-members?organizationId={b.Id}");

        await Http.ProblemAsync(response, HttpStatusCode.NotFound);
        await Http.ProblemAsync(warnings, HttpStatusCode.NotFound);
        await Http.ProblemAsync(list, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task RegisterInFlow_ByResidentIdOfMemberElsewhere_LinksTheRecordAtTheHost()
    {
        var (a, _, home, secretary) = await TreeAsync();
        var (visitor, residentId) = await TestData.AddMemberAsync(app.Database, home);
        using var client = await Factory.CreateApiClientAsync(secretary);

        using var response = await Http.PostJsonAsync(client, "/api/v1/mobile-members/in-flow", new
        {
            organizationId = a.Id, residentId = residentId.ToLowerInvariant(), origin = "外省某党支部", arrivedOn = Iso(Today.AddDays(-10)),
        });

        var record = (await Http.JsonAsync(response)).GetProperty("record");
        Assert.Equal((visitor.Id, visitor.Name, a.Id, "InFlow"),
            (record.GetProperty("memberId").GetInt64(), record.GetProperty("name").GetString(), record.GetProperty("organizationId").GetInt64(),
                record.GetProperty("direction").GetString()));
        var list = await Http.GetJsonAsync(client, "/api/v1/mobile-members?direction=InFlow");
        Assert.Contains(list.GetProperty("items").EnumerateArray(), r => r.GetProperty("memberId").GetInt64() == visitor.Id);
    }

    [Fact]
    public async Task RegisterInFlow_ByMemberIdWithWrongName_IsBadRequestOnMemberId()
    {
        var (a, _, home, secretary) = await TreeAsync();
        var (visitor, _) = await TestData.AddMemberAsync(app.Database, home);
        using var client = await Factory.CreateApiClientAsync(secretary);
        object Body(string name) => new { organizationId = a.Id, memberId = visitor.Id, name, origin = "外省", arrivedOn = Iso(Today) };

        using var wrong = await Http.PostJsonAsync(client, "/api/v1/mobile-members/in-flow", Body("别人"));
        using var right = await Http.PostJsonAsync(client, "/api/v1/mobile-members/in-flow", Body(visitor.Name));

        Assert.True((await Http.ProblemAsync(wrong, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("MemberId", out _));
        Assert.Equal(visitor.Id, (await Http.JsonAsync(right)).GetProperty("record").GetProperty("memberId").GetInt64());
    }

    [Fact]
    public async Task List_WhenPageSizeGrows_UsesTheSameNumberOfStatements()
    {
        var (a, _, _, _) = await TreeAsync();
        for (var i = 0; i < 6; i++)
        {
            var (m, _) = await TestData.AddMemberAsync(app.Database, a);
            await using var db = app.Database.NewContext();
            var r = await RegisterOutFlow.HandleAsync(db, new RegisterOutFlow.Command { MemberId = m.Id, Destination = "外地", LeftOn = Today.AddMonths(-1) });
            await RecordContact.HandleAsync(db, r.Id, new RecordContact.Command { ContactedOn = Today, Channel = ContactChannel.Online });
        }

        Assert.Equal(await StatementsAsync(a.Id, 1), await StatementsAsync(a.Id, 6));
    }

    private async Task<int> StatementsAsync(long organizationId, int pageSize)
    {
        var counter = new MemberWarningsTests.StatementCounter();
        await using var db = MemberWarningsTests.CountingContext(app.Database, counter);
        var page = await MobileQueries.ForSubtreeAsync(db, organizationId, new MobileFilter(), 1, pageSize);
        Assert.Equal(pageSize, page!.Items.Count);
        Assert.All(page.Items, r => Assert.NotNull(r.LastContactOn));
        return counter.Count;
    }

    [Fact]
    public async Task RegisterInFlow_WhenMemberUnknownWithoutName_IsBadRequestOnName_WithNameIsCreated()
    {
        var (a, _, _, secretary) = await TreeAsync();
        using var client = await Factory.CreateApiClientAsync(secretary);
        object Body(string? name) => new { organizationId = a.Id, name, origin = "某省某县某村党支部", arrivedOn = Iso(Today) };

        using var nameless = await Http.PostJsonAsync(client, "/api/v1/mobile-members/in-flow", Body(null));
        using var named = await Http.PostJsonAsync(client, "/api/v1/mobile-members/in-flow", Body("李四"));

        Assert.True((await Http.ProblemAsync(nameless, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("Name", out _));
        var record = (await Http.JsonAsync(named)).GetProperty("record");
        Assert.Equal(("李四", JsonValueKindNull), (record.GetProperty("name").GetString(), record.GetProperty("memberId").ValueKind));
    }

    [Fact]
    public async Task EndMobility_ThenAgain_IsEndedThenConflict()
    {
        var (a, _, _, secretary) = await TreeAsync();
        var (member, _) = await TestData.AddMemberAsync(app.Database, a);
        using var client = await Factory.CreateApiClientAsync(secretary);
        var id = (await Http.JsonAsync(await OutFlowAsync(client, member.Id, Today.AddMonths(-2)))).GetProperty("record").GetProperty("id").GetInt64();

        // Without a body the record ends today.
        var ended = await Http.JsonAsync(await client.PostAsync($"/api/v1/mobile-members/{id}/end", null));
        using var again = await Http.PostJsonAsync(client, $"/api/v1/mobile-members/{id}/end", new { returnedOn = Iso(Today) });

        Assert.Equal(("Ended", Iso(Today)), (ended.GetProperty("record").GetProperty("status").GetString(), ended.GetProperty("record").GetProperty("returnedOn").GetString()));
        Assert.Equal("Mobile.AlreadyEnded", (await Http.ProblemAsync(again, HttpStatusCode.Conflict)).GetProperty("rule").GetString());
        // Registering anew after the return is allowed.
        using var anew = await OutFlowAsync(client, member.Id, Today);
        Assert.Equal(HttpStatusCode.Created, anew.StatusCode);
    }

    [Fact]
    public async Task MemberWarnings_OfOwnBranch_ListsRulesWithActions()
    {
        var (a, _, _, secretary) = await TreeAsync();
        var (member, _) = await TestData.AddMemberAsync(app.Database, a);
        using var client = await Factory.CreateApiClientAsync(secretary);
        (await OutFlowAsync(client, member.Id, Today.AddYears(-1))).Dispose();

        var report = await Http.GetJsonAsync(client, $"/api/v1/organizations/{a.Id}/member-warnings");

        var rules = report.GetProperty("warnings").EnumerateArray()
            .Where(w => w.GetProperty("memberId").GetInt64() == member.Id).Select(w => w.GetProperty("rule").GetString()).Order().ToList();
        Assert.Equal(["Mobile.NoContact6Months", "Status.NoDues6Months"], rules);
        Assert.All(report.GetProperty("warnings").EnumerateArray(), w => Assert.False(string.IsNullOrWhiteSpace(w.GetProperty("action").GetString())));
    }

    [Fact]
    public async Task MobileMembers_ByMember_IsForbidden()
    {
        var (a, _, _, _) = await TreeAsync();
        using var client = await Factory.CreateApiClientAsync(await Factory.CreateUserAsync(BastionRoles.Member, a.Id));

        using var response = await client.GetAsync("/api/v1/mobile-members");

        await Http.ProblemAsync(response, HttpStatusCode.Forbidden);
    }
}
