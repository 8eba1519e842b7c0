using System.Net;
using System.Text.Json;
using Bastion.Audit;
using Bastion.Compliance;
using Bastion.Identity;
using Bastion.IntegrationTests.Coverage;
using Bastion.IntegrationTests.Infrastructure;
using Bastion.Members;
using Bastion.Organizations;
using Bastion.Positions;
using Bastion.SecretaryReviews;
using Bastion.Shared;
using Bastion.Strength;
using Microsoft.EntityFrameworkCore;

namespace Bastion.IntegrationTests.SecretaryReviews;

/// <summary>
/// 书记抓基层党建工作述职评议考核 through the API: the frozen index, every refusal by its rule, access, the stored results
/// per subtree, the export and a constant number of statements for the results.
/// </summary>
public sealed class SecretaryReviewTests(BastionAppFixture app) : IClassFixture<BastionAppFixture>
{
    private BastionFactory Factory => app.Factory;

    /// <summary>A committee with <paramref name="branches"/> branches, each with a member who is its secretary and a plain member.</summary>
    private sealed record Tree(Organization Committee, List<Organization> Branches, List<Member> Secretaries, List<Member> Plain);

    private async Task<Tree> TreeAsync(int branches)
    {
        var root = await TestData.AddRootAsync(app.Database);
        var committee = await TestData.AddOrganizationAsync(app.Database, root, OrganizationKind.Committee);
        var list = new List<Organization>();
        var secretaries = new List<Member>();
        var plain = new List<Member>();
        for (var i = 0; i < branches; i++)
        {
            var branch = await TestData.AddOrganizationAsync(app.Database, committee, OrganizationKind.Branch);
            var (secretary, _) = await TestData.AddMemberAsync(app.Database, branch);
            var (member, _) = await TestData.AddMemberAsync(app.Database, branch);
            await using var db = app.Database.NewContext();
            await AppointPosition.HandleAsync(db, branch.Id, new AppointPosition.Command { MemberId = secretary.Id, Role = PositionRole.Secretary, StartedOn = new DateOnly(2015, 1, 1) });
            list.Add(branch);
            secretaries.Add(secretary);
            plain.Add(member);
        }
        return new Tree(committee, list, secretaries, plain);
    }

    /// <summary>A stored assessment snapshot: a score for each given organization, and warnings for the first.</summary>
    private async Task<long> AssessmentAsync(string period, int year, IReadOnlyList<(long OrganizationId, double Total)> scores, params string[] warningCodes)
    {
        await using var db = app.Database.NewContext();
        var parsed = Period.TryParse(period)!.Value;
        var run = new AssessmentRun
        {
            Period = period, PeriodKind = parsed.Kind, PeriodStart = parsed.Start, PeriodEnd = parsed.End, AsOf = parsed.End,
            RuleSetVersion = StrengthRuleSet.Load().Version, Organizations = scores.Count, StartedBy = "test",
            StartedAt = DateTime.UtcNow, FinishedAt = DateTime.UtcNow,
        };
        db.Add(run);
        await db.SaveChangesAsync();
        foreach (var (id, total) in scores)
            db.Add(new OrganizationScore
            {
                RunId = run.Id, OrganizationId = id, Path = "/", Kind = OrganizationKind.Branch, Members = 2, SubtreeMembers = 2,
                Political = total + 1, Development = total - 1, Cohesion = total + 2, Renewal = total - 2, Total = total,
                SiblingRank = 1, Siblings = scores.Count, Warnings = warningCodes.Length, SubtreeWarnings = warningCodes.Length,
            });
        var rules = StrengthRuleSet.Load();
        foreach (var code in warningCodes)
        {
            var rule = rules.Warning(code);
            db.Add(new StrengthWarning
            {
                RunId = run.Id, OrganizationId = scores[0].OrganizationId, Code = code, Severity = rule.Severity, Situation = rule.Situation,
                Measure = rule.Threshold + 5, Threshold = rule.Threshold, Since = new DateOnly(year, 3, 1), RaisedOn = parsed.End,
            });
        }
        await db.SaveChangesAsync();
        return run.Id;
    }

    private static string? Rule(JsonElement problem) => problem.TryGetProperty("rule", out var r) ? r.GetString() : null;

    private static async Task<string?> RefusedAsync(HttpResponseMessage response) => Rule(await Http.ProblemAsync(response, HttpStatusCode.Conflict));

    private static JsonElement Report(JsonElement round, long organizationId) =>
        round.GetProperty("reports").EnumerateArray().Single(r => r.GetProperty("organizationId").GetInt64() == organizationId);

    [Fact]
    public async Task Review_FullCycle_FreezesTheIndex_RefusesByRule_AndStoresTheResults()
    {
        const int year = 2019;
        var t = await TreeAsync(3);
        var (b1, b2, b3) = (t.Branches[0], t.Branches[1], t.Branches[2]);
        // The yearly run of 2019 and, to be ignored, a quarterly one of the same year.
        await AssessmentAsync("2019", year, [(b1.Id, 71.5), (b3.Id, 50)], "silent-branch", "term-overdue");
        await AssessmentAsync("2019Q4", year, [(b1.Id, 10), (b2.Id, 10)], "low-compliance");

        var organizer = await Factory.CreateApiClientAsync(await Factory.CreateUserAsync(BastionRoles.OrganizationDepartment, t.Committee.Id));
        var reviewers = new List<TestUser>();
        for (var i = 0; i < 3; i++) reviewers.Add(await Factory.CreateUserAsync(BastionRoles.Member, t.Committee.Id));
        var r1 = await Factory.CreateApiClientAsync(reviewers[0]);
        var r2 = await Factory.CreateApiClientAsync(reviewers[1]);
        var s1 = await Factory.CreateApiClientAsync(await Factory.CreateUserAsync(BastionRoles.BranchSecretary, b1.Id, t.Secretaries[0].Id));
        var s2 = await Factory.CreateApiClientAsync(await Factory.CreateUserAsync(BastionRoles.BranchSecretary, b2.Id, t.Secretaries[1].Id));
        var plain = await Factory.CreateApiClientAsync(await Factory.CreateUserAsync(BastionRoles.Member, b1.Id, t.Plain[0].Id));

        // Opening: not for a future year, once per year, with a report per organization and its current secretary.
        using var future = await Http.PostJsonAsync(organizer, "/api/v1/secretary-reviews", new { organizationId = t.Committee.Id, year = DateTime.Today.Year + 1 });
        Assert.Equal(SecretaryReviewRules.FutureYearRule, await RefusedAsync(future));
        using var unknown = await Http.PostJsonAsync(organizer, "/api/v1/secretary-reviews", new { organizationId = t.Committee.Id, year, reviewers = new[] { "nobody-here" } });
        Assert.True((await Http.ProblemAsync(unknown, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("Reviewers", out _));
        using var opened = await Http.PostJsonAsync(organizer, "/api/v1/secretary-reviews",
            new { organizationId = t.Committee.Id, year, reviewers = new[] { reviewers[0].UserName, reviewers[1].UserName } });
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        var round = await Http.JsonAsync(opened);
        var id = round.GetProperty("id").GetInt64();
        Assert.Equal(3, round.GetProperty("reports").GetArrayLength());
        Assert.Equal(t.Secretaries[0].Id, Report(round, b1.Id).GetProperty("secretaryMemberId").GetInt64());
        using var twice = await Http.PostJsonAsync(organizer, "/api/v1/secretary-reviews", new { organizationId = t.Committee.Id, year });
        Assert.Equal(SecretaryReviewRules.OnePerYearRule, await RefusedAsync(twice));
        using var added = await Http.PostJsonAsync(organizer, $"/api/v1/secretary-reviews/{id}/reviewers", new { userName = reviewers[2].UserName });
        Assert.Equal(3, (await Http.JsonAsync(added)).GetProperty("reviewers").GetArrayLength());

        var reportIds = round.GetProperty("reports").EnumerateArray().ToDictionary(r => r.GetProperty("organizationId").GetInt64(), r => r.GetProperty("reportId").GetInt64());
        var (rep1, rep2) = (reportIds[b1.Id], reportIds[b2.Id]);

        // Rating before the report, a report by someone who is not the current secretary.
        using var early = await Http.PutJsonAsync(r1, $"/api/v1/secretary-reviews/reports/{rep1}/rating", new { grade = "Good" });
        Assert.Equal(SecretaryReviewRules.ReportNotSubmittedRule, await RefusedAsync(early));
        using var byMember = await Http.PutJsonAsync(plain, $"/api/v1/secretary-reviews/reports/{rep1}", new { text = "我来述职。" });
        Assert.Equal(SecretaryReviewRules.NotCurrentSecretaryRule, await RefusedAsync(byMember));
        using var byOther = await Http.PutJsonAsync(s2, $"/api/v1/secretary-reviews/reports/{rep1}", new { text = "替别人述职。" });
        Assert.Equal(SecretaryReviewRules.NotCurrentSecretaryRule, await RefusedAsync(byOther));
        using var empty = await Http.PutJsonAsync(s1, $"/api/v1/secretary-reviews/reports/{rep1}", new { text = "  " });
        Assert.True((await Http.ProblemAsync(empty, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("Text", out _));

        // The secretary submits: the yearly run's figures and the organization's own warnings are attached.
        using var submitted = await Http.PutJsonAsync(s1, $"/api/v1/secretary-reviews/reports/{rep1}", new { text = "一年来抓党建工作的情况……" });
        var report = await Http.JsonAsync(submitted);
        var index = report.GetProperty("index");
        Assert.Equal("2019", index.GetProperty("period").GetString());
        Assert.Equal(71.5, index.GetProperty("total").GetDouble());
        Assert.Equal(72.5, index.GetProperty("political").GetDouble());
        Assert.Equal((1, 2), (index.GetProperty("siblingRank").GetInt32(), index.GetProperty("siblings").GetInt32()));
        Assert.Equal(new[] { "silent-branch", "term-overdue" }, report.GetProperty("warnings").EnumerateArray().Select(w => w.GetProperty("code").GetString()!).Order());

        // Freezing: the assessment is re-run with other figures and warnings; the attached copy stays.
        await using (var db = app.Database.NewContext())
        {
            var run = await db.Set<AssessmentRun>().SingleAsync(r => r.Period == "2019");
            await db.Set<StrengthWarning>().Where(w => w.RunId == run.Id).ExecuteDeleteAsync();
            await db.Set<OrganizationScore>().Where(s => s.RunId == run.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.Total, 12.0).SetProperty(x => x.SiblingRank, 2));
        }
        var again = await Http.GetJsonAsync(s1, $"/api/v1/secretary-reviews/reports/{rep1}");
        Assert.Equal(71.5, again.GetProperty("index").GetProperty("total").GetDouble());
        Assert.Equal(1, again.GetProperty("index").GetProperty("siblingRank").GetInt32());
        Assert.Equal(2, again.GetProperty("warnings").GetArrayLength());

        // Access: a plain member manages nothing and sees no report; a secretary does not see another's report.
        using (var list = await plain.GetAsync("/api/v1/secretary-reviews")) Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
        using (var other = await plain.GetAsync($"/api/v1/secretary-reviews/reports/{rep1}")) await Http.ProblemAsync(other, HttpStatusCode.NotFound);
        using (var other = await s2.GetAsync($"/api/v1/secretary-reviews/reports/{rep1}")) await Http.ProblemAsync(other, HttpStatusCode.NotFound);
        using (var manage = await s1.GetAsync($"/api/v1/secretary-reviews/{id}")) Assert.Equal(HttpStatusCode.Forbidden, manage.StatusCode);
        Assert.Equal(0, (await Http.GetJsonAsync(plain, "/api/v1/secretary-reviews/to-rate")).GetArrayLength());
        // The reviewer sees what to rate: the submitted report with its frozen index.
        var toRate = await Http.GetJsonAsync(r1, "/api/v1/secretary-reviews/to-rate");
        var seen = Assert.Single(Assert.Single(toRate.EnumerateArray()).GetProperty("reports").EnumerateArray());
        Assert.Equal(71.5, seen.GetProperty("index").GetProperty("total").GetDouble());

        // Ratings: only reviewers; one per reviewer, changed by rating again; a rated report no longer changes.
        using var notReviewer = await Http.PutJsonAsync(organizer, $"/api/v1/secretary-reviews/reports/{rep1}/rating", new { grade = "Good" });
        Assert.Equal(SecretaryReviewRules.NotReviewerRule, await RefusedAsync(notReviewer));
        using var noGrade = await Http.PutJsonAsync(r1, $"/api/v1/secretary-reviews/reports/{rep1}/rating", new { comment = "很好" });
        Assert.True((await Http.ProblemAsync(noGrade, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("Grade", out _));
        (await Http.PutJsonAsync(r1, $"/api/v1/secretary-reviews/reports/{rep1}/rating", new { grade = "Poor" })).EnsureSuccessStatusCode();
        var changed = await Http.JsonAsync(await Http.PutJsonAsync(r1, $"/api/v1/secretary-reviews/reports/{rep1}/rating", new { grade = "FairlyGood", comment = "思路清晰" }));
        Assert.Equal("FairlyGood", changed.GetProperty("myRating").GetProperty("grade").GetString());
        (await Http.PutJsonAsync(r2, $"/api/v1/secretary-reviews/reports/{rep1}/rating", new { grade = "Good" })).EnsureSuccessStatusCode();
        using var revise = await Http.PutJsonAsync(s1, $"/api/v1/secretary-reviews/reports/{rep1}", new { text = "改一改" });
        Assert.Equal(SecretaryReviewRules.ReportRatedRule, await RefusedAsync(revise));

        // The second branch has no yearly score: "no assessment" (the quarterly run is not used when a yearly one exists).
        var noIndex = await Http.JsonAsync(await Http.PutJsonAsync(s2, $"/api/v1/secretary-reviews/reports/{rep2}", new { text = "本支部述职。" }));
        Assert.True(noIndex.GetProperty("index").GetProperty("attached").GetBoolean());
        Assert.Equal(JsonValueKind.Null, noIndex.GetProperty("index").GetProperty("period").ValueKind);
        (await Http.PutJsonAsync(r1, $"/api/v1/secretary-reviews/reports/{rep2}/rating", new { grade = "Average" })).EnsureSuccessStatusCode();

        // Closing: the second report has 1 rating of 3 reviewers, not more than half.
        var detail = await Http.GetJsonAsync(organizer, $"/api/v1/secretary-reviews/{id}");
        Assert.Equal(2, detail.GetProperty("ratingsNeeded").GetInt32());
        Assert.Equal(2, Report(detail, b1.Id).GetProperty("ratings").GetInt32());
        using var tooEarly = await Http.PostJsonAsync(organizer, $"/api/v1/secretary-reviews/{id}/close", new { });
        Assert.Equal(SecretaryReviewRules.UnratedRule, await RefusedAsync(tooEarly));
        (await Http.PutJsonAsync(r2, $"/api/v1/secretary-reviews/reports/{rep2}/rating", new { grade = "Poor" })).EnsureSuccessStatusCode();
        var closed = await Http.JsonAsync(await Http.PostJsonAsync(organizer, $"/api/v1/secretary-reviews/{id}/close", new { }));
        Assert.Equal("Closed", closed.GetProperty("status").GetString());
        // (80 + 100) / 2 = 90 → 好; (60 + 0) / 2 = 30 → 差; the third secretary never reported.
        Assert.Equal(("Good", 90.0), (Report(closed, b1.Id).GetProperty("grade").GetString(), Report(closed, b1.Id).GetProperty("score").GetDouble()));
        Assert.Equal(("Poor", 30.0), (Report(closed, b2.Id).GetProperty("grade").GetString(), Report(closed, b2.Id).GetProperty("score").GetDouble()));
        Assert.Equal("NotReported", Report(closed, b3.Id).GetProperty("outcome").GetString());

        // Anything after closing.
        using var lateRating = await Http.PutJsonAsync(r1, $"/api/v1/secretary-reviews/reports/{rep1}/rating", new { grade = "Poor" });
        Assert.Equal(SecretaryReviewRules.ClosedRule, await RefusedAsync(lateRating));
        using var lateReport = await Http.PutJsonAsync(s1, $"/api/v1/secretary-reviews/reports/{rep1}", new { text = "补充" });
        Assert.Equal(SecretaryReviewRules.ClosedRule, await RefusedAsync(lateReport));
        using var lateReviewer = await Http.PostJsonAsync(organizer, $"/api/v1/secretary-reviews/{id}/reviewers", new { userName = reviewers[0].UserName });
        Assert.Equal(SecretaryReviewRules.ClosedRule, await RefusedAsync(lateReviewer));
        using var lateClose = await Http.PostJsonAsync(organizer, $"/api/v1/secretary-reviews/{id}/close", new { });
        Assert.Equal(SecretaryReviewRules.ClosedRule, await RefusedAsync(lateClose));

        // The secretary sees their own report and final grade, not the reviewers' ratings.
        var mine = Assert.Single((await Http.GetJsonAsync(s1, "/api/v1/secretary-reviews/mine")).EnumerateArray());
        Assert.Equal(("Good", rep1), (mine.GetProperty("grade").GetString(), mine.GetProperty("reportId").GetInt64()));
        var own = await Http.GetJsonAsync(s1, $"/api/v1/secretary-reviews/reports/{rep1}");
        Assert.Equal(("Secretary", "Good"), (own.GetProperty("viewer").GetString(), own.GetProperty("grade").GetString()));
        Assert.Equal(0, own.GetProperty("ratings").GetArrayLength());
        var asOrganizer = await Http.GetJsonAsync(organizer, $"/api/v1/secretary-reviews/reports/{rep1}");
        Assert.Equal(2, asOrganizer.GetProperty("ratings").GetArrayLength());

        // Results per subtree, and the export.
        var results = await Http.GetJsonAsync(organizer, $"/api/v1/secretary-reviews/results?organizationId={t.Committee.Id}&year={year}");
        var counts = results.GetProperty("counts");
        Assert.Equal((1, 0, 0, 1, 1), (counts.GetProperty("good").GetInt32(), counts.GetProperty("fairlyGood").GetInt32(), counts.GetProperty("average").GetInt32(),
            counts.GetProperty("poor").GetInt32(), counts.GetProperty("notReported").GetInt32()));
        var first = results.GetProperty("rows").GetProperty("items")[0];
        Assert.Equal((b1.Id, 2), (first.GetProperty("organizationId").GetInt64(), first.GetProperty("warnings").GetInt32()));
        var branchOnly = await Http.GetJsonAsync(organizer, $"/api/v1/secretary-reviews/results?organizationId={b2.Id}&year={year}");
        Assert.Equal(1, branchOnly.GetProperty("counts").GetProperty("poor").GetInt32());
        Assert.Equal(1, branchOnly.GetProperty("rows").GetProperty("totalCount").GetInt32());
        using (var forbidden = await s1.GetAsync($"/api/v1/secretary-reviews/results?organizationId={b1.Id}&year={year}")) Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);

        using var xlsx = await organizer.GetAsync($"/api/v1/secretary-reviews/results.xlsx?organizationId={t.Committee.Id}&year={year}");
        Assert.Equal(Workbook.ContentType, xlsx.Content.Headers.ContentType?.MediaType);
        var rows = MiniExcelLibs.MiniExcel.Query(await xlsx.Content.ReadAsStreamAsync(), useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(3, rows.Count);
        Assert.Equal(new[] { "好", "差", "未述职" }, rows.Select(r => r["评议结果"]?.ToString()));
        Assert.Equal("71.5", rows[0]["组织力指数"]?.ToString());
        Assert.Equal("沉默支部、超期未换届", rows[0]["预警"]?.ToString());
        Assert.Equal("无测评", rows[1]["测评期"]?.ToString());

        // Every change went into the audit chain.
        await using (var db = app.Database.NewContext())
        {
            Assert.True(await db.AuditEvents.AnyAsync(e => e.Entity == nameof(SecretaryRating) && e.Action == AuditActions.Update));
            Assert.True(await db.AuditEvents.AnyAsync(e => e.Entity == nameof(SecretaryReport) && e.EntityId == rep1.ToString()));
            Assert.True(await db.AuditEvents.AnyAsync(e => e.Entity == nameof(SecretaryReviewRound) && e.EntityId == id.ToString() && e.Action == AuditActions.Update));
        }
    }

    [Fact]
    public async Task Snapshot_WithoutAYearlyRun_TakesTheNewestRunOfTheYear_AndNoneWhenTheYearHasNone()
    {
        var t = await TreeAsync(1);
        await AssessmentAsync("2018Q2", 2018, [(t.Branches[0].Id, 40)]);
        await AssessmentAsync("2018Q3", 2018, [(t.Branches[0].Id, 55)], "no-development");
        await AssessmentAsync("2017", 2017, [(t.Branches[0].Id, 99)]);
        // Accounts are made through another context first: this one's audit head must not go stale.
        var self = await Factory.CreateUserAsync(BastionRoles.BranchSecretary, t.Branches[0].Id, t.Secretaries[0].Id);
        await using var db = app.Database.NewContext();
        Assert.Equal("2018Q3", (await IndexSnapshot.RunForYearAsync(db, 2018))!.Period);
        Assert.Equal("2017", (await IndexSnapshot.RunForYearAsync(db, 2017))!.Period);
        Assert.Null(await IndexSnapshot.RunForYearAsync(db, 2016));

        var round = await OpenReviewRound.HandleAsync(db, new OpenReviewRound.Command { OrganizationId = t.Committee.Id, Year = 2018 });
        var reportId = await db.Set<SecretaryReport>().Where(r => r.RoundId == round.Id).Select(r => r.Id).SingleAsync();
        await SubmitReport.HandleAsync(db, null, reportId, t.Secretaries[0].Id, new SubmitReport.Command { Text = "述职" });
        var report = await db.Set<SecretaryReport>().AsNoTracking().SingleAsync(r => r.Id == reportId);
        Assert.Equal(("2018Q3", 55.0), (report.IndexPeriod, report.Total));
        Assert.Equal("no-development", (await db.Set<SecretaryReportWarning>().SingleAsync(w => w.ReportId == reportId)).Code);

        // A yearly run added later does not replace what the reviewers saw.
        await AssessmentAsync("2018", 2018, [(t.Branches[0].Id, 80)]);
        db.ChangeTracker.Clear(); // the snapshot was written through another context
        var after = await db.Set<SecretaryReport>().AsNoTracking().SingleAsync(r => r.Id == reportId);
        Assert.Equal(("2018Q3", 55.0), (after.IndexPeriod, after.Total));

        // A reviewer who is the secretary does not rate their own report .
        var round2 = await OpenReviewRound.HandleAsync(db, new OpenReviewRound.Command { OrganizationId = t.Committee.Id, Year = 2016 });
        var report2 = await db.Set<SecretaryReport>().Where(r => r.RoundId == round2.Id).Select(r => r.Id).SingleAsync();
        await SubmitReport.HandleAsync(db, null, report2, t.Secretaries[0].Id, new SubmitReport.Command { Text = "述职" });
        Assert.Null((await db.Set<SecretaryReport>().AsNoTracking().SingleAsync(r => r.Id == report2)).IndexPeriod);
        await AddReviewer.HandleAsync(db, round2.Id, new AddReviewer.Command { UserName = self.UserName });
        var e = await Assert.ThrowsAsync<DomainRuleException>(() => RateSecretary.HandleAsync(db, report2, self.Id, t.Secretaries[0].Id, new RateSecretary.Command { Grade = ReviewGrade.Good }));
        Assert.Equal(SecretaryReviewRules.OwnReportRule, e.Rule);
    }

    [Fact]
    public async Task Results_ReadInAConstantNumberOfStatements_WhateverTheNumberOfSecretaries()
    {
        async Task<(long CommitteeId, int Statements, int Rows)> MeasureAsync(int branches, int year)
        {
            var t = await TreeAsync(branches);
            await AssessmentAsync($"{year}", year, t.Branches.Select(b => (b.Id, 60.0)).ToList(), "silent-branch");
            var reviewer = await Factory.CreateUserAsync(BastionRoles.Member, t.Committee.Id);
            await using (var db = app.Database.NewContext())
            {
                var round = await OpenReviewRound.HandleAsync(db, new OpenReviewRound.Command { OrganizationId = t.Committee.Id, Year = year, Reviewers = [reviewer.UserName] });
                var reports = await db.Set<SecretaryReport>().Where(r => r.RoundId == round.Id).OrderBy(r => r.Id).ToListAsync();
                foreach (var (r, i) in reports.Select((r, i) => (r, i)))
                {
                    if (i == 0) continue; // one secretary does not report
                    await SubmitReport.HandleAsync(db, null, r.Id, t.Secretaries[t.Branches.FindIndex(b => b.Id == r.OrganizationId)].Id, new SubmitReport.Command { Text = "述职" });
                    await RateSecretary.HandleAsync(db, r.Id, reviewer.Id, null, new RateSecretary.Command { Grade = (ReviewGrade)(i % 4 + 1) });
                }
                await CloseReviewRound.HandleAsync(db, round.Id);
            }
            var counter = new StatementCounter();
            await using var counting = StructureTestData.CountingContext(app.Database, counter);
            counter.Reset();
            var results = await SecretaryReviewQueries.ResultsAsync(counting, t.Committee.Id, year, 1, 50);
            Assert.NotNull(results);
            Assert.Equal(branches, results.Rows.Items.Count);
            Assert.Equal(1, results.Counts.NotReported);
            return (t.Committee.Id, counter.Count, results.Rows.Items.Count);
        }

        var small = await MeasureAsync(2, 2014);
        var large = await MeasureAsync(9, 2013);
        Assert.Equal(small.Statements, large.Statements);
        Assert.InRange(large.Statements, 1, 4);
    }
}
