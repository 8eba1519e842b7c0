using System.Net;
using System.Net.Http.Json;
using Bastion.Attachments;
using Bastion.Discipline;
using Bastion.IntegrationTests.Infrastructure;
using Bastion.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Bastion.IntegrationTests.Discipline;

/// <summary>
/// Issue 9 acceptance: an anonymous report stores nothing that identifies the reporter — not in the report, its
/// evidence, the notifications it causes or the audit log — even when filed by a signed-in member; yet the reporter
/// follows and adds to it with the tracking code and the secret, and a wrong secret is refused.
/// </summary>
public sealed class AnonymityTests(BastionAppFixture app) : IClassFixture<BastionAppFixture>
{
    private BastionFactory Factory => app.Factory;

    [Fact]
    public async Task AnonymousReportFromTheMemberPage_StoresNothingIdentifying_YetTheReporterCanFollowAndAddToIt()
    {
        var t = await DisciplineTestData.BuildAsync(Factory);
        var account = "匿名反映" + Guid.NewGuid().ToString("N")[..10];
        long lastSeq;
        await using (var db = app.Database.NewContext()) lastSeq = await db.AuditEvents.MaxAsync(e => (long?)e.Seq) ?? 0;

        var browser = await Factory.SignInAsync(t.BranchMemberUser);
        using var response = await DisciplineTestData.PostFormAsync(browser, "/Discipline/Report",
        [
            ("Category", "CorruptionNearTheMasses"), ("OrganizationId", t.Branch.Id.ToString()), ("PersonName", t.Secretary.Name),
            ("Account", account), ("HappenedWhen", "今年三月"), ("Named", "false"), ("Website", ""),
        ], ("photo.png", DisciplineTestData.Png));
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var code = DisciplineTestData.CodeIn(html);
        var secret = DisciplineTestData.SecretIn(html);
        Assert.NotEmpty(code);
        Assert.NotEmpty(secret);

        await using (var db = app.Database.NewContext())
        {
            var report = await db.Set<MisconductReport>().IgnoreQueryFilters().AsNoTracking().SingleAsync(r => r.Account == account);
            Assert.True(report.IsAnonymous);
            Assert.Null(report.ReporterCipher);
            Assert.Null(report.ReporterMasked);
            Assert.NotEqual(ReporterSecret.Normalize(secret), report.SecretHash);
            Assert.Equal(ReporterSecret.Hash(secret), report.SecretHash);
            Assert.Equal(t.Township.Id, report.OrganizationId);

            var evidence = await db.Set<Attachment>().IgnoreQueryFilters().Where(a => a.OwnerType == SubmitMisconductReport.EvidenceOwnerType && a.OwnerId == report.Id).ToListAsync();
            var file = Assert.Single(evidence);
            Assert.Equal(DisciplineAudit.Anonymous, file.UploadedBy);
            AssertDayOnly(file.UploadedAt);

            var notes = await db.Set<Notification>().Where(n => n.Link == $"/Discipline/Details/{report.Id}").ToListAsync();
            Assert.Contains(notes, n => n.UserId == t.TownshipDiscipline.Id);
            Assert.All(notes, n => { AssertDayOnly(n.CreatedAt); Assert.DoesNotContain(account, n.Body); });

            // Every audit event since the submission that concerns the report, its evidence or its notifications.
            var events = await db.AuditEvents.Where(e => e.Seq > lastSeq).ToListAsync();
            var member = t.BranchMemberUser;
            var about = events.Where(e => e.Entity == DisciplineAudit.Entity && e.EntityId == report.Id.ToString()).ToList();
            Assert.NotEmpty(about);
            Assert.All(about, e => { Assert.Equal(DisciplineAudit.Anonymous, e.Actor); AssertDayOnly(e.At); });
            Assert.DoesNotContain(events, e => e.Changes.Contains(account) || e.Changes.Contains("photo.png"));
            Assert.DoesNotContain(events, e => (e.Entity is nameof(Attachment) or nameof(Notification) or nameof(MisconductReport) or nameof(MisconductReportEvent))
                && (e.Actor.Contains(member.UserName) || e.Actor.Contains("#" + member.Id)));
            Assert.DoesNotContain(events, e => e.Entity is nameof(Attachment) or nameof(Notification) or nameof(MisconductReportEvent));
        }

        // The reporter follows with code and secret (the page), and adds information (the API).
        var publicBrowser = Factory.CreateBrowser();
        var token = await BastionFactory.AntiforgeryTokenAsync(publicBrowser, "/public/reports/track");
        using var track = await publicBrowser.PostAsync("/public/reports/track", BastionFactory.Form(("Code", code), ("Secret", secret), (BastionFactory.AntiforgeryField, token)));
        var trackHtml = await track.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, track.StatusCode);
        Assert.Contains("data-testid=\"report-status\"", trackHtml);
        Assert.Contains("待受理", trackHtml);

        using var client = Factory.CreateClient();
        using var added = await client.PostAsJsonAsync("/api/v1/discipline/public/reports/supplement", new { trackingCode = code, secret, text = "补充：还有转账记录。" });
        Assert.Equal(HttpStatusCode.NoContent, added.StatusCode);
        var view = await DisciplineTestData.FollowAsync(client, code.ToLowerInvariant(), secret.Replace("-", " "));
        Assert.Contains(view.GetProperty("steps").EnumerateArray(), s => s.GetProperty("kind").GetString() == "Supplemented");
        await using (var db = app.Database.NewContext())
        {
            var id = await db.Set<MisconductReport>().IgnoreQueryFilters().Where(r => r.Account == account).Select(r => r.Id).SingleAsync();
            Assert.True(await db.Set<MisconductReportEvent>().AnyAsync(e => e.ReportId == id && e.Kind == MisconductEventKind.Supplemented && e.Text == "补充：还有转账记录。" && e.HandlerName == null));
        }
    }

    [Fact]
    public async Task WrongSecret_IsRefused_ByApiAndPage_AndAddsNothing()
    {
        var t = await DisciplineTestData.BuildAsync(Factory);
        var filed = await DisciplineTestData.FileAsync(Factory, t.Branch.Id, "反映村务问题" + Guid.NewGuid().ToString("N")[..6]);
        var wrong = ReporterSecret.New();
        using var client = Factory.CreateClient();
        using var follow = await client.PostAsJsonAsync("/api/v1/discipline/public/reports/follow", new { trackingCode = filed.TrackingCode, secret = wrong });
        var problem = await Http.ProblemAsync(follow, HttpStatusCode.Conflict);
        Assert.Equal(ReporterAccess.WrongCodeOrSecretRule, problem.GetProperty("rule").GetString());
        Assert.DoesNotContain("反映村务问题", problem.ToString());

        using var supplement = await client.PostAsJsonAsync("/api/v1/discipline/public/reports/supplement", new { trackingCode = filed.TrackingCode, secret = wrong, text = "伪造的补充" });
        Assert.Equal(ReporterAccess.WrongCodeOrSecretRule, (await Http.ProblemAsync(supplement, HttpStatusCode.Conflict)).GetProperty("rule").GetString());
        await using (var db = app.Database.NewContext())
            Assert.False(await db.Set<MisconductReportEvent>().AnyAsync(e => e.ReportId == filed.Id && e.Kind == MisconductEventKind.Supplemented));

        // An unknown code answers exactly like a wrong secret.
        using var unknown = await client.PostAsJsonAsync("/api/v1/discipline/public/reports/follow", new { trackingCode = "2345-6789-AB", secret = filed.Secret });
        Assert.Equal(ReporterAccess.WrongCodeOrSecretRule, (await Http.ProblemAsync(unknown, HttpStatusCode.Conflict)).GetProperty("rule").GetString());

        var browser = Factory.CreateBrowser();
        var token = await BastionFactory.AntiforgeryTokenAsync(browser, "/public/reports/track");
        using var page = await browser.PostAsync("/public/reports/track", BastionFactory.Form(("Code", filed.TrackingCode), ("Secret", wrong), (BastionFactory.AntiforgeryField, token)));
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Contains("data-testid=\"secret-error\"", html);
        Assert.DoesNotContain("data-testid=\"report-status\"", html);
    }

    [Fact]
    public async Task NamedReport_KeepsTheReporterEncrypted_AndRevealingIsAudited()
    {
        var t = await DisciplineTestData.BuildAsync(Factory);
        var filed = await DisciplineTestData.FileAsync(Factory, t.Branch.Id, "实名反映" + Guid.NewGuid().ToString("N")[..6], anonymous: false);
        var report = await DisciplineTestData.LoadAsync(app.Database, filed.Id);
        Assert.False(report.IsAnonymous);
        Assert.NotNull(report.ReporterCipher);
        Assert.DoesNotContain("13800001111", System.Text.Encoding.UTF8.GetString(report.ReporterCipher!));
        Assert.Equal("实********", report.ReporterMasked);

        using var api = await Factory.CreateApiClientAsync(t.TownshipDiscipline);
        var revealed = await Http.GetJsonAsync(api, $"/api/v1/discipline/reports/{filed.Id}/reporter");
        Assert.Equal("实名举报人 13800001111", revealed.GetProperty("reporter").GetString());
        await using var db = app.Database.NewContext();
        Assert.True(await db.AuditEvents.AnyAsync(e => e.Entity == DisciplineAudit.Entity && e.EntityId == filed.Id.ToString() && e.Action == DisciplineAudit.RevealReporter));
        Assert.False(await db.AuditEvents.AnyAsync(e => e.Changes.Contains("13800001111")));
    }

    private static void AssertDayOnly(DateTime utc)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), TimeZoneInfo.Local);
        Assert.Equal(TimeSpan.Zero, local.TimeOfDay);
    }
}
