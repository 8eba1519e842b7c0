using System.Net;
using Bastion.Grids;
using Bastion.Identity;
using Bastion.IntegrationTests.Coverage;
using Bastion.IntegrationTests.Infrastructure;
using Bastion.Organizations;
using Bastion.Requests;
using Microsoft.EntityFrameworkCore;

namespace Bastion.IntegrationTests.Requests;

/// <summary>
/// The household pages (联系群众): the secretary registers and corrects households and assigns members, the member logs
/// a visit that becomes a request in one step, and upper levels see coverage per sub-organization.
/// </summary>
public sealed class HouseholdPagesTests(BastionAppFixture app) : IClassFixture<BastionAppFixture>
{
    private BastionFactory Factory => app.Factory;

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient browser, string page, string action, params (string Name, string Value)[] fields)
    {
        var token = await BastionFactory.AntiforgeryTokenAsync(browser, page);
        return await browser.PostAsync(action, BastionFactory.Form([.. fields, (BastionFactory.AntiforgeryField, token)]));
    }

    private async Task<List<Household>> HouseholdsOfAsync(long gridId)
    {
        await using var db = app.Database.NewContext();
        return await db.Set<Household>().Where(h => h.GridId == gridId).OrderBy(h => h.Id).ToListAsync();
    }

    [Fact]
    public async Task HouseholdsPage_RegistersCorrectsAndAssigns_AndBadInputShowsTheFieldErrorAndChangesNothing()
    {
        var t = await RequestsTestData.BuildAsync(app.Database);
        var (keeper, _) = await TestData.AddMemberAsync(app.Database, t.Community, TestData.Unique("联系党员"));
        var (other, _) = await TestData.AddMemberAsync(app.Database, t.Community, TestData.Unique("另一党员"));
        var secretary = await Factory.SignInAsync(await Factory.CreateUserAsync(BastionRoles.BranchSecretary, t.Community.Id));
        var page = $"/Households?gridId={t.Grid.Id}";

        var html = await secretary.GetStringAsync(page);
        Assert.Contains(keeper.Name, html);
        Assert.Contains("data-testid=\"household-form\"", html);

        using (var bad = await PostFormAsync(secretary, page, page, ("Address", " "), ("PeopleCount", "0"), ("KeeperMemberId", "")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            var body = await bad.Content.ReadAsStringAsync();
            Assert.Matches("id=\"Address-error\">The address is required.<", body);
            Assert.Matches("id=\"PeopleCount-error\">A household has 1 to 50 people.<", body);
        }
        using (var notANumber = await PostFormAsync(secretary, page, page, ("Address", "幸福路2号"), ("PeopleCount", "三")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, notANumber.StatusCode);
            Assert.Contains("id=\"PeopleCount-error\"", await notANumber.Content.ReadAsStringAsync());
        }
        Assert.Empty(await HouseholdsOfAsync(t.Grid.Id));

        using (var added = await PostFormAsync(secretary, page, page, ("Address", "幸福路2号301"), ("PeopleCount", "4"), ("KeeperMemberId", keeper.Id.ToString())))
            Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var household = Assert.Single(await HouseholdsOfAsync(t.Grid.Id));
        Assert.Equal(("幸福路2号301", 4, (long?)keeper.Id), (household.Address, household.PeopleCount, household.KeeperMemberId));

        using (var duplicate = await PostFormAsync(secretary, page, page, ("Address", "幸福路2号301"), ("PeopleCount", "2")))
            Assert.Matches("id=\"Address-error\">This address is already registered", await duplicate.Content.ReadAsStringAsync());
        var editPage = $"/Households?gridId={t.Grid.Id}&edit={household.Id}";
        Assert.Contains("value=\"幸福路2号301\"", await secretary.GetStringAsync(editPage));
        using (var badEdit = await PostFormAsync(secretary, editPage, page, ("HouseholdId", household.Id.ToString()), ("Address", "幸福路2号301"), ("PeopleCount", "99")))
            Assert.Equal(HttpStatusCode.BadRequest, badEdit.StatusCode);
        Assert.Equal(4, Assert.Single(await HouseholdsOfAsync(t.Grid.Id)).PeopleCount);
        using (var edited = await PostFormAsync(secretary, editPage, page, ("HouseholdId", household.Id.ToString()), ("Address", "幸福路2号302"), ("PeopleCount", "5"),
                   ("KeeperMemberId", other.Id.ToString())))
            Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        household = Assert.Single(await HouseholdsOfAsync(t.Grid.Id));
        Assert.Equal(("幸福路2号302", 5, (long?)other.Id), (household.Address, household.PeopleCount, household.KeeperMemberId));
        Assert.Contains(other.Name, await secretary.GetStringAsync(page));

        // Another branch's secretary neither sees the grid nor edits its household.
        var outsider = await Factory.SignInAsync(await Factory.CreateUserAsync(BastionRoles.BranchSecretary, t.Other.Id));
        using (var hidden = await outsider.GetAsync(page)) Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
    }

    [Fact]
    public async Task MyHouseholds_LogAVisitRaisedAsARequest_TheRequestIsInTheGridsQueue_AndBadInputChangesNothing()
    {
        var t = await RequestsTestData.BuildAsync(app.Database);
        var (member, _) = await TestData.AddMemberAsync(app.Database, t.Community, TestData.Unique("网格党员"));
        long householdId;
        await using (var db = app.Database.NewContext())
            householdId = (await AddHousehold.HandleAsync(db, t.Grid.Id, new AddHousehold.Command { Address = "和平里5号", PeopleCount = 2, KeeperMemberId = member.Id })).Id;
        var phone = await Factory.SignInAsync(await Factory.CreateUserAsync(BastionRoles.Member, t.Community.Id, member.Id));
        const string mine = "/Households/Mine";
        var html = await phone.GetStringAsync(mine);
        Assert.Contains($"data-testid=\"household-{householdId}\"", html);
        Assert.Contains("和平里5号", html);

        var today = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd");
        var action = $"{mine}?householdId={householdId}";
        using (var noNotes = await PostFormAsync(phone, mine, action, ("Kind", "Visit"), ("ContactedOn", today), ("Notes", ""), ("MakeRequest", "true"), ("Category", "public-facilities")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, noNotes.StatusCode);
            Assert.Matches($"id=\"notes-{householdId}-error\">Write what was raised to make it a request.<", await noNotes.Content.ReadAsStringAsync());
        }
        using (var noCategory = await PostFormAsync(phone, mine, action, ("Kind", "Visit"), ("ContactedOn", today), ("Notes", "路灯不亮"), ("MakeRequest", "true"), ("Category", "")))
            Assert.Matches($"id=\"category-{householdId}-error\">Choose the service category", await noCategory.Content.ReadAsStringAsync());
        using (var future = await PostFormAsync(phone, mine, action, ("Kind", "Call"), ("ContactedOn", DateOnly.FromDateTime(DateTime.UtcNow).AddDays(3).ToString("yyyy-MM-dd"))))
            Assert.Matches($"id=\"on-{householdId}-error\">Contacts are recorded after they happen.<", await future.Content.ReadAsStringAsync());
        await using (var db = app.Database.NewContext())
        {
            Assert.False(await db.Set<HouseholdContact>().AnyAsync(c => c.HouseholdId == householdId));
            Assert.False(await db.Set<ServiceRequest>().AnyAsync(r => r.GridId == t.Grid.Id));
        }

        using var logged = await PostFormAsync(phone, mine, action, ("Kind", "Visit"), ("ContactedOn", today), ("Notes", "楼道灯坏了，老人晚上下楼不便"),
            ("MakeRequest", "true"), ("Category", "public-facilities"));
        Assert.Equal(HttpStatusCode.Redirect, logged.StatusCode);
        HouseholdContact contact;
        ServiceRequest request;
        await using (var db = app.Database.NewContext())
        {
            contact = await db.Set<HouseholdContact>().SingleAsync(c => c.HouseholdId == householdId);
            request = await db.Set<ServiceRequest>().SingleAsync(r => r.Id == contact.RaisedRequestId);
        }
        Assert.Equal((member.Id, HouseholdContactKind.Visit), (contact.MemberId, contact.Kind));
        Assert.Equal((t.Community.Id, t.Grid.Id, "和平里5号", "楼道灯坏了，老人晚上下楼不便"), (request.OrganizationId, request.GridId!.Value, request.AddressText!, request.Description));
        Assert.EndsWith($"request={request.Id}", logged.Headers.Location!.OriginalString);
        var display = TrackingCode.Display(request.TrackingCode);
        Assert.Contains(display, await phone.GetStringAsync(logged.Headers.Location.OriginalString));

        var secretary = await Factory.SignInAsync(await Factory.CreateUserAsync(BastionRoles.BranchSecretary, t.Community.Id));
        var queue = await secretary.GetStringAsync($"/Requests?org={t.Community.Id}");
        Assert.Contains($"<tr data-id=\"{request.Id}\"", queue);
        Assert.Contains(display, queue);
        Assert.Contains(display, await secretary.GetStringAsync($"/Households?gridId={t.Grid.Id}"));
        Assert.Contains(today, await secretary.GetStringAsync($"/Households?gridId={t.Grid.Id}"));

        // A plain call without a request.
        using (var call = await PostFormAsync(phone, mine, action, ("Kind", "Call"), ("ContactedOn", today), ("Notes", "")))
            Assert.Equal($"{mine}?done=true", call.Headers.Location!.OriginalString);
        await using (var db = app.Database.NewContext())
            Assert.Equal(1, await db.Set<HouseholdContact>().CountAsync(c => c.HouseholdId == householdId && c.RaisedRequestId == null && c.Kind == HouseholdContactKind.Call));
    }

    /// <summary>
    /// county ─┬─ township T1 (own grid: 1 household, contacted) ─┬─ branch B1 (3 households: 2 contacted in the period, 1 only before)
    ///         │                                                  └─ branch B2 (2 households, none contacted)
    ///         ├─ township T2 ─ branch B3 (4 households: 3 contacted in the period, 1 only after it)
    ///         └─ township T3 (no households)
    /// </summary>
    private async Task<(Organization County, Organization T1, Organization T2, Organization T3, Organization B1, Organization B2, DateOnly From, DateOnly To)> CoverageTreeAsync()
    {
        var root = await TestData.AddRootAsync(app.Database);
        var county = await TestData.AddOrganizationAsync(app.Database, root, OrganizationKind.Committee, TestData.Unique("县委"));
        var t1 = await TestData.AddOrganizationAsync(app.Database, county, OrganizationKind.Committee, TestData.Unique("一镇党委"));
        var t2 = await TestData.AddOrganizationAsync(app.Database, county, OrganizationKind.Committee, TestData.Unique("二镇党委"));
        var t3 = await TestData.AddOrganizationAsync(app.Database, county, OrganizationKind.Committee, TestData.Unique("三镇党委"));
        var b1 = await TestData.AddOrganizationAsync(app.Database, t1, OrganizationKind.Branch, TestData.Unique("甲社区党支部"));
        var b2 = await TestData.AddOrganizationAsync(app.Database, t1, OrganizationKind.Branch, TestData.Unique("乙村党支部"));
        var b3 = await TestData.AddOrganizationAsync(app.Database, t2, OrganizationKind.Branch, TestData.Unique("丙村党支部"));
        var (member, _) = await TestData.AddMemberAsync(app.Database, b1);
        var (from, to) = (new DateOnly(2026, 1, 1), new DateOnly(2026, 6, 30));
        await using var db = app.Database.NewContext();
        async Task GridAsync(Organization org, params DateOnly[][] contactsPerHousehold)
        {
            var grid = await CreateGrid.HandleAsync(db, new CreateGrid.Command { OrganizationId = org.Id, Name = "网格", Code = "C" + Guid.NewGuid().ToString("N")[..10] });
            for (var i = 0; i < contactsPerHousehold.Length; i++)
            {
                var h = new Household { OrganizationId = org.Id, RegionId = org.RegionId, GridId = grid.Id, Address = $"{i + 1}号", PeopleCount = 3, CreatedAt = DateTime.UtcNow };
                db.Add(h);
                await db.SaveChangesAsync();
                foreach (var on in contactsPerHousehold[i])
                    db.Add(new HouseholdContact { OrganizationId = org.Id, HouseholdId = h.Id, MemberId = member.Id, ContactedOn = on, Kind = HouseholdContactKind.Visit, CreatedAt = DateTime.UtcNow });
            }
            await db.SaveChangesAsync();
        }
        await GridAsync(t1, [from]);
        await GridAsync(b1, [new(2026, 2, 3), new(2026, 3, 4)], [to], [from.AddDays(-1)]);
        await GridAsync(b2, [], []);
        await GridAsync(b3, [new(2026, 4, 1)], [new(2026, 5, 1)], [new(2026, 6, 1)], [to.AddDays(1)]);
        return (county, t1, t2, t3, b1, b2, from, to);
    }

    [Fact]
    public async Task CoverageByUnit_OnAHandBuiltSubtree_CountsEachPartExactly_LeastCoveredFirst_InTwoStatements()
    {
        var (county, t1, t2, t3, b1, b2, from, to) = await CoverageTreeAsync();
        var counter = new StatementCounter();
        await using var db = StructureTestData.CountingContext(app.Database, counter);

        var units = await HouseholdQueries.CoverageByUnitAsync(db, county.Id, from, to);
        Assert.Equal(2, counter.Count);
        Assert.Equal([(t1.Id, false, 6, 3), (t2.Id, false, 4, 3), (t3.Id, false, 0, 0)],
            units!.Select(u => (u.OrganizationId, u.IsOwn, u.Households, u.Contacted)).ToList());
        Assert.Equal([0.5, 0.75, null], units!.Select(u => u.Rate));
        var whole = await HouseholdQueries.CoverageAsync(db, county.Id, from, to);
        Assert.Equal((10, 6), (whole!.Households, whole.Contacted));

        counter.Reset();
        var township = await HouseholdQueries.CoverageByUnitAsync(db, t1.Id, from, to);
        Assert.Equal(2, counter.Count);
        Assert.Equal([(b2.Id, false, 2, 0), (b1.Id, false, 3, 2), (t1.Id, true, 1, 1)],
            township!.Select(u => (u.OrganizationId, u.IsOwn, u.Households, u.Contacted)).ToList());
        Assert.Null(await HouseholdQueries.CoverageByUnitAsync(db, -1, from, to));
    }

    [Fact]
    public async Task CoveragePage_ShowsThePeriodsFigures_AndABackwardPeriodIsRefusedBesideTheField()
    {
        var (county, t1, _, _, _, b2, from, to) = await CoverageTreeAsync();
        var staff = await Factory.SignInAsync(await Factory.CreateUserAsync(BastionRoles.OrganizationDepartment, county.Id));
        var html = await staff.GetStringAsync($"/Households/Coverage?organizationId={county.Id}&from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}");
        Assert.Matches("data-testid=\"coverage-total\">6 / 10<", html);
        Assert.Contains($"data-unit=\"{t1.Id}\"", html);
        Assert.DoesNotContain($"data-unit=\"{b2.Id}\"", html);
        var drill = await staff.GetStringAsync($"/Households/Coverage?organizationId={t1.Id}&from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}");
        Assert.Matches("data-testid=\"coverage-total\">3 / 6<", drill);
        Assert.True(drill.IndexOf($"data-unit=\"{b2.Id}\"", StringComparison.Ordinal) < drill.IndexOf($"data-unit=\"{t1.Id}\"", StringComparison.Ordinal));

        using var backward = await staff.GetAsync($"/Households/Coverage?organizationId={county.Id}&from={to:yyyy-MM-dd}&to={from:yyyy-MM-dd}");
        Assert.Equal(HttpStatusCode.BadRequest, backward.StatusCode);
        Assert.Matches("id=\"to-error\">The end of the period is on or after its start.<", await backward.Content.ReadAsStringAsync());

        var outsider = await Factory.SignInAsync(await Factory.CreateUserAsync(BastionRoles.BranchSecretary, b2.Id));
        using var hidden = await outsider.GetAsync($"/Households/Coverage?organizationId={county.Id}");
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
    }
}
