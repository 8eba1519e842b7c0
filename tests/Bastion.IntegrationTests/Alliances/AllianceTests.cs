using System.Net;
using System.Text.Json;
using Bastion.Alliances;
using Bastion.Identity;
using Bastion.IntegrationTests.Infrastructure;
using Bastion.Organizations;

namespace Bastion.IntegrationTests.Alliances;

/// <summary>Joint building (联建共建): visibility across scopes, activities, statistics, validation.</summary>
public sealed class AllianceTests(BastionAppFixture app) : IClassFixture<BastionAppFixture>
{
    private BastionFactory Factory => app.Factory;

    /// <summary>Root ─┬─ committee C1 ─ branch B1
    ///               └─ committee C2 ─┬─ branch B2
    ///                                └─ branch U (unrelated)</summary>
    private sealed record Tree(Organization Root, Organization C1, Organization C2, Organization B1, Organization B2, Organization U);

    private async Task<Tree> BuildTreeAsync()
    {
        var db = app.Database;
        var root = await TestData.AddRootAsync(db);
        var c1 = await TestData.AddOrganizationAsync(db, root, OrganizationKind.Committee, TestData.Unique("党委C1"));
        var c2 = await TestData.AddOrganizationAsync(db, root, OrganizationKind.Committee, TestData.Unique("党委C2"));
        var b1 = await TestData.AddOrganizationAsync(db, c1, OrganizationKind.Branch, TestData.Unique("村支部B1"));
        var b2 = await TestData.AddOrganizationAsync(db, c2, OrganizationKind.Branch, TestData.Unique("企业支部B2"));
        var u = await TestData.AddOrganizationAsync(db, c2, OrganizationKind.Branch, TestData.Unique("无关支部U"));
        return new Tree(root, c1, c2, b1, b2, u);
    }

    private static object CreateBody(string name, Organization lead, params Organization[] members) => new
    {
        name, type = "VillageEnterprise", leadOrganizationId = lead.Id, foundedOn = DateTime.Today.AddYears(-1).ToString("yyyy-MM-dd"),
        agreementSummary = "村企结对，共促振兴", members = members.Select(m => new { organizationId = m.Id, role = "结对企业" }).ToArray(),
    };

    private async Task<long> CreateAsync(HttpClient client, Tree t)
    {
        using var response = await Http.PostJsonAsync(client, "/api/v1/alliances", CreateBody(TestData.Unique("村企联建"), t.B1, t.B2));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await Http.JsonAsync(response)).GetProperty("id").GetInt64();
    }

    [Fact]
    public async Task Alliance_AcrossSiblingCommittees_IsVisibleToBothSecretariesAndToTheLeadsOrgDeptOnly()
    {
        var t = await BuildTreeAsync();
        var secretary1 = await Factory.CreateApiClientAsync(await Factory.CreateUserAsync(BastionRoles.BranchSecretary, t.B1.Id));
        var secretary2 = await Factory.CreateApiClientAsync(await Factory.CreateUserAsync(BastionRoles.BranchSecretary, t.B2.Id));
        var orgDept1 = await Factory.CreateApiClientAsync(await Factory.CreateUserAsync(BastionRoles.OrganizationDepartment, t.C1.Id));
        var unrelated = await Factory.CreateApiClientAsync(await Factory.CreateUserAsync(BastionRoles.BranchSecretary, t.U.Id));
        var id = await CreateAsync(secretary1, t);

        foreach (var client in new[] { secretary1, secretary2, orgDept1 })
        {
            var detail = await Http.GetJsonAsync(client, $"/api/v1/alliances/{id}");
            Assert.Equal("VillageEnterprise", detail.GetProperty("type").GetString());
            Assert.Equal([t.B1.Id, t.B2.Id], detail.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("organizationId").GetInt64()).Order());
            Assert.Contains(id, Http.Ids(await Http.GetJsonAsync(client, "/api/v1/alliances?type=VillageEnterprise&pageSize=200")));
        }
        // B2's secretary sees B1 by name only.
        var seenBy2 = (await Http.GetJsonAsync(secretary2, $"/api/v1/alliances/{id}")).GetProperty("members").EnumerateArray()
            .ToDictionary(m => m.GetProperty("organizationId").GetInt64());
        Assert.Equal(t.B1.Name, seenBy2[t.B1.Id].GetProperty("name").GetString());
        Assert.False(seenBy2[t.B1.Id].GetProperty("inScope").GetBoolean());
        Assert.True(seenBy2[t.B2.Id].GetProperty("inScope").GetBoolean());

        using var notFound = await unrelated.GetAsync($"/api/v1/alliances/{id}");
        await Http.ProblemAsync(notFound, HttpStatusCode.NotFound);
        Assert.DoesNotContain(id, Http.Ids(await Http.GetJsonAsync(unrelated, "/api/v1/alliances?pageSize=200")));
        using var activityByUnrelated = await Http.PostJsonAsync(unrelated, $"/api/v1/alliances/{id}/activities", Activity(t.B2, DateTime.Today));
        await Http.ProblemAsync(activityByUnrelated, HttpStatusCode.NotFound);
        using var page = await (await Factory.SignInAsync(await Factory.CreateUserAsync(BastionRoles.BranchSecretary, t.U.Id))).GetAsync($"/Alliances/{id}");
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
    }

    private static object Activity(Organization organizer, DateTime heldOn) => new
    {
        heldOn = heldOn.ToString("yyyy-MM-dd"), title = "联合主题党日", summary = "走访结对村", participantCount = 24, organizingOrganizationId = organizer.Id,
    };

    [Fact]
    public async Task RecordActivity_ByMemberOutsideLeadScope_IsRecordedButMembershipStaysWithTheLead()
    {
        var t = await BuildTreeAsync();
        var secretary1 = await Factory.CreateApiClientAsync(await Factory.CreateUserAsync(BastionRoles.BranchSecretary, t.B1.Id));
        var secretary2 = await Factory.CreateApiClientAsync(await Factory.CreateUserAsync(BastionRoles.BranchSecretary, t.B2.Id));
        var id = await CreateAsync(secretary1, t);

        using (var recorded = await Http.PostJsonAsync(secretary2, $"/api/v1/alliances/{id}/activities", Activity(t.B2, DateTime.Today)))
            Assert.Equal(HttpStatusCode.Created, recorded.StatusCode);
        using (var future = await Http.PostJsonAsync(secretary2, $"/api/v1/alliances/{id}/activities", Activity(t.B2, DateTime.Today.AddDays(2))))
            Assert.True((await Http.ProblemAsync(future, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("HeldOn", out _));

        var activities = await Http.GetJsonAsync(secretary1, $"/api/v1/alliances/{id}/activities");
        var only = Assert.Single(activities.GetProperty("items").EnumerateArray());
        Assert.Equal((24, t.B2.Name), (only.GetProperty("participantCount").GetInt32(), only.GetProperty("organizingOrganizationName").GetString()));

        using (var addBy2 = await Http.PostJsonAsync(secretary2, $"/api/v1/alliances/{id}/members", new { organizationId = t.U.Id }))
            Assert.Equal("AllianceIsManagedByItsLead", (await Http.ProblemAsync(addBy2, HttpStatusCode.Conflict)).GetProperty("rule").GetString());
        using (var addBy1 = await Http.PostJsonAsync(secretary1, $"/api/v1/alliances/{id}/members", new { organizationId = t.U.Id, role = "志愿服务" }))
            Assert.Equal(HttpStatusCode.OK, addBy1.StatusCode);
        using (var removeLead = await secretary1.DeleteAsync($"/api/v1/alliances/{id}/members/{t.B1.Id}"))
            await Http.ProblemAsync(removeLead, HttpStatusCode.Conflict);
        using (var removeU = await secretary1.DeleteAsync($"/api/v1/alliances/{id}/members/{t.U.Id}"))
            Assert.Equal(HttpStatusCode.NoContent, removeU.StatusCode);
    }

    [Fact]
    public async Task Create_WithOnlyTheLead_IsBadRequest()
    {
        var t = await BuildTreeAsync();
        var secretary1 = await Factory.CreateApiClientAsync(await Factory.CreateUserAsync(BastionRoles.BranchSecretary, t.B1.Id));

        using var response = await Http.PostJsonAsync(secretary1, "/api/v1/alliances", CreateBody(TestData.Unique("单独"), t.B1, t.B1));
        var problem = await Http.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("Members", out _));

        using var outOfScopeLead = await Http.PostJsonAsync(secretary1, "/api/v1/alliances", CreateBody(TestData.Unique("越权"), t.B2, t.B1));
        Assert.True((await Http.ProblemAsync(outOfScopeLead, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("LeadOrganizationId", out _));
    }

    [Fact]
    public async Task CreatePage_WithOneMember_ShowsTheErrorBesideTheField()
    {
        var t = await BuildTreeAsync();
        var browser = await Factory.SignInAsync(await Factory.CreateUserAsync(BastionRoles.BranchSecretary, t.B1.Id));
        var token = await BastionFactory.AntiforgeryTokenAsync(browser, "/Alliances/Create");
        using var response = await browser.PostAsync("/Alliances/Create", BastionFactory.Form(
            (BastionFactory.AntiforgeryField, token), ("Name", "单独联建"), ("Type", "Community"), ("LeadOrganizationId", t.B1.Id.ToString()),
            ("FoundedOn", DateTime.Today.ToString("yyyy-MM-dd")), ("MemberIds", "")));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("MemberIds-error", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Pages_ForAMember_ListAndShowTheAlliance()
    {
        var t = await BuildTreeAsync();
        var secretary1 = await Factory.CreateApiClientAsync(await Factory.CreateUserAsync(BastionRoles.BranchSecretary, t.B1.Id));
        var id = await CreateAsync(secretary1, t);
        var browser = await Factory.SignInAsync(await Factory.CreateUserAsync(BastionRoles.BranchSecretary, t.B2.Id));

        var list = await browser.GetStringAsync("/Alliances");
        Assert.Contains($"/Alliances/{id}", list);
        var token = await BastionFactory.AntiforgeryTokenAsync(browser, $"/Alliances/{id}");
        using var post = await browser.PostAsync($"/Alliances/{id}", BastionFactory.Form(
            (BastionFactory.AntiforgeryField, token), ("HeldOn", DateTime.Today.ToString("yyyy-MM-dd")), ("Title", "共建议事会"),
            ("ParticipantCount", "12"), ("OrganizingOrganizationId", t.B2.Id.ToString())));
        Assert.True(post.IsSuccessStatusCode || post.StatusCode == HttpStatusCode.Redirect, $"{(int)post.StatusCode}");
        Assert.Contains("共建议事会", await browser.GetStringAsync($"/Alliances/{id}"));
    }

    [Fact]
    public async Task Statistics_WhenHandBuilt_CountActiveAlliancesByTypeAndRecentActivities()
    {
        var t = await BuildTreeAsync();
        var today = DateOnly.FromDateTime(DateTime.Today);
        var founded = today.AddYears(-2);

        async Task<Alliance> Create(AllianceType type, Organization lead, params Organization[] members)
        {
            await using var db = app.Database.NewContext();
            return await CreateAlliance.HandleAsync(db, new CreateAlliance.Command
            {
                Name = TestData.Unique("联建"), Type = type, LeadOrganizationId = lead.Id, FoundedOn = founded,
                Members = members.Select(m => new CreateAlliance.MemberInput { OrganizationId = m.Id }).ToList(),
            });
        }
        async Task Record(Alliance a, Organization organizer, DateOnly heldOn)
        {
            await using var db = app.Database.NewContext();
            await RecordAllianceActivity.HandleAsync(db, a.Id, new RecordAllianceActivity.Command
            {
                HeldOn = heldOn, Title = "共建活动", ParticipantCount = 10, OrganizingOrganizationId = organizer.Id,
            });
        }

        var village = await Create(AllianceType.VillageEnterprise, t.B1, t.B2);
        await Record(village, t.B1, today);
        await Record(village, t.B2, today.AddMonths(-11));
        await Record(village, t.B1, today.AddMonths(-13));
        var community = await Create(AllianceType.Community, t.B2, t.U);
        await Record(community, t.U, today.AddDays(-3));
        var research = await Create(AllianceType.IndustryUniversityResearch, t.U, t.B1);
        await Record(research, t.U, today.AddMonths(-1));
        var ended = await Create(AllianceType.VillageEnterprise, t.C1, t.B1);
        await Record(ended, t.C1, today.AddDays(-1));
        await using (var db = app.Database.NewContext())
            await EndAlliance.HandleAsync(db, ended.Id, new EndAlliance.Command());

        await using var read = app.Database.NewContext();
        var c1 = await AllianceStatistics.ForSubtreeAsync(read, t.C1.Id);
        Assert.NotNull(c1);
        Assert.Equal([new AllianceTypeCount(AllianceType.IndustryUniversityResearch, 1, 1), new AllianceTypeCount(AllianceType.VillageEnterprise, 1, 2)], c1.ByType);
        Assert.Equal((2, 3), (c1.ActiveAlliances, c1.ActivitiesLast12Months));

        var c2 = await AllianceStatistics.ForSubtreeAsync(read, t.C2.Id);
        Assert.NotNull(c2);
        Assert.Equal(
            [
                new AllianceTypeCount(AllianceType.IndustryUniversityResearch, 1, 1),
                new AllianceTypeCount(AllianceType.VillageEnterprise, 1, 2),
                new AllianceTypeCount(AllianceType.Community, 1, 1),
            ],
            c2.ByType);
        Assert.Equal((3, 4), (c2.ActiveAlliances, c2.ActivitiesLast12Months));
    }
}
