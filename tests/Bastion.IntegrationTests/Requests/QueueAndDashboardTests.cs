using System.Net;
using Bastion.Data;
using Bastion.Identity;
using Bastion.IntegrationTests.Infrastructure;
using Bastion.IntegrationTests.Members;
using Bastion.Organizations;
using Bastion.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Bastion.IntegrationTests.Requests;

/// <summary>Queues and the dashboard are set-based and compute the right figures from hand-built requests.</summary>
public sealed class QueueAndDashboardTests(BastionAppFixture app) : IClassFixture<BastionAppFixture>
{
    private BastionFactory Factory => app.Factory;

    private async Task<long> SubmitAsync(TimeProvider clock, RequestsTree t, string category, long? organizationId = null)
    {
        await using var db = app.Database.NewContext(FixedDataScope.Nothing, clock);
        return (await SubmitRequest.HandleAsync(db, TestData.Pii(app.Database), new SubmitRequest.Command
        {
            CategoryCode = category, Description = "统计用诉求", GridId = organizationId is null ? t.Grid.Id : null, OrganizationId = organizationId,
        })).Id;
    }

    [Fact]
    public async Task Queue_IsTwoStatements_WhateverTheNumberOfRequests()
    {
        var t = await RequestsTestData.BuildAsync(app.Database);
        for (var i = 0; i < 40; i++) await SubmitAsync(TimeProvider.System, t, i % 2 == 0 ? "environment" : "property");
        var orgPath = await PathAsync(t.Township.Id);
        using var counter = new SqlCommandCounter(app.Database);
        Bastion.Shared.Page<QueueItem>? page = null;
        var commands = await counter.CountAsync(async () =>
        {
            await using var db = app.Database.NewContext(new FixedDataScope(orgPath, "t"));
            page = await RequestQueries.QueueAsync(db, new QueueFilter { OrganizationId = t.Community.Id, PageSize = 25 });
        });
        Assert.Equal(40, page!.TotalCount);
        Assert.Equal(25, page.Items.Count);
        Assert.True(commands.Count <= 2, string.Join("\n---\n", commands));
    }

    [Fact]
    public async Task Dashboard_ComputesOnTimeSatisfactionReopenAndOldestOpen_ForTheSubtreeOnly()
    {
        var t = await RequestsTestData.BuildAsync(app.Database);
        var outside = await TestData.AddOrganizationAsync(app.Database, t.County, OrganizationKind.Branch);
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow.AddDays(-30));
        var owner = await Factory.CreateUserAsync(BastionRoles.BranchSecretary, t.Community.Id);
        var actor = new RequestActor(owner.Id, "书记");

        var oldestOpen = await SubmitAsync(clock, t, "environment");                        // stays open
        clock.Advance(TimeSpan.FromHours(1));
        var onTime = await SubmitAsync(clock, t, "environment");                            // answered in 2 h, rated 5
        var late = await SubmitAsync(clock, t, "property");                                 // answered after 8 days, rated 2, reopened
        await SubmitAsync(clock, t, "environment", outside.Id);                             // outside the township's subtree
        await using (var db = app.Database.NewContext(time: clock))
        {
            await RequestActions.TakeAsync(db, onTime, actor);
            await RequestActions.TakeAsync(db, late, actor);
        }
        clock.Advance(TimeSpan.FromHours(2));
        await using (var db = app.Database.NewContext(time: clock))
        {
            await RequestActions.ReplyAsync(db, onTime, actor, "已处理");
            await RequesterActions.RateAsync(db, await CodeAsync(onTime), 5, "好");
        }
        clock.Advance(TimeSpan.FromDays(8));
        await using (var db = app.Database.NewContext(time: clock))
        {
            await RequestActions.ReplyAsync(db, late, actor, "已处理");
            await RequesterActions.RateAsync(db, await CodeAsync(late), 2, "太慢");
        }

        await using (var db = app.Database.NewContext(time: clock))
        {
            var d = (await RequestDashboard.ForSubtreeAsync(db, t.Township.Id, null, null))!;
            Assert.Equal(3, d.Received);
            Assert.Equal(1, d.Open);
            Assert.Equal(1, d.Overdue);
            Assert.Equal(0.5, d.OnTimeRate);
            Assert.Equal(3.5, d.AverageRating);
            Assert.Equal(0.5, d.SatisfactionRate);
            Assert.Equal(0.0, d.ReopenRate);
            Assert.Equal(oldestOpen, d.OldestOpen[0].Id);
            Assert.Equal(2, d.ByCategory.Single(c => c.CategoryCode == "environment").Received);
            await RequesterActions.ReopenAsync(db, await CodeAsync(late), "还是没解决");
            d = (await RequestDashboard.ForSubtreeAsync(db, t.Township.Id, null, null))!;
            Assert.Equal(Math.Round(1 / 3.0, 4), d.ReopenRate);
            Assert.Equal(5.0, d.AverageRating); // the reopened answer's rating no longer counts
        }

        // The page and the API answer for an organization in scope, 404 outside it.
        var secretary = await Factory.SignInAsync(await Factory.CreateUserAsync(BastionRoles.OrganizationDepartment, t.Township.Id));
        using (var page = await secretary.GetAsync($"/Requests/Dashboard?org={t.Township.Id}"))
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var api = await Factory.CreateApiClientAsync(await Factory.CreateUserAsync(BastionRoles.OrganizationDepartment, t.Township.Id));
        using (var notMine = await api.GetAsync($"/api/v1/requests/dashboard/{outside.Id}"))
            Assert.Equal(HttpStatusCode.NotFound, notMine.StatusCode);
        using var export = await api.GetAsync($"/api/v1/requests/export?organizationId={t.Community.Id}");
        Assert.Equal(RequestWorkbook.ContentType, export.Content.Headers.ContentType!.MediaType);
        var rows = MiniExcelLibs.MiniExcel.Query(new MemoryStream(await export.Content.ReadAsByteArrayAsync()), useHeaderRow: true).ToList();
        Assert.Equal(2, rows.Count); // the open one and the reopened one
    }

    [Fact]
    public async Task Grids_CreatedInScope_CodeUnique_ListedPublicly()
    {
        var t = await RequestsTestData.BuildAsync(app.Database);
        var api = await Factory.CreateApiClientAsync(await Factory.CreateUserAsync(BastionRoles.BranchSecretary, t.Community.Id));
        var code = ("W" + Guid.NewGuid().ToString("N")[..8]).ToUpperInvariant();
        using (var created = await Http.PostJsonAsync(api, "/api/v1/grids", new { organizationId = t.Community.Id, name = "第二网格", code }))
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using (var again = await Http.PostJsonAsync(api, "/api/v1/grids", new { organizationId = t.Community.Id, name = "重复", code = code.ToLowerInvariant() }))
            Assert.Contains("Code", (await Http.ProblemAsync(again, HttpStatusCode.BadRequest)).GetProperty("errors").EnumerateObject().Select(p => p.Name));
        using (var outside = await Http.PostJsonAsync(api, "/api/v1/grids", new { organizationId = t.Other.Id, name = "越权", code = "X" + code }))
            await Http.ProblemAsync(outside, HttpStatusCode.BadRequest);
        var list = await Http.GetJsonAsync(api, "/api/v1/grids");
        Assert.Contains(list.EnumerateArray(), g => g.GetProperty("code").GetString() == code);
        var publicPage = await Factory.CreateClient().GetStringAsync("/public/requests/new");
        Assert.Contains(code, publicPage);
        var english = await Factory.CreateClient().GetStringAsync("/public/requests/new?culture=en");
        Assert.Contains("Raise a request", english);
        var secretary = await Factory.SignInAsync(await Factory.CreateUserAsync(BastionRoles.BranchSecretary, t.Community.Id));
        Assert.Contains(code, await secretary.GetStringAsync("/Requests/Grids"));
    }

    private async Task<string> PathAsync(long id)
    {
        await using var db = app.Database.NewContext();
        return await db.Organizations.Where(o => o.Id == id).Select(o => o.Path).SingleAsync();
    }

    private async Task<string> CodeAsync(long id)
    {
        await using var db = app.Database.NewContext();
        return await db.Set<ServiceRequest>().Where(r => r.Id == id).Select(r => r.TrackingCode).SingleAsync();
    }
}
