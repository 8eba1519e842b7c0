using System.Net;
using System.Text.Json;
using Bastion.Attachments;
using Bastion.Identity;
using Bastion.IntegrationTests.Infrastructure;
using Bastion.Requests;
using Microsoft.EntityFrameworkCore;

namespace Bastion.IntegrationTests.Requests;

/// <summary>Issue 6 acceptance: a citizen's request from the public page to its close, and what the tracking page shows.</summary>
public sealed class CitizenPathTests(BastionAppFixture app) : IClassFixture<BastionAppFixture>
{
    private BastionFactory Factory => app.Factory;

    [Fact]
    public async Task CitizenRequest_FromPublicPage_ReachesGridOrganization_IsTakenHandedOverAnsweredRatedClosed_AllInTimeline()
    {
        var t = await RequestsTestData.BuildAsync(app.Database);
        var (first, firstApi) = await RequestsTestData.ApiUserAsync(Factory, BastionRoles.Member, t.Community.Id);
        var (second, secondApi) = await RequestsTestData.ApiUserAsync(Factory, BastionRoles.BranchSecretary, t.Community.Id);
        var citizen = Factory.CreateBrowser();

        // 1. Intake without an account, routed by the grid.
        using var submitted = await RequestsTestData.PostPublicFormAsync(citizen,
        [
            ("CategoryCode", "public-facilities"), ("Description", "小区3号楼路灯坏了，晚上很黑"), ("AddressText", "幸福路8号3号楼"),
            ("GridId", t.Grid.Id.ToString()), ("Contact", "王女士 13812345678"), ("Website", ""),
        ], ("lamp.png", RequestsTestData.Png));
        var code = RequestsTestData.CodeFrom(submitted);
        await using (var db = app.Database.NewContext())
        {
            var stored = await db.Set<ServiceRequest>().SingleAsync(r => r.TrackingCode == code);
            Assert.Equal(t.Community.Id, stored.OrganizationId);
            Assert.Equal(t.Grid.Id, stored.GridId);
            Assert.Equal(ServiceRequestStatus.Received, stored.Status);
            Assert.Equal("138****5678", stored.ContactMasked);
            Assert.DoesNotContain("13812345678", System.Text.Encoding.UTF8.GetString(stored.ContactCipher!));
            Assert.Equal("王女士 13812345678", TestData.Pii(app.Database).Decrypt(stored.ContactCipher!));
            Assert.Equal(stored.ReceivedAt.AddHours(24), stored.FirstResponseDueAt);
            var photo = Assert.Single(await db.Set<Attachment>().Where(a => a.OwnerType == "ServiceRequest" && a.OwnerId == stored.Id).ToListAsync());
            Assert.Equal("image/png", photo.ContentType);
        }
        var id = await IdAsync(code);

        // 2. It is in the community's queue.
        Assert.Contains(id, Http.Ids(await Http.GetJsonAsync(firstApi, $"/api/v1/requests/queue?organizationId={t.Community.Id}")));

        // 3. Taken, a staff note, handed over with a reason, accepted.
        await OkAsync(firstApi, $"/api/v1/requests/{id}/take", new { });
        await OkAsync(firstApi, $"/api/v1/requests/{id}/notes", new { text = "内部：王女士是独居老人，需上门" });
        await OkAsync(firstApi, $"/api/v1/requests/{id}/handover", new { toUserId = second.Id, reason = "路灯归社区物业协调，书记对接" });
        var accepted = await OkAsync(secondApi, $"/api/v1/requests/{id}/handover/accept", new { });
        Assert.Equal(second.Id, accepted.GetProperty("ownerUserId").GetInt64());

        // 4. Answered, rated by the citizen on the tracking page, closed.
        await OkAsync(secondApi, $"/api/v1/requests/{id}/reply", new { text = "已联系物业更换路灯，今晚恢复照明。" });
        var trackUrl = $"/public/requests/track?code={code}";
        var token = await BastionFactory.AntiforgeryTokenAsync(citizen, trackUrl);
        using (var rated = await citizen.PostAsync($"/public/requests/track?handler=Rate",
            BastionFactory.Form(("Code", code), ("Rating", "5"), ("Comment", "很及时"), (BastionFactory.AntiforgeryField, token))))
            Assert.Equal(HttpStatusCode.Redirect, rated.StatusCode);
        var closed = await OkAsync(secondApi, $"/api/v1/requests/{id}/close", new { });

        Assert.Equal("Closed", closed.GetProperty("status").GetString());
        Assert.Equal(5, closed.GetProperty("rating").GetInt32());
        var kinds = closed.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("kind").GetString()).ToList();
        Assert.Equal(["Received", "Taken", "Note", "HandoverRequested", "HandoverAccepted", "Replied", "Rated", "Closed"], kinds);

        // 5. The tracking page shows progress and the answer, never the note, the reason, names or the contact.
        using var page = await citizen.GetAsync(trackUrl);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("已联系物业更换路灯", html);
        Assert.Contains("已办结", html);
        foreach (var secret in new[] { "独居老人", "路灯归社区物业协调", "13812345678", "138****5678", "王女士", first.UserName, second.UserName, "测试用户" })
            Assert.DoesNotContain(secret, html);
    }

    [Fact]
    public async Task Handover_NotAccepted_LeavesFirstOwnerResponsible_AndNobodyCanDropIt()
    {
        var t = await RequestsTestData.BuildAsync(app.Database);
        var (first, firstApi) = await RequestsTestData.ApiUserAsync(Factory, BastionRoles.BranchSecretary, t.Community.Id);
        var (second, secondApi) = await RequestsTestData.ApiUserAsync(Factory, BastionRoles.BranchSecretary, t.Other.Id);
        var id = await SubmitAsync(t, "楼道堆放杂物");
        await OkAsync(firstApi, $"/api/v1/requests/{id}/take", new { });

        using (var noReason = await Http.PostJsonAsync(firstApi, $"/api/v1/requests/{id}/handover", new { toUserId = second.Id, reason = " " }))
            await Http.ProblemAsync(noReason, HttpStatusCode.BadRequest);
        await OkAsync(firstApi, $"/api/v1/requests/{id}/handover", new { toUserId = second.Id, reason = "属于隔壁村" });

        // Proposed but not accepted: the first owner stays the owner, the proposed one may not answer.
        var detail = await Http.GetJsonAsync(firstApi, $"/api/v1/requests/{id}");
        Assert.Equal(first.Id, detail.GetProperty("ownerUserId").GetInt64());
        Assert.Contains(id, Http.Ids(await Http.GetJsonAsync(secondApi, "/api/v1/requests/mine")));
        using (var reply = await Http.PostJsonAsync(secondApi, $"/api/v1/requests/{id}/reply", new { text = "我来答" }))
            await Http.ProblemAsync(reply, HttpStatusCode.NotFound); // not theirs until accepted, and outside their scope
        var (_, colleague) = await RequestsTestData.ApiUserAsync(Factory, BastionRoles.Member, t.Community.Id);
        using (var colleagueReply = await Http.PostJsonAsync(colleague, $"/api/v1/requests/{id}/reply", new { text = "我来答" }))
            Assert.Equal("OnlyTheOwnerActs", (await Http.ProblemAsync(colleagueReply, HttpStatusCode.Conflict)).GetProperty("rule").GetString());

        // Declined: still the first owner's, in the first owner's queue; taking it away or handing it to oneself is refused.
        using (var declined = await Http.PostJsonAsync(secondApi, $"/api/v1/requests/{id}/handover/decline", new { text = "不属于本村" }))
            Assert.Equal(HttpStatusCode.NoContent, declined.StatusCode);
        detail = await Http.GetJsonAsync(firstApi, $"/api/v1/requests/{id}");
        Assert.Equal(first.Id, detail.GetProperty("ownerUserId").GetInt64());
        Assert.Equal(JsonValueKind.Null, detail.GetProperty("pendingHandoverToUserId").ValueKind);
        Assert.Contains(id, Http.Ids(await Http.GetJsonAsync(firstApi, "/api/v1/requests/mine")));
        Assert.DoesNotContain(id, Http.Ids(await Http.GetJsonAsync(secondApi, "/api/v1/requests/mine")));
        using (var retake = await Http.PostJsonAsync(secondApi, $"/api/v1/requests/{id}/take", new { }))
            Assert.Equal(HttpStatusCode.NotFound, retake.StatusCode); // outside the other branch's scope
        using (var grab = await Http.PostJsonAsync(colleague, $"/api/v1/requests/{id}/take", new { }))
            Assert.Equal("RequestAlreadyHasOwner", (await Http.ProblemAsync(grab, HttpStatusCode.Conflict)).GetProperty("rule").GetString());
        using (var self = await Http.PostJsonAsync(firstApi, $"/api/v1/requests/{id}/handover", new { toUserId = first.Id, reason = "不想办" }))
            Assert.Equal("HandoverNeedsAnotherOwner", (await Http.ProblemAsync(self, HttpStatusCode.Conflict)).GetProperty("rule").GetString());
        var kinds = detail.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("kind").GetString()).ToList();
        Assert.Equal(["Received", "Taken", "HandoverRequested", "HandoverDeclined"], kinds);
    }

    [Fact]
    public async Task Handover_AcceptedOutsideTheOrganization_MovesTheRequestToTheNewOwnersQueue()
    {
        var t = await RequestsTestData.BuildAsync(app.Database);
        var (_, firstApi) = await RequestsTestData.ApiUserAsync(Factory, BastionRoles.BranchSecretary, t.Community.Id);
        var (second, secondApi) = await RequestsTestData.ApiUserAsync(Factory, BastionRoles.BranchSecretary, t.Other.Id);
        var id = await SubmitAsync(t, "村道塌陷");
        await OkAsync(firstApi, $"/api/v1/requests/{id}/take", new { });
        await OkAsync(firstApi, $"/api/v1/requests/{id}/handover", new { toUserId = second.Id, reason = "在隔壁村地界" });
        var accepted = await OkAsync(secondApi, $"/api/v1/requests/{id}/handover/accept", new { });
        Assert.Equal(t.Other.Id, accepted.GetProperty("organizationId").GetInt64());
        Assert.Contains(id, Http.Ids(await Http.GetJsonAsync(secondApi, $"/api/v1/requests/queue?organizationId={t.Other.Id}")));
    }

    [Fact]
    public async Task AgencyHandling_RecordsActingMemberAndSteps()
    {
        var t = await RequestsTestData.BuildAsync(app.Database);
        var (member, _) = await TestData.AddMemberAsync(app.Database, t.Community, "代办员李");
        var (_, api) = await RequestsTestData.ApiUserAsync(Factory, BastionRoles.BranchSecretary, t.Community.Id);
        var id = await SubmitAsync(t, "新开小店需要办营业执照", "enterprise-startup");
        await OkAsync(api, $"/api/v1/requests/{id}/take", new { });
        using (var noSteps = await Http.PostJsonAsync(api, $"/api/v1/requests/{id}/agency", new { agentMemberId = member.Id, steps = Array.Empty<string>() }))
            await Http.ProblemAsync(noSteps, HttpStatusCode.BadRequest);
        var started = await OkAsync(api, $"/api/v1/requests/{id}/agency", new { agentMemberId = member.Id, steps = new[] { "名称自主申报", "提交材料", "领取执照" } });
        Assert.True(started.GetProperty("isAgencyHandling").GetBoolean());
        Assert.Equal("代办员李", started.GetProperty("agentName").GetString());
        var stepId = started.GetProperty("agencySteps")[1].GetProperty("id").GetInt64();
        var done = await OkAsync(api, $"/api/v1/requests/{id}/agency/steps/{stepId}/done", new { text = "材料已代为提交" });
        Assert.NotEqual(JsonValueKind.Null, done.GetProperty("agencySteps")[1].GetProperty("doneAt").ValueKind);
        Assert.Equal(JsonValueKind.Null, done.GetProperty("agencySteps")[0].GetProperty("doneAt").ValueKind);
        Assert.Equal("AgencyStepDone", done.GetProperty("timeline").EnumerateArray().Last().GetProperty("kind").GetString());
    }

    private async Task<long> SubmitAsync(RequestsTree t, string description, string category = "environment")
    {
        await using var db = app.Database.NewContext(Bastion.Data.FixedDataScope.Nothing);
        var r = await SubmitRequest.HandleAsync(db, TestData.Pii(app.Database), new SubmitRequest.Command { CategoryCode = category, Description = description, GridId = t.Grid.Id });
        return r.Id;
    }

    private async Task<long> IdAsync(string code)
    {
        await using var db = app.Database.NewContext();
        return await db.Set<ServiceRequest>().Where(r => r.TrackingCode == code).Select(r => r.Id).SingleAsync();
    }

    private static async Task<JsonElement> OkAsync(HttpClient client, string url, object body)
    {
        using var response = await Http.PostJsonAsync(client, url, body);
        return await Http.JsonAsync(response);
    }
}
