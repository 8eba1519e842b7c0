using System.Net;
using Bastion.Identity;
using Bastion.IntegrationTests.Infrastructure;
using Bastion.Requests;
using Microsoft.EntityFrameworkCore;

namespace Bastion.IntegrationTests.Requests;

/// <summary>Households in grids, members' contacts with them (联系群众), a raised matter becoming a request, coverage.</summary>
public sealed class HouseholdTests(BastionAppFixture app) : IClassFixture<BastionAppFixture>
{
    private BastionFactory Factory => app.Factory;

    [Fact]
    public async Task Contact_RaisingAMatter_MakesARequestInTheGridsQueue_AndCoverageCountsContactedHouseholds()
    {
        var t = await RequestsTestData.BuildAsync(app.Database);
        var (member, _) = await TestData.AddMemberAsync(app.Database, t.Community, "联系党员");
        var api = await Factory.CreateApiClientAsync(await Factory.CreateUserAsync(BastionRoles.BranchSecretary, t.Community.Id));
        var ids = new List<long>();
        foreach (var address in new[] { "幸福路1号101", "幸福路1号102" })
        {
            using var created = await Http.PostJsonAsync(api, $"/api/v1/grids/{t.Grid.Id}/households", new { address, peopleCount = 3, keeperMemberId = member.Id });
            ids.Add((await Http.JsonAsync(created)).GetProperty("id").GetInt64());
        }
        using (var dup = await Http.PostJsonAsync(api, $"/api/v1/grids/{t.Grid.Id}/households", new { address = "幸福路1号101", peopleCount = 0 }))
        {
            var errors = (await Http.ProblemAsync(dup, HttpStatusCode.BadRequest)).GetProperty("errors");
            Assert.True(errors.TryGetProperty("Address", out _) && errors.TryGetProperty("PeopleCount", out _));
        }

        var today = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd");
        using var contact = await Http.PostJsonAsync(api, $"/api/v1/grids/households/{ids[0]}/contacts",
            new { memberId = member.Id, contactedOn = today, kind = "Visit", notes = "楼道灯坏了，老人晚上下楼不便", raiseAsCategory = "public-facilities" });
        var requestId = (await Http.JsonAsync(contact)).GetProperty("raisedRequestId").GetInt64();
        Assert.Contains(requestId, Http.Ids(await Http.GetJsonAsync(api, $"/api/v1/requests/queue?organizationId={t.Community.Id}")));
        await using (var db = app.Database.NewContext())
        {
            var r = await db.Set<ServiceRequest>().SingleAsync(x => x.Id == requestId);
            Assert.Equal(("幸福路1号101", t.Grid.Id, RequestSource.Staff), (r.AddressText!, r.GridId!.Value, r.Source));
        }
        using (var future = await Http.PostJsonAsync(api, $"/api/v1/grids/households/{ids[1]}/contacts",
            new { memberId = member.Id, contactedOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(2).ToString("yyyy-MM-dd"), kind = "Call" }))
            await Http.ProblemAsync(future, HttpStatusCode.BadRequest);

        var coverage = await Http.GetJsonAsync(api, $"/api/v1/grids/households/coverage/{t.Community.Id}");
        Assert.Equal(2, coverage.GetProperty("households").GetInt32());
        Assert.Equal(1, coverage.GetProperty("contacted").GetInt32());
        Assert.Equal(0.5, coverage.GetProperty("rate").GetDouble());
        var list = await Http.GetJsonAsync(api, $"/api/v1/grids/{t.Grid.Id}/households");
        Assert.Equal(today, list.EnumerateArray().Single(h => h.GetProperty("id").GetInt64() == ids[0]).GetProperty("lastContactedOn").GetString());

        var outsider = await Factory.CreateApiClientAsync(await Factory.CreateUserAsync(BastionRoles.BranchSecretary, t.Other.Id));
        using var notTheirs = await Http.PostJsonAsync(outsider, $"/api/v1/grids/households/{ids[1]}/contacts", new { memberId = member.Id, contactedOn = today, kind = "Call" });
        await Http.ProblemAsync(notTheirs, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Api_EditAssignsAKeeper_BadInputIsA400AndChangesNothing_TheKeeperListsTheHouseholdAndItsContacts()
    {
        var t = await RequestsTestData.BuildAsync(app.Database);
        var (keeper, _) = await TestData.AddMemberAsync(app.Database, t.Community, "住户联系人");
        var secretary = await Factory.CreateApiClientAsync(await Factory.CreateUserAsync(BastionRoles.BranchSecretary, t.Community.Id));
        using var created = await Http.PostJsonAsync(secretary, $"/api/v1/grids/{t.Grid.Id}/households", new { address = "长安街9号", peopleCount = 2 });
        var id = (await Http.JsonAsync(created)).GetProperty("id").GetInt64();

        using (var bad = await Http.PutJsonAsync(secretary, $"/api/v1/grids/households/{id}", new { address = "", peopleCount = 2, keeperMemberId = -5 }))
        {
            var errors = (await Http.ProblemAsync(bad, HttpStatusCode.BadRequest)).GetProperty("errors");
            Assert.True(errors.TryGetProperty("Address", out _) && errors.TryGetProperty("KeeperMemberId", out _));
        }
        await using (var db = app.Database.NewContext())
        {
            var unchanged = await db.Set<Bastion.Grids.Household>().SingleAsync(h => h.Id == id);
            Assert.Equal(("长安街9号", 2, (long?)null), (unchanged.Address, unchanged.PeopleCount, unchanged.KeeperMemberId));
        }
        using (var ok = await Http.PutJsonAsync(secretary, $"/api/v1/grids/households/{id}", new { address = "长安街9号", peopleCount = 3, keeperMemberId = keeper.Id }))
            Assert.Equal(keeper.Id, (await Http.JsonAsync(ok)).GetProperty("keeperMemberId").GetInt64());
        var asMember = await Factory.CreateApiClientAsync(await Factory.CreateUserAsync(BastionRoles.Member, t.Community.Id, keeper.Id));
        using (var notAllowed = await Http.PutJsonAsync(asMember, $"/api/v1/grids/households/{id}", new { address = "长安街9号", peopleCount = 1 }))
            Assert.Equal(HttpStatusCode.Forbidden, notAllowed.StatusCode);

        var mine = (await Http.GetJsonAsync(asMember, "/api/v1/grids/households/mine")).EnumerateArray().ToList();
        Assert.Equal([id], mine.Select(h => h.GetProperty("id").GetInt64()));
        var today = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd");
        using (var logged = await Http.PostJsonAsync(asMember, $"/api/v1/grids/households/{id}/contacts", new { memberId = keeper.Id, contactedOn = today, kind = "Call", notes = "询问供暖情况" }))
            Assert.Equal(HttpStatusCode.Created, logged.StatusCode);
        var contacts = (await Http.GetJsonAsync(asMember, "/api/v1/grids/households/contacts?mine=true")).EnumerateArray().ToList();
        Assert.Equal([("长安街9号", "询问供暖情况")], contacts.Select(c => (c.GetProperty("address").GetString(), c.GetProperty("notes").GetString())));
        Assert.Single((await Http.GetJsonAsync(secretary, $"/api/v1/grids/households/contacts?gridId={t.Grid.Id}")).EnumerateArray());
        using (var neither = await secretary.GetAsync("/api/v1/grids/households/contacts"))
            await Http.ProblemAsync(neither, HttpStatusCode.BadRequest);

        var units = (await Http.GetJsonAsync(secretary, $"/api/v1/grids/households/coverage/{t.Community.Id}/units")).EnumerateArray().ToList();
        var own = Assert.Single(units);
        Assert.Equal((t.Community.Id, true, 1, 1, 1.0), (own.GetProperty("organizationId").GetInt64(), own.GetProperty("isOwn").GetBoolean(),
            own.GetProperty("households").GetInt32(), own.GetProperty("contacted").GetInt32(), own.GetProperty("rate").GetDouble()));
    }
}
