using System.Net;
using System.Text.Json;
using Bastion.IntegrationTests.Coverage;
using Bastion.IntegrationTests.Infrastructure;
using Bastion.Organizations;
using Bastion.Standardization;
using Bastion.Strength;
using Microsoft.EntityFrameworkCore;

namespace Bastion.IntegrationTests.Standardization;

public sealed class StandardizationTests(BastionAppFixture app) : IClassFixture<BastionAppFixture>
{
    private static JsonElement Item(JsonElement assessment, string code) =>
        assessment.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("code").GetString() == code);

    private static async Task<JsonElement> GetAsync(HttpClient client, long id) =>
        await Http.GetJsonAsync(client, $"/api/v1/standardization/assessments/{id}");

    private static void AssertItem(JsonElement a, string code, bool met, int awarded, double? measure, double? numerator = null, double? denominator = null)
    {
        var i = Item(a, code);
        Assert.True(i.GetProperty("met").GetBoolean() == met, $"{code}: met {i.GetProperty("met")}, note {i.GetProperty("note")}");
        Assert.Equal(awarded, i.GetProperty("awarded").GetInt32());
        if (measure is { } m) Assert.Equal(m, i.GetProperty("measure").GetDouble(), 4);
        else Assert.Equal(JsonValueKind.Null, i.GetProperty("measure").ValueKind);
        if (numerator is { } n) Assert.Equal(n, i.GetProperty("numerator").GetDouble(), 4);
        if (denominator is { } d) Assert.Equal(d, i.GetProperty("denominator").GetDouble(), 4);
    }

    [Fact]
    public async Task Assess_OnAHandBuiltBranch_DecidesEveryAutomaticItemAsComputedByHand()
    {
        var kit = await StandardizationKit.CreateAsync(app);
        var id = await kit.AssessAsync();
        var a = await GetAsync(kit.Upper, id);

        Assert.Equal("Draft", a.GetProperty("status").GetString());
        Assert.Equal(StandardizationRuleSet.Load().Version, a.GetProperty("ruleSetVersion").GetString());
        Assert.Equal($"{StandardizationKit.Year}-12-31", a.GetProperty("asOf").GetString());
        AssertItem(a, "secretary-in-post", true, 8, 1);
        AssertItem(a, "committee-formed", false, 0, 2, numerator: 2, denominator: 8);
        // Term: started 1 May Y-1, 3 years → due 1 May Y+2; the measure is days past the due date (negative: days left).
        var due = StandardizationKit.D(5, 1, StandardizationKit.Year + 2);
        AssertItem(a, "term-not-overdue", true, 4, StandardizationKit.D(12, 31).DayNumber - due.DayNumber);
        AssertItem(a, "organizational-life", true, 8, Math.Round(21 / 23.0, 4), 21, 23);
        AssertItem(a, "recent-activity", true, 4, 21);
        AssertItem(a, "study-hours", false, 0, Math.Round(4 / 9.0, 4), 4, 9);
        AssertItem(a, "dues-paid", false, 0, 0.875, 7, 8);
        AssertItem(a, "development-pipeline", true, 6, 1);
        Assert.Equal("records", Item(a, "organizational-life").GetProperty("figureSource").GetString());
        // 8 + 0 + 4 + 8 + 4 + 0 + 0 + 6 = 30; inspection items are open.
        Assert.Equal(30, a.GetProperty("awarded").GetInt32());
        Assert.Equal(10, a.GetProperty("openItems").GetInt32());
        var committee = a.GetProperty("dimensions").EnumerateArray().Single(d => d.GetProperty("code").GetString() == "committee");
        Assert.Equal(8 + 0 + 4, committee.GetProperty("awarded").GetInt32());
    }

    [Fact]
    public async Task Assess_WhenTheStrengthIndexAssessedTheYear_ReadsItsSnapshot()
    {
        var kit = await StandardizationKit.CreateAsync(app);
        var runId = await EnsureYearRunAsync();
        await using (var db = app.Database.NewContext())
        {
            db.Add(new IndicatorValue { RunId = runId, OrganizationId = kit.Branch.Id, Code = "organizational-life", OwnNumerator = 10, OwnDenominator = 12, Numerator = 10, Denominator = 12, OwnScore = 83.33, Score = 83.33 });
            await db.SaveChangesAsync();
        }
        var a = await GetAsync(kit.Upper, await kit.AssessAsync());

        // 10 / 12 = 0.8333 < 0.9 from the snapshot, where the records alone give 21 / 23 = 0.913.
        AssertItem(a, "organizational-life", false, 0, 0.8333, 10, 12);
        Assert.Equal($"strength:{StandardizationKit.Year}", Item(a, "organizational-life").GetProperty("figureSource").GetString());
        AssertItem(a, "dues-paid", false, 0, 0.875, 7, 8);
    }

    /// <summary>The run of the assessed year (one per test database, shared by the tests that need a snapshot).</summary>
    private async Task<long> EnsureYearRunAsync()
    {
        var label = StandardizationKit.Year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await using var db = app.Database.NewContext();
        if (await db.Set<AssessmentRun>().Where(r => r.Period == label).Select(r => (long?)r.Id).FirstOrDefaultAsync() is { } id) return id;
        var run = new AssessmentRun
        {
            Period = label, PeriodKind = Bastion.Compliance.PeriodKind.Year, PeriodStart = StandardizationKit.D(1, 1), PeriodEnd = StandardizationKit.D(12, 31),
            AsOf = StandardizationKit.D(12, 31), RuleSetVersion = "strength.national.2026", StartedBy = "test", StartedAt = DateTime.UtcNow, FinishedAt = DateTime.UtcNow,
        };
        db.Add(run);
        await db.SaveChangesAsync();
        return run.Id;
    }

    [Fact]
    public async Task Confirm_RecordsTheCategoryInTheHistory_AndASupersedingOneNeedsAReason()
    {
        var kit = await StandardizationKit.CreateAsync(app);
        var first = await kit.AssessAsync();
        // Inspection: committee-united 4 + member-management 6 + venue 8 + funds 6 + signage 6 = 30; the others not met.
        await kit.InspectAllAsync(first, "rules-in-place", "democratic-life", "service", "honours", "brand");
        using (var confirm = await Http.PostJsonAsync(kit.Upper, $"/api/v1/standardization/assessments/{first}/confirm", new { }))
        {
            var a = await Http.JsonAsync(confirm);
            Assert.Equal(60, a.GetProperty("total").GetInt32()); // 30 automatic + 30 inspection: exactly the standard line
            Assert.Equal("Standard", a.GetProperty("category").GetString());
            Assert.Equal("Confirmed", a.GetProperty("status").GetString());
        }

        var second = await kit.AssessAsync();
        await kit.InspectAllAsync(second, "rules-in-place", "democratic-life", "service", "honours", "brand", "committee-united");
        using (var noReason = await Http.PostJsonAsync(kit.Upper, $"/api/v1/standardization/assessments/{second}/confirm", new { }))
        {
            var problem = await Http.ProblemAsync(noReason, HttpStatusCode.Conflict);
            Assert.Equal(ConfirmAssessment.SupersedeNeedsReasonRule, problem.GetProperty("rule").GetString());
        }
        using (var withReason = await Http.PostJsonAsync(kit.Upper, $"/api/v1/standardization/assessments/{second}/confirm", new { reason = "复查发现班子分工不明确" }))
        {
            var a = await Http.JsonAsync(withReason);
            Assert.Equal(56, a.GetProperty("total").GetInt32()); // 60 − committee-united 4: one below the line
            Assert.Equal("Weak", a.GetProperty("category").GetString());
        }

        var branch = await Http.GetJsonAsync(kit.Secretary, $"/api/v1/standardization/branches/{kit.Branch.Id}");
        var history = branch.GetProperty("history").EnumerateArray().ToList();
        Assert.Equal([second, first], history.Select(h => h.GetProperty("id").GetInt64()));
        Assert.Equal(["Confirmed", "Superseded"], history.Select(h => h.GetProperty("status").GetString()));
        Assert.Equal("复查发现班子分工不明确", history[0].GetProperty("supersedeReason").GetString());
        Assert.Equal(second, branch.GetProperty("current").GetProperty("id").GetInt64());
        Assert.Equal("Weak", branch.GetProperty("current").GetProperty("category").GetString());
        Assert.Empty(branch.GetProperty("drafts").EnumerateArray());

        await using var db = app.Database.NewContext();
        var audited = await db.AuditEvents.CountAsync(e => e.Entity == nameof(StandardizationAssessment) && e.EntityId == second.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(audited >= 2, $"{audited} audit events for the assessment");
    }

    [Fact]
    public async Task Confirm_WhenTheTotalReachesTheModelLine_IsModel_UnlessAHighWarningIsOpenOrTheBranchIsIdentifiedWeak()
    {
        var kit = await StandardizationKit.CreateAsync(app);
        var id = await kit.AssessAsync();
        await kit.InspectAllAsync(id); // 30 + 54 = 84: below the model line
        var a = await Http.JsonAsync(await Http.PostJsonAsync(kit.Upper, $"/api/v1/standardization/assessments/{id}/confirm", new { }));
        Assert.Equal(84, a.GetProperty("total").GetInt32());
        Assert.Equal("Standard", a.GetProperty("category").GetString());

        // Fix the records two automatic items missed: a third committee member in post on 31 December (left on 1 January, so
        // the compliance engine, which reads today's committee, still owes no committee meetings) and M8's dues for December.
        await using (var db = app.Database.NewContext())
        {
            db.Add(new Bastion.Positions.Position { OrganizationId = kit.Branch.Id, RegionId = kit.Branch.RegionId, MemberId = kit.Full[3].Id, Role = Bastion.Positions.PositionRole.DisciplineCommissioner, StartedOn = StandardizationKit.D(7, 1), EndedOn = StandardizationKit.D(1, 1, StandardizationKit.Year + 1), CreatedAt = DateTime.UtcNow });
            db.Add(new Bastion.Dues.DuesPayment { MemberId = kit.Full[7].Id, OrganizationId = kit.Branch.Id, RegionId = kit.Branch.RegionId, Month = StandardizationKit.D(12, 1), Amount = 10, PaidOn = StandardizationKit.D(12, 20), RecordedBy = "test", RecordedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }
        var model = await kit.AssessAsync();
        var draft = await GetAsync(kit.Upper, model);
        AssertItem(draft, "committee-formed", true, 4, 3, numerator: 3, denominator: 8);
        AssertItem(draft, "dues-paid", true, 6, 1, 8, 8);
        // Automatic 8 + 4 + 4 + 8 + 4 + 0 + 6 + 6 = 40 (study: M4 is now a committee member, 32 < 56 hours: 3 / 9); 40 + 54 = 94.
        await kit.InspectAllAsync(model);
        using (var withWarning = await WithHighWarningAsync(kit.Branch.Id, () => Http.PostJsonAsync(kit.Upper, $"/api/v1/standardization/assessments/{model}/confirm", new { reason = "记录已补齐" })))
        {
            var c = await Http.JsonAsync(withWarning);
            Assert.Equal(94, c.GetProperty("total").GetInt32());
            Assert.Equal("Standard", c.GetProperty("category").GetString());
            Assert.True(c.GetProperty("modelBarred").GetBoolean());
            Assert.Equal(1, c.GetProperty("highWarnings").GetInt32());
        }

        var again = await kit.AssessAsync();
        await kit.InspectAllAsync(again);
        var clean = await Http.JsonAsync(await Http.PostJsonAsync(kit.Upper, $"/api/v1/standardization/assessments/{again}/confirm", new { reason = "预警已消除" }));
        Assert.Equal("Model", clean.GetProperty("category").GetString());

        var weak = await kit.AssessAsync();
        await kit.InspectAllAsync(weak);
        var identified = await Http.JsonAsync(await Http.PostJsonAsync(kit.Upper, $"/api/v1/standardization/assessments/{weak}/confirm", new { identifiedWeak = true, reason = "已认定为软弱涣散" }));
        Assert.Equal(94, identified.GetProperty("total").GetInt32());
        Assert.Equal("Weak", identified.GetProperty("category").GetString());

        // An open rectification case in the ledger makes the branch weak without the inspector's tick; a closed one does not.
        await using (var db = app.Database.NewContext())
        {
            db.Add(new Bastion.Rectification.RectificationCase
            {
                OrganizationId = kit.Branch.Id, RegionId = kit.Branch.RegionId, Year = StandardizationKit.Year, IdentifiedOn = StandardizationKit.D(6, 1),
                SituationMask = Bastion.Rectification.SituationBits.Mask([WeakSituation.NoActivities]), Reason = "组织生活长期不正常", IdentifiedBy = "test", UpdatedAt = DateTime.UtcNow,
            });
            await db.SaveChangesAsync();
        }
        var ledger = await kit.AssessAsync();
        await kit.InspectAllAsync(ledger);
        var fromLedger = await Http.JsonAsync(await Http.PostJsonAsync(kit.Upper, $"/api/v1/standardization/assessments/{ledger}/confirm", new { reason = "整顿中" }));
        Assert.Equal("Weak", fromLedger.GetProperty("category").GetString());
        Assert.True(fromLedger.GetProperty("identifiedWeak").GetBoolean());
    }

    /// <summary>Runs <paramref name="action"/> while the newest strength assessment holds a high warning on the organization.</summary>
    private async Task<T> WithHighWarningAsync<T>(long organizationId, Func<Task<T>> action)
    {
        var runId = await EnsureYearRunAsync();
        await using var db = app.Database.NewContext();
        var newest = await db.Set<AssessmentRun>().OrderByDescending(r => r.PeriodEnd).Select(r => r.Id).FirstAsync();
        Assert.Equal(runId, newest);
        var warning = new StrengthWarning { RunId = runId, OrganizationId = organizationId, Code = "silent-branch", Severity = WarningSeverity.High, Situation = WeakSituation.NoActivities, Measure = 45, Threshold = 30, RaisedOn = StandardizationKit.D(12, 31) };
        db.Add(warning);
        await db.SaveChangesAsync();
        try { return await action(); }
        finally
        {
            // A fresh context: the action's own saves moved the audit chain past what this one has seen.
            await using var cleanup = app.Database.NewContext();
            await cleanup.Set<StrengthWarning>().Where(w => w.Id == warning.Id).ExecuteDeleteAsync();
        }
    }

    [Fact]
    public async Task Inspection_ByTheBranchsOwnSecretary_IsRefused_AndNothingChanges()
    {
        var kit = await StandardizationKit.CreateAsync(app, seed: false);
        var id = await kit.AssessAsync();

        using var put = await Http.PutJsonAsync(kit.Secretary, $"/api/v1/standardization/assessments/{id}/items/venue", new { met = true, note = "自评" });
        var problem = await Http.ProblemAsync(put, HttpStatusCode.Conflict);
        Assert.Equal(StandardizationAccess.InspectorNotAboveRule, problem.GetProperty("rule").GetString());
        using var start = await Http.PostJsonAsync(kit.Secretary, $"/api/v1/standardization/branches/{kit.Branch.Id}/assessments", new { year = StandardizationKit.Year });
        Assert.Equal(StandardizationAccess.InspectorNotAboveRule, (await Http.ProblemAsync(start, HttpStatusCode.Conflict)).GetProperty("rule").GetString());
        using var confirm = await Http.PostJsonAsync(kit.Secretary, $"/api/v1/standardization/assessments/{id}/confirm", new { });
        Assert.Equal(StandardizationAccess.InspectorNotAboveRule, (await Http.ProblemAsync(confirm, HttpStatusCode.Conflict)).GetProperty("rule").GetString());

        // An organization-department account bound to the branch itself is not above it either.
        var own = await app.Factory.CreateApiClientAsync(await app.Factory.CreateUserAsync(Bastion.Identity.BastionRoles.OrganizationDepartment, kit.Branch.Id));
        using var ownPut = await Http.PutJsonAsync(own, $"/api/v1/standardization/assessments/{id}/items/venue", new { met = true });
        Assert.Equal(StandardizationAccess.InspectorNotAboveRule, (await Http.ProblemAsync(ownPut, HttpStatusCode.Conflict)).GetProperty("rule").GetString());

        var a = await GetAsync(kit.Secretary, id);
        Assert.Equal(JsonValueKind.Null, Item(a, "venue").GetProperty("met").ValueKind);

        // The township's organization department is above the branch.
        var township = await app.Factory.CreateApiClientAsync(await app.Factory.CreateUserAsync(Bastion.Identity.BastionRoles.OrganizationDepartment, kit.Township.Id));
        using var ok = await Http.PutJsonAsync(township, $"/api/v1/standardization/assessments/{id}/items/venue", new { met = true, note = "活动室达标" });
        Assert.True(Item(await Http.JsonAsync(ok), "venue").GetProperty("met").GetBoolean());
    }

    [Fact]
    public async Task Rules_RefuseWhatTheyForbid_ByName()
    {
        var kit = await StandardizationKit.CreateAsync(app, seed: false);
        async Task ExpectRule(HttpResponseMessage response, string rule)
        {
            using (response) Assert.Equal(rule, (await Http.ProblemAsync(response, HttpStatusCode.Conflict)).GetProperty("rule").GetString());
        }

        await ExpectRule(await Http.PostJsonAsync(kit.Upper, $"/api/v1/standardization/branches/{kit.Branch.Id}/assessments", new { year = DateTime.Now.Year + 1 }), AssessBranch.YearInFutureRule);
        await ExpectRule(await Http.PostJsonAsync(kit.Upper, $"/api/v1/standardization/branches/{kit.Township.Id}/assessments", new { year = StandardizationKit.Year }), AssessBranch.NotABranchRule);
        using (var noYear = await Http.PostJsonAsync(kit.Upper, $"/api/v1/standardization/branches/{kit.Branch.Id}/assessments", new { }))
            Assert.True((await Http.ProblemAsync(noYear, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("Year", out _));

        var id = await kit.AssessAsync();
        await ExpectRule(await Http.PutJsonAsync(kit.Upper, $"/api/v1/standardization/assessments/{id}/items/secretary-in-post", new { met = true }), InspectItem.AutomaticItemRule);
        using (var noNote = await Http.PutJsonAsync(kit.Upper, $"/api/v1/standardization/assessments/{id}/items/venue", new { met = false }))
            Assert.True((await Http.ProblemAsync(noNote, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("Note", out _));
        await ExpectRule(await Http.PostJsonAsync(kit.Upper, $"/api/v1/standardization/assessments/{id}/confirm", new { }), ConfirmAssessment.InspectionIncompleteRule);

        await kit.InspectAllAsync(id);
        await Http.JsonAsync(await Http.PostJsonAsync(kit.Upper, $"/api/v1/standardization/assessments/{id}/confirm", new { }));
        await ExpectRule(await Http.PutJsonAsync(kit.Upper, $"/api/v1/standardization/assessments/{id}/items/venue", new { met = true }), InspectItem.NotDraftRule);
        await ExpectRule(await Http.PostJsonAsync(kit.Upper, $"/api/v1/standardization/assessments/{id}/confirm", new { }), InspectItem.NotDraftRule);
    }

    [Fact]
    public async Task Reassess_ReplacesTheYearsDraft_KeepingTheInspectionEntries()
    {
        var kit = await StandardizationKit.CreateAsync(app);
        var first = await kit.AssessAsync();
        await Http.JsonAsync(await Http.PutJsonAsync(kit.Upper, $"/api/v1/standardization/assessments/{first}/items/venue", new { met = false, note = "无固定活动场所" }));
        var second = await kit.AssessAsync();

        Assert.NotEqual(first, second);
        using (var gone = await kit.Upper.GetAsync($"/api/v1/standardization/assessments/{first}"))
            await Http.ProblemAsync(gone, HttpStatusCode.NotFound);
        var a = await GetAsync(kit.Upper, second);
        Assert.False(Item(a, "venue").GetProperty("met").GetBoolean());
        Assert.Equal("无固定活动场所", Item(a, "venue").GetProperty("note").GetString());
        var branch = await Http.GetJsonAsync(kit.Upper, $"/api/v1/standardization/branches/{kit.Branch.Id}");
        Assert.Equal([second], branch.GetProperty("drafts").EnumerateArray().Select(d => d.GetProperty("id").GetInt64()));
    }

    [Fact]
    public async Task Evidence_IsAttachedToAnInspectionItem_AndDownloaded()
    {
        var kit = await StandardizationKit.CreateAsync(app, seed: false);
        var id = await kit.AssessAsync();
        var png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(png), "file", "活动室.png");
        using var post = await kit.Upper.PostAsync($"/api/v1/standardization/assessments/{id}/items/venue/evidence", form);
        var a = await Http.JsonAsync(post);
        Assert.NotEqual(JsonValueKind.Null, Item(a, "venue").GetProperty("evidenceId").ValueKind);
        var bytes = await kit.Secretary.GetByteArrayAsync($"/api/v1/standardization/assessments/{id}/items/venue/evidence");
        Assert.Equal(png, bytes);
    }
}
