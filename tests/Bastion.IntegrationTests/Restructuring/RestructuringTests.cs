using System.Net;
using Bastion.Identity;
using Bastion.IntegrationTests.Coverage;
using Bastion.IntegrationTests.Infrastructure;
using Bastion.Members;
using Bastion.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Bastion.IntegrationTests.Restructuring;

/// <summary>Moving (subtree with it), merging and dissolving organizations, with their history and refusals.</summary>
public sealed class RestructuringTests(BastionAppFixture app) : IClassFixture<BastionAppFixture>
{
    private BastionFactory Factory => app.Factory;

    /// <summary>Root ─ county K ─┬─ township A ─ branch B ─ group G
    ///                           └─ township Z</summary>
    private async Task<(Organization Root, Organization K, Organization A, Organization B, Organization G, Organization Z)> TreeAsync()
    {
        var db = app.Database;
        var root = await TestData.AddRootAsync(db);
        var k = await TestData.AddOrganizationAsync(db, root, OrganizationKind.Committee, TestData.Unique("县委"));
        var a = await TestData.AddOrganizationAsync(db, k, OrganizationKind.Committee, TestData.Unique("甲镇党委"));
        var b = await TestData.AddOrganizationAsync(db, a, OrganizationKind.Branch, TestData.Unique("村支部"));
        var g = await TestData.AddOrganizationAsync(db, b, OrganizationKind.Group, TestData.Unique("一组"));
        var z = await TestData.AddOrganizationAsync(db, k, OrganizationKind.Committee, TestData.Unique("乙镇党委"));
        return (root, k, a, b, g, z);
    }

    private async Task<Organization> LoadAsync(long id)
    {
        await using var db = app.Database.NewContext();
        return await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == id);
    }

    [Fact]
    public async Task Move_TakesTheSubtreeAlong_InScopeAndHistory_AndRefusesCycles()
    {
        var (_, k, a, b, g, z) = await TreeAsync();
        var (member, _) = await TestData.AddMemberAsync(app.Database, b);
        long materialId;
        await using (var db = app.Database.NewContext())
        {
            var material = new Bastion.Study.StudyMaterial
            {
                OrganizationId = g.Id, PublisherPath = g.Path, Title = "小组学习材料", Kind = Bastion.Study.MaterialKind.Article,
                CreditHours = 1, LengthMinutes = 10, MinimumMinutes = 8, CreatedAt = DateTime.UtcNow, CreatedBy = "test",
            };
            db.Add(material);
            await db.SaveChangesAsync();
            materialId = material.Id;
        }
        var client = await Factory.CreateApiClientAsync(await Factory.CreateUserAsync(BastionRoles.OrganizationDepartment, k.Id));

        using (var noReason = await Http.PostJsonAsync(client, $"/api/v1/organizations/{b.Id}/move", new { newParentId = z.Id }))
            Assert.True((await Http.ProblemAsync(noReason, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("Reason", out _));
        using (var cycle = await Http.PostJsonAsync(client, $"/api/v1/organizations/{a.Id}/move", new { newParentId = b.Id, reason = "x" }))
            Assert.Equal("Restructure.NoCycle", (await Http.ProblemAsync(cycle, HttpStatusCode.Conflict)).GetProperty("rule").GetString());
        using (var kinds = await Http.PostJsonAsync(client, $"/api/v1/organizations/{g.Id}/move", new { newParentId = z.Id, reason = "x" }))
            Assert.Equal("TreeRules.ChildKindAllowed", (await Http.ProblemAsync(kinds, HttpStatusCode.Conflict)).GetProperty("rule").GetString());

        using var move = await Http.PostJsonAsync(client, $"/api/v1/organizations/{b.Id}/move", new { newParentId = z.Id, reason = "县委组织部〔2026〕12号" });
        Assert.Equal(HttpStatusCode.OK, move.StatusCode);
        Assert.Equal(2, (await Http.JsonAsync(move)).GetProperty("organizationsMoved").GetInt32());

        var (movedB, movedG, zz) = (await LoadAsync(b.Id), await LoadAsync(g.Id), await LoadAsync(z.Id));
        Assert.Equal(z.Id, movedB.ParentId);
        Assert.Equal(TreePath.Child(zz.Path, b.Id), movedB.Path);
        Assert.Equal(TreePath.Child(movedB.Path, g.Id), movedG.Path);
        Assert.Equal(zz.Depth + 2, movedG.Depth);
        Assert.Equal(b.Id, movedG.ParentId);
        // Study content published in the moved subtree follows its publisher.
        await using (var db = app.Database.NewContext())
            Assert.Equal(movedG.Path, (await db.Set<Bastion.Study.StudyMaterial>().SingleAsync(m => m.Id == materialId)).PublisherPath);

        // The member now counts under Z, not A: subtree counts come from the paths.
        var zDetail = await Http.GetJsonAsync(client, $"/api/v1/organizations/{z.Id}");
        var aDetail = await Http.GetJsonAsync(client, $"/api/v1/organizations/{a.Id}");
        Assert.Equal(1, zDetail.GetProperty("subtreeMembers").GetInt32());
        Assert.Equal(0, aDetail.GetProperty("subtreeMembers").GetInt32());
        // A secretary of Z's subtree now sees the branch; one bound to A no longer does.
        var zUser = await Factory.CreateApiClientAsync(await Factory.CreateUserAsync(BastionRoles.OrganizationDepartment, z.Id));
        var aUser = await Factory.CreateApiClientAsync(await Factory.CreateUserAsync(BastionRoles.OrganizationDepartment, a.Id));
        using (var seen = await zUser.GetAsync($"/api/v1/members/{member.Id}")) Assert.Equal(HttpStatusCode.OK, seen.StatusCode);
        using (var gone = await aUser.GetAsync($"/api/v1/members/{member.Id}")) Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);

        var history = await Http.GetJsonAsync(client, $"/api/v1/organizations/{b.Id}/history");
        var latest = history[0];
        Assert.Equal("Moved", latest.GetProperty("kind").GetString());
        Assert.Equal("县委组织部〔2026〕12号", latest.GetProperty("reason").GetString());
        Assert.Equal(z.Id, latest.GetProperty("relatedOrganizationId").GetInt64());
        Assert.Contains(history.EnumerateArray(), e => e.GetProperty("kind").GetString() == "Created");
    }

    [Fact]
    public async Task Move_OutsideTheCallersScope_IsNotFound()
    {
        var (_, _, a, b, _, z) = await TreeAsync();
        var client = await Factory.CreateApiClientAsync(await Factory.CreateUserAsync(BastionRoles.OrganizationDepartment, a.Id));
        using var move = await Http.PostJsonAsync(client, $"/api/v1/organizations/{b.Id}/move", new { newParentId = z.Id, reason = "跨范围" });
        Assert.True((await Http.ProblemAsync(move, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("NewParentId", out _));
        Assert.Equal(a.Id, (await LoadAsync(b.Id)).ParentId);
    }

    [Fact]
    public async Task Merge_MovesMembersAndGroups_EndsPositions_ClosesTheSource_AndDissolveNeedsAnEmptyOrganization()
    {
        var (_, k, a, b, g, _) = await TreeAsync();
        var target = await TestData.AddOrganizationAsync(app.Database, a, OrganizationKind.Branch, TestData.Unique("合并后支部"));
        await StructureTestData.AddMembersAsync(app.Database, b, 4);
        await StructureTestData.AddCommitteeAsync(app.Database, b, 2);
        var client = await Factory.CreateApiClientAsync(await Factory.CreateUserAsync(BastionRoles.OrganizationDepartment, k.Id));

        using (var dissolveFull = await Http.PostJsonAsync(client, $"/api/v1/organizations/{b.Id}/dissolve", new { reason = "撤销" }))
            Assert.Equal("Restructure.HasChildren", (await Http.ProblemAsync(dissolveFull, HttpStatusCode.Conflict)).GetProperty("rule").GetString());
        using (var level = await Http.PostJsonAsync(client, $"/api/v1/organizations/{b.Id}/merge", new { intoOrganizationId = a.Id, reason = "x" }))
            Assert.Equal("Restructure.SameLevel", (await Http.ProblemAsync(level, HttpStatusCode.Conflict)).GetProperty("rule").GetString());

        using var merge = await Http.PostJsonAsync(client, $"/api/v1/organizations/{b.Id}/merge", new { intoOrganizationId = target.Id, reason = "村庄合并" });
        Assert.Equal(HttpStatusCode.OK, merge.StatusCode);
        var result = await Http.JsonAsync(merge);
        Assert.Equal(4, result.GetProperty("membersMoved").GetInt32());
        Assert.Equal(1, result.GetProperty("organizationsMoved").GetInt32());
        Assert.Equal(2, result.GetProperty("positionsEnded").GetInt32());

        await using (var db = app.Database.NewContext())
        {
            Assert.Equal(4, await db.Members.CountAsync(m => m.OrganizationId == target.Id));
            Assert.Equal(0, await db.Members.CountAsync(m => m.OrganizationId == b.Id));
            Assert.Equal(0, await db.Set<Bastion.Positions.Position>().CountAsync(p => p.OrganizationId == b.Id && p.EndedOn == null));
        }
        Assert.Equal(OrganizationStatus.Dissolved, (await LoadAsync(b.Id)).Status);
        Assert.Equal(target.Id, (await LoadAsync(g.Id)).ParentId);
        Assert.Equal("MergedInto", (await Http.GetJsonAsync(client, $"/api/v1/organizations/{b.Id}/history"))[0].GetProperty("kind").GetString());
        Assert.Equal("Absorbed", (await Http.GetJsonAsync(client, $"/api/v1/organizations/{target.Id}/history"))[0].GetProperty("kind").GetString());

        using (var again = await Http.PostJsonAsync(client, $"/api/v1/organizations/{b.Id}/merge", new { intoOrganizationId = target.Id, reason = "again" }))
            Assert.Equal("Restructure.Active", (await Http.ProblemAsync(again, HttpStatusCode.Conflict)).GetProperty("rule").GetString());

        // Dissolving: refused while a member is active, done when empty.
        var empty = await TestData.AddOrganizationAsync(app.Database, a, OrganizationKind.Branch, TestData.Unique("空支部"));
        await StructureTestData.AddMembersAsync(app.Database, empty, 1);
        using (var withMember = await Http.PostJsonAsync(client, $"/api/v1/organizations/{empty.Id}/dissolve", new { reason = "撤销" }))
            Assert.Equal("Restructure.HasMembers", (await Http.ProblemAsync(withMember, HttpStatusCode.Conflict)).GetProperty("rule").GetString());
        await using (var db = app.Database.NewContext())
            await db.Members.Where(m => m.OrganizationId == empty.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, MemberStatus.Left));
        using (var dissolve = await Http.PostJsonAsync(client, $"/api/v1/organizations/{empty.Id}/dissolve", new { reason = "单位撤销" }))
            Assert.Equal(HttpStatusCode.OK, dissolve.StatusCode);
        Assert.Equal(OrganizationStatus.Dissolved, (await LoadAsync(empty.Id)).Status);
    }

    [Fact]
    public async Task Restructuring_IsForTheOrganizationDepartment_NotForBranchSecretaries()
    {
        var (_, _, a, b, _, z) = await TreeAsync();
        var secretary = await Factory.CreateApiClientAsync(await Factory.CreateUserAsync(BastionRoles.BranchSecretary, b.Id));
        using var move = await Http.PostJsonAsync(secretary, $"/api/v1/organizations/{b.Id}/move", new { newParentId = z.Id, reason = "x" });
        Assert.Equal(HttpStatusCode.Forbidden, move.StatusCode);
        Assert.Equal(a.Id, (await LoadAsync(b.Id)).ParentId);
    }

    [Fact]
    public async Task RestructurePage_ShowsErrorsBesideTheFields_ThenMoves_AndShowsTheHistory()
    {
        var (_, k, a, b, _, z) = await TreeAsync();
        var browser = await Factory.SignInAsync(await Factory.CreateUserAsync(BastionRoles.OrganizationDepartment, k.Id));
        var page = $"/Organizations/Restructure/{b.Id}";
        var token = await BastionFactory.AntiforgeryTokenAsync(browser, page + "?q=" + Uri.EscapeDataString(z.Name));

        using (var bad = await browser.PostAsync(page + "?handler=Move", BastionFactory.Form(("TargetId", z.Id.ToString()), ("Reason", ""), (BastionFactory.AntiforgeryField, token))))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.Contains("data-testid=\"reason-error\"", await bad.Content.ReadAsStringAsync());
        }
        Assert.Equal(a.Id, (await LoadAsync(b.Id)).ParentId);

        using (var ok = await browser.PostAsync(page + "?handler=Move", BastionFactory.Form(("TargetId", z.Id.ToString()), ("Reason", "区划调整"), (BastionFactory.AntiforgeryField, token))))
            Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        Assert.Equal(z.Id, (await LoadAsync(b.Id)).ParentId);
        var html = await browser.GetStringAsync(page);
        Assert.Contains("区划调整", html);
        Assert.Contains("data-testid=\"history\"", html);
    }
}
