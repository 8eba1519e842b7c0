using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Bastion.Directives;
using Bastion.Identity;
using Bastion.IntegrationTests.Cascades;
using Bastion.IntegrationTests.Infrastructure;
using Bastion.Notifications;
using Bastion.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Bastion.IntegrationTests.Directives;

/// <summary>Directives through the API: issue from a county to every village branch, live roll-up at each level, evidence, return, escalation.</summary>
public sealed class DirectiveApiTests(BastionAppFixture app) : IClassFixture<BastionAppFixture>
{
    private BastionFactory Factory => app.Factory;

    private static (int Total, int Completed, int Overdue, int NotStarted) Counts(JsonElement rows, Organization org)
    {
        var r = rows.EnumerateArray().Single(x => x.GetProperty("organizationId").GetInt64() == org.Id);
        return (r.GetProperty("total").GetInt32(), r.GetProperty("completed").GetInt32(), r.GetProperty("overdue").GetInt32(), r.GetProperty("notStarted").GetInt32());
    }

    private static MultipartFormDataContent Form(string text, string? number, params (string Name, byte[] Bytes)[] files)
    {
        var form = new MultipartFormDataContent { { new StringContent(text), "text" } };
        if (number is not null) form.Add(new StringContent(number), "number");
        foreach (var (name, bytes) in files)
        {
            var part = new ByteArrayContent(bytes);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            form.Add(part, "file", name);
        }
        return form;
    }

    private static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj<<>>endobj\n%%EOF"u8.ToArray();

    [Fact]
    public async Task CountyToAllVillageBranches_CountsAtEveryLevel_AndOneCompletionMovesThemAllTheWayUp()
    {
        var tree = await CascadeTree.BuildAsync(app.Database);
        var county = await Factory.CreateApiClientAsync(await Factory.CreateUserAsync(BastionRoles.OrganizationDepartment, tree.C.Id));
        var due = DateTime.Today.AddDays(7).ToString("yyyy-MM-dd");

        using var bad = await Http.PostJsonAsync(county, "/api/v1/directives", new { title = "", dueOn = due, targets = new { mode = "Filter" } });
        var errors = (await Http.ProblemAsync(bad, HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("Title", out _));

        using var created = await Http.PostJsonAsync(county, "/api/v1/directives", new
        {
            title = "开展主题党日活动", body = "# 要求\n\n各村党支部<script>alert(1)</script>[详见](javascript:alert(1))", sourceDocument = "县委〔2026〕12号",
            dueOn = due, reportRequirements = "活动照片和参加人数", numberLabel = "参加人数", requiresEvidence = true,
            targets = new { mode = "Filter", kinds = new[] { "Branch" }, unitTypes = new[] { "Rural" } },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var directive = await Http.JsonAsync(created);
        var id = directive.GetProperty("id").GetInt64();
        var bodyHtml = directive.GetProperty("bodyHtml").GetString()!;
        Assert.DoesNotContain("<script", bodyHtml);
        Assert.DoesNotContain("href=\"javascript", bodyHtml);

        var subtree = await Http.GetJsonAsync(county, $"/api/v1/directives/{id}/rollup/subtree");
        Assert.Equal((5, 0, 0, 5), Counts(subtree, tree.C));
        Assert.Equal((2, 0, 0, 2), Counts(subtree, tree.T1));
        Assert.Equal((3, 0, 0, 3), Counts(subtree, tree.T2));

        // The village's secretary sees it in the inbox and submits with the figure and evidence.
        var v2aSecretary = await Factory.CreateApiClientAsync(await Factory.CreateUserAsync(BastionRoles.BranchSecretary, tree.V2a.Id));
        var inbox = await Http.GetJsonAsync(v2aSecretary, "/api/v1/directives/inbox");
        var target = Assert.Single(inbox.GetProperty("items").EnumerateArray());
        var targetId = target.GetProperty("id").GetInt64();
        Assert.Equal("NotStarted", target.GetProperty("state").GetString());

        using (var noEvidence = await v2aSecretary.PostAsync($"/api/v1/directive-targets/{targetId}/submit", Form("已开展", "23")))
        {
            var p = await Http.ProblemAsync(noEvidence, HttpStatusCode.BadRequest);
            Assert.True(p.GetProperty("errors").TryGetProperty("file", out _));
        }
        using (var notPdf = await v2aSecretary.PostAsync($"/api/v1/directive-targets/{targetId}/submit", Form("已开展", "23", ("a.pdf", "<html>"u8.ToArray()))))
            await Http.ProblemAsync(notPdf, HttpStatusCode.BadRequest);
        Assert.Equal("NotStarted", (await Http.GetJsonAsync(v2aSecretary, $"/api/v1/directive-targets/{targetId}")).GetProperty("target").GetProperty("state").GetString());

        using (var progress = await Http.PostJsonAsync(v2aSecretary, $"/api/v1/directive-targets/{targetId}/progress", new { percent = 40, text = "已布置" }))
            Assert.Equal(HttpStatusCode.OK, progress.StatusCode);
        using (var submit = await v2aSecretary.PostAsync($"/api/v1/directive-targets/{targetId}/submit", Form("已开展", "23", ("照片.pdf", Pdf))))
            Assert.Equal(HttpStatusCode.OK, submit.StatusCode);
        using (var own = await Http.PostJsonAsync(v2aSecretary, $"/api/v1/directive-targets/{targetId}/accept", new { }))
            Assert.Equal("Cascades.NotAssigner", (await Http.ProblemAsync(own, HttpStatusCode.Conflict)).GetProperty("rule").GetString());

        using (var accept = await Http.PostJsonAsync(county, $"/api/v1/directive-targets/{targetId}/accept", new { comment = "同意" }))
            Assert.Equal(HttpStatusCode.OK, accept.StatusCode);
        subtree = await Http.GetJsonAsync(county, $"/api/v1/directives/{id}/rollup/subtree");
        Assert.Equal((5, 1, 0, 4), Counts(subtree, tree.C));
        Assert.Equal((2, 0, 0, 2), Counts(subtree, tree.T1));
        Assert.Equal((3, 1, 0, 2), Counts(subtree, tree.T2));
        Assert.Equal((1, 1, 0, 0), Counts(subtree, tree.V2a));

        // Timeline, figure and evidence; the evidence is readable by the county, not by another village.
        var detail = await Http.GetJsonAsync(county, $"/api/v1/directive-targets/{targetId}");
        Assert.Equal(["Progress", "Submitted", "Accepted"], detail.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("kind").GetString()));
        Assert.Equal(23m, detail.GetProperty("timeline")[1].GetProperty("number").GetDecimal());
        var evidenceId = Assert.Single(detail.GetProperty("evidence").EnumerateArray()).GetProperty("id").GetInt64();
        Assert.Equal(Pdf, await county.GetByteArrayAsync($"/api/v1/directive-evidence/{evidenceId}"));
        var v1aSecretary = await Factory.CreateApiClientAsync(await Factory.CreateUserAsync(BastionRoles.BranchSecretary, tree.V1a.Id));
        using (var foreign = await v1aSecretary.GetAsync($"/api/v1/directive-evidence/{evidenceId}"))
            Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        using (var foreignRollUp = await v1aSecretary.GetAsync($"/api/v1/directives/{id}/rollup"))
            Assert.Equal(HttpStatusCode.NotFound, foreignRollUp.StatusCode);

        // The level view: the county, then its townships (the one with less done first); and the workbook.
        var level = await Http.GetJsonAsync(county, $"/api/v1/directives/{id}/rollup");
        Assert.Equal([tree.C.Id, tree.T1.Id, tree.T2.Id], level.EnumerateArray().Select(r => r.GetProperty("organizationId").GetInt64()));
        using var xlsx = await county.GetAsync($"/api/v1/directives/{id}/rollup.xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        var rows = MiniExcelLibs.MiniExcel.Query(await xlsx.Content.ReadAsStreamAsync(), useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(8, rows.Count); // the county, both townships and the five villages: nodes with targets below
        Assert.Equal(1, Convert.ToInt32(rows[0]["已办结"], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Return_ReopensThatTargetOnly_AndOverdueEscalationNotifiesOnce()
    {
        var tree = await CascadeTree.BuildAsync(app.Database);
        var countyUser = await Factory.CreateUserAsync(BastionRoles.OrganizationDepartment, tree.C.Id);
        var county = await Factory.CreateApiClientAsync(countyUser);
        using var created = await Http.PostJsonAsync(county, "/api/v1/directives", new
        {
            title = TestData.Unique("整改落实"), body = "按期整改", dueOn = DateTime.Today.AddDays(3).ToString("yyyy-MM-dd"), reportRequirements = "整改报告",
            targets = new { mode = "List", organizationIds = new[] { tree.V1a.Id, tree.V1b.Id } },
        });
        var id = (await Http.JsonAsync(created)).GetProperty("id").GetInt64();
        var targets = (await Http.GetJsonAsync(county, $"/api/v1/directives/{id}/targets")).GetProperty("items").EnumerateArray()
            .ToDictionary(t => t.GetProperty("organizationId").GetInt64(), t => t.GetProperty("id").GetInt64());
        foreach (var org in new[] { tree.V1a, tree.V1b })
            using (var s = await Http.PostJsonAsync(county, $"/api/v1/directive-targets/{targets[org.Id]}/submit", new { text = "已整改" }))
                Assert.Equal(HttpStatusCode.OK, s.StatusCode);
        using (var accept = await Http.PostJsonAsync(county, $"/api/v1/directive-targets/{targets[tree.V1a.Id]}/accept", new { }))
            Assert.Equal(HttpStatusCode.OK, accept.StatusCode);
        using (var noReason = await Http.PostJsonAsync(county, $"/api/v1/directive-targets/{targets[tree.V1b.Id]}/return", new { reason = " " }))
            await Http.ProblemAsync(noReason, HttpStatusCode.BadRequest);
        using (var ret = await Http.PostJsonAsync(county, $"/api/v1/directive-targets/{targets[tree.V1b.Id]}/return", new { reason = "报告不完整" }))
        {
            var t = (await Http.JsonAsync(ret)).GetProperty("target");
            Assert.Equal(("Returned", "报告不完整"), (t.GetProperty("state").GetString(), t.GetProperty("returnReason").GetString()));
        }
        Assert.Equal("Completed", (await Http.GetJsonAsync(county, $"/api/v1/directive-targets/{targets[tree.V1a.Id]}")).GetProperty("target").GetProperty("state").GetString());

        // Four days on, V1b is overdue: its secretary and the county are told once however often the job runs.
        var v1bSecretary = await Factory.CreateUserAsync(BastionRoles.BranchSecretary, tree.V1b.Id);
        var v1aSecretary = await Factory.CreateUserAsync(BastionRoles.BranchSecretary, tree.V1a.Id);
        var later = new FakeTimeProvider(DateTimeOffset.Now.AddDays(4));
        for (var run = 0; run < 2; run++)
        {
            await using var db = app.Database.NewContext(time: later);
            await new OverdueDirectivesJob().RunAsync(db, default);
        }
        await using (var db = app.Database.NewContext())
        {
            var link = $"/Directives/Details/{id}";
            Assert.Equal(1, await db.Set<Notification>().CountAsync(n => n.UserId == v1bSecretary.Id && n.Link == link && n.Kind == "directive.overdue"));
            Assert.Equal(0, await db.Set<Notification>().CountAsync(n => n.UserId == v1aSecretary.Id && n.Link == link));
            Assert.Equal(1, await db.Set<Notification>().CountAsync(n => n.UserId == countyUser.Id && n.Link == link && n.Kind == "directive.overdue-summary"));
        }
        Assert.Contains("overdue", await Factory.RunJobAsync(OverdueDirectivesJob.JobName));
    }
}
