using System.Net;
using System.Text.Json;
using Bastion.IntegrationTests.Infrastructure;
using static Bastion.IntegrationTests.Development.DevelopmentKit;

namespace Bastion.IntegrationTests.Development;

/// <summary>From application to full member through the API, with the roster changing at admission and at conversion.</summary>
public sealed class DevelopmentPathTests(BastionAppFixture app) : IClassFixture<BastionAppFixture>
{
    private async Task<JsonElement?> RosterEntryAsync(DevelopmentKit kit, string name)
    {
        var page = await Http.GetJsonAsync(kit.Secretary, $"/api/v1/organizations/{kit.Branch.Id}/members?name={Uri.EscapeDataString(name)}&pageSize=50");
        var items = page.GetProperty("items").EnumerateArray().Where(i => i.GetProperty("name").GetString() == name).ToList();
        return items.Count == 0 ? null : items[0];
    }

    [Fact]
    public async Task FullPath_FromApplicationToFullMember_PutsAProbationaryThenFullMemberOnTheRoster()
    {
        var kit = await DevelopmentKit.CreateAsync(app);
        var t = Timeline.ThreeYearsAgo();
        var name = Bastion.IntegrationTests.Infrastructure.TestData.Unique("全程申请人");
        var id = await kit.RegisterAsync(t.Applied, name: name);

        var file = await kit.FileAsync(id);
        Assert.Equal(1, file.GetProperty("currentStep").GetInt32());
        Assert.Equal(1, file.GetProperty("stage").GetInt32());
        Assert.Equal("development.national.2014", file.GetProperty("steps")[0].GetProperty("ruleSetVersion").GetString());
        Assert.Equal(2, file.GetProperty("dueStep").GetInt32());
        Assert.Equal(D(t.Applied.AddMonths(1)), file.GetProperty("dueOn").GetString());

        file = await kit.AdvanceAsync(id, t, through: 16);
        Assert.Equal(4, file.GetProperty("stage").GetInt32());
        Assert.Equal("Active", file.GetProperty("status").GetString());
        Assert.Null(await RosterEntryAsync(kit, name));

        // ⑰: the upper committee approves; the candidate is on the branch roster as a probationary member joined on the ⑮ date.
        file = await kit.AdvanceAsync(id, t, through: 17, from: 17);
        Assert.Equal("Admitted", file.GetProperty("status").GetString());
        var memberId = file.GetProperty("memberId").GetInt64();
        var entry = await RosterEntryAsync(kit, name);
        Assert.NotNull(entry);
        Assert.Equal(memberId, entry.Value.GetProperty("id").GetInt64());
        Assert.Equal("Probationary", entry.Value.GetProperty("category").GetString());
        Assert.Equal(D(t.Steps[15]), entry.Value.GetProperty("joinedOn").GetString());
        var member = await Http.GetJsonAsync(kit.Secretary, $"/api/v1/members/{memberId}");
        Assert.Equal(JsonValueKind.Null, member.GetProperty("fullOn").ValueKind);

        file = await kit.AdvanceAsync(id, t, through: 23, from: 18);
        Assert.Equal("Probationary", (await Http.GetJsonAsync(kit.Secretary, $"/api/v1/members/{memberId}")).GetProperty("category").GetString());

        // ㉔: conversion approved; full member from the day probation ended (one year after ⑮).
        file = await kit.AdvanceAsync(id, t, through: 25, from: 24);
        Assert.Equal("Converted", file.GetProperty("status").GetString());
        Assert.Equal(25, file.GetProperty("currentStep").GetInt32());
        member = await Http.GetJsonAsync(kit.Secretary, $"/api/v1/members/{memberId}");
        Assert.Equal("Full", member.GetProperty("category").GetString());
        Assert.Equal(D(t.Steps[15].AddYears(1)), member.GetProperty("fullOn").GetString());

        // The file holds all 25 steps (⑥ twice), each with its date, rule-set version and people.
        var steps = file.GetProperty("steps").EnumerateArray().ToList();
        Assert.Equal(26, steps.Count);
        Assert.Equal(Enumerable.Range(1, 25), steps.Select(s => s.GetProperty("number").GetInt32()).Distinct());
        Assert.All(steps, s => Assert.Equal("development.national.2014", s.GetProperty("ruleSetVersion").GetString()));
        var introducers = steps.Single(s => s.GetProperty("number").GetInt32() == 9).GetProperty("people").EnumerateArray()
            .Select(p => p.GetProperty("memberId").GetInt64()).Order().ToList();
        Assert.Equal(new[] { kit.Members[2].Id, kit.Members[3].Id }.Order(), introducers);
        Assert.NotNull(steps.Single(s => s.GetProperty("number").GetInt32() == 15).GetProperty("resolutionSummary").GetString());

        // Nothing more is recorded in a completed file.
        using var after = await kit.PostStepAsync(id, 25, new { number = 25, date = D(Today) });
        await RefusedAsync(after, Bastion.Development.DevelopmentRules.CandidateOpenRule);
    }

    [Fact]
    public async Task CancelProbationaryMembership_TakesTheMemberOffTheActiveRoster()
    {
        var kit = await DevelopmentKit.CreateAsync(app);
        var t = Timeline.ThreeYearsAgo();
        var id = await kit.RegisterAsync(t.Applied);
        var file = await kit.AdvanceAsync(id, t, through: 20);
        var memberId = file.GetProperty("memberId").GetInt64();
        using var close = await Http.PostJsonAsync(kit.Secretary, $"/api/v1/candidates/{id}/close",
            new { outcome = "Cancelled", date = D(t.Steps[20].AddDays(30)), notes = "预备期间不履行党员义务，支部大会决定取消预备党员资格" });
        file = await Http.JsonAsync(close);
        Assert.Equal("Cancelled", file.GetProperty("status").GetString());
        Assert.Equal("Left", (await Http.GetJsonAsync(kit.Secretary, $"/api/v1/members/{memberId}")).GetProperty("status").GetString());
        using var again = await kit.PostStepAsync(id, 21, await kit.BodyAsync(21, t));
        await RefusedAsync(again, Bastion.Development.DevelopmentRules.CandidateOpenRule);
    }

    [Fact]
    public async Task Documents_AreTypeCheckedAndListedWithTheirStep()
    {
        var kit = await DevelopmentKit.CreateAsync(app);
        var id = await kit.RegisterAsync(Today.AddDays(-5));
        var stepId = (await kit.FileAsync(id)).GetProperty("steps")[0].GetProperty("id").GetInt64();
        using (var bad = new MultipartFormDataContent { { new ByteArrayContent("not a pdf"u8.ToArray()), "file", "申请书.pdf" } })
        using (var response = await kit.Secretary.PostAsync($"/api/v1/candidates/{id}/steps/{stepId}/documents", bad))
            await Http.ProblemAsync(response, HttpStatusCode.BadRequest);
        using (var pdf = new MultipartFormDataContent { { new ByteArrayContent("%PDF-1.4 application letter"u8.ToArray()), "file", "申请书.pdf" } })
        using (var response = await kit.Secretary.PostAsync($"/api/v1/candidates/{id}/steps/{stepId}/documents", pdf))
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var docs = (await kit.FileAsync(id)).GetProperty("steps")[0].GetProperty("documents");
        Assert.Equal("申请书.pdf", Assert.Single(docs.EnumerateArray()).GetProperty("fileName").GetString());
    }
}
