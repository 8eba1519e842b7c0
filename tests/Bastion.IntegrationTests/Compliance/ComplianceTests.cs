using System.Net;
using Bastion.Identity;
using Bastion.IntegrationTests.Infrastructure;
using Bastion.Meetings;
using Bastion.Organizations;
using Bastion.Positions;
using Bastion.Shared;

namespace Bastion.IntegrationTests.Compliance;

/// <summary>The compliance engine through the API: missing periods, roll-up, silent branches, filters, export, data scope.</summary>
public sealed class ComplianceTests(BastionAppFixture app) : IClassFixture<BastionAppFixture>
{
    private BastionFactory Factory => app.Factory;

    internal static async Task AddMeetingsAsync(TestDatabase database, Organization org, MeetingKind kind, IEnumerable<DateOnly> days, MeetingStatus status = MeetingStatus.Held)
    {
        await using var db = database.NewContext();
        foreach (var day in days)
        {
            var start = DateTime.SpecifyKind(day.ToDateTime(new TimeOnly(1, 0)), DateTimeKind.Utc);
            db.Set<Meeting>().Add(new Meeting
            {
                OrganizationId = org.Id, RegionId = org.RegionId, Kind = kind, Status = status, Topic = "测试会议 " + kind,
                StartsAt = start, EndsAt = start.AddHours(2), HeldOn = status == MeetingStatus.Held ? day : null, CreatedAt = Clock.UtcNow(TimeProvider.System),
            });
        }
        await db.SaveChangesAsync();
    }

    internal static IEnumerable<DateOnly> EveryMonth(int year, int day = 10) => Enumerable.Range(1, 12).Select(m => new DateOnly(year, m, day));

    /// <summary>Three current committee positions: the branch committee is formed.</summary>
    internal static async Task FormCommitteeAsync(TestDatabase database, Organization branch)
    {
        var roles = new[] { PositionRole.Secretary, PositionRole.OrganizationCommissioner, PositionRole.PropagandaCommissioner };
        foreach (var role in roles)
        {
            var (member, _) = await TestData.AddMemberAsync(database, branch);
            await using var db = database.NewContext();
            db.Set<Position>().Add(new Position
            {
                OrganizationId = branch.Id, RegionId = branch.RegionId, MemberId = member.Id, Role = role,
                StartedOn = new DateOnly(2020, 1, 1), CreatedAt = Clock.UtcNow(TimeProvider.System),
            });
            await db.SaveChangesAsync();
        }
    }

    private static System.Text.Json.JsonElement Tally(System.Text.Json.JsonElement byKind, string kind) => byKind.GetProperty(kind);

    [Fact]
    public async Task Report_BranchWithTwoGeneralMeetings_ShowsExactlyTheMissingQuarters_AndTheUpperLevelSeesThemRolledUp()
    {
        var root = await TestData.AddRootAsync(app.Database);
        var committee = await TestData.AddOrganizationAsync(app.Database, root, OrganizationKind.Committee);
        var branch = await TestData.AddOrganizationAsync(app.Database, committee, OrganizationKind.Branch);
        var group = await TestData.AddOrganizationAsync(app.Database, branch, OrganizationKind.Group);
        var diligent = await TestData.AddOrganizationAsync(app.Database, committee, OrganizationKind.Branch);
        await FormCommitteeAsync(app.Database, branch);
        await AddMeetingsAsync(app.Database, branch, MeetingKind.BranchCommitteeMeeting, EveryMonth(2025));
        await AddMeetingsAsync(app.Database, group, MeetingKind.GroupMeeting, EveryMonth(2025));
        await AddMeetingsAsync(app.Database, branch, MeetingKind.BranchGeneralMeeting, [new(2025, 2, 14), new(2025, 8, 20)]);
        // Planned or cancelled meetings, and meetings of another year, do not count.
        await AddMeetingsAsync(app.Database, branch, MeetingKind.BranchGeneralMeeting, [new(2025, 5, 14)], MeetingStatus.Cancelled);
        await AddMeetingsAsync(app.Database, branch, MeetingKind.BranchGeneralMeeting, [new(2025, 11, 14)], MeetingStatus.Planned);
        await AddMeetingsAsync(app.Database, branch, MeetingKind.BranchGeneralMeeting, [new(2024, 12, 14), new(2026, 1, 5)]);
        await AddMeetingsAsync(app.Database, diligent, MeetingKind.BranchGeneralMeeting, [new(2025, 1, 3), new(2025, 4, 3), new(2025, 7, 3), new(2025, 10, 3)]);

        var department = await Factory.CreateApiClientAsync(await Factory.CreateUserAsync(BastionRoles.OrganizationDepartment, committee.Id));
        var own = await Http.GetJsonAsync(department, $"/api/v1/compliance/organizations/{branch.Id}?period=2025");
        var general = own.GetProperty("obligations").EnumerateArray().Single(o => o.GetProperty("kind").GetString() == "BranchGeneralMeeting");
        Assert.Equal(["2025Q2", "2025Q4"], general.GetProperty("missingPeriods").EnumerateArray().Select(p => p.GetString()));
        var committeeMeetings = own.GetProperty("obligations").EnumerateArray().Single(o => o.GetProperty("kind").GetString() == "BranchCommitteeMeeting");
        Assert.Equal(0, committeeMeetings.GetProperty("missingPeriods").GetArrayLength());
        Assert.Equal(12, committeeMeetings.GetProperty("tally").GetProperty("met").GetInt32());

        var upper = await Http.GetJsonAsync(department, $"/api/v1/compliance/organizations/{committee.Id}?period=2025");
        var byKind = upper.GetProperty("byKind");
        Assert.Equal(6, Tally(byKind, "BranchGeneralMeeting").GetProperty("met").GetInt32());
        Assert.Equal(8, Tally(byKind, "BranchGeneralMeeting").GetProperty("due").GetInt32());
        Assert.Equal(12, Tally(byKind, "BranchCommitteeMeeting").GetProperty("due").GetInt32()); // the other branch has no committee
        Assert.Equal(12, Tally(byKind, "GroupMeeting").GetProperty("met").GetInt32());
        var row = upper.GetProperty("rows").GetProperty("items").EnumerateArray().Single(r => r.GetProperty("id").GetInt64() == branch.Id);
        Assert.Equal(2, Tally(row.GetProperty("byKind"), "BranchGeneralMeeting").GetProperty("met").GetInt32());
        Assert.Contains(upper.GetProperty("overdue").EnumerateArray(), i =>
            i.GetProperty("organizationId").GetInt64() == branch.Id && i.GetProperty("kind").GetString() == "BranchGeneralMeeting" && i.GetProperty("period").GetString() == "2025Q2");
        Assert.DoesNotContain(upper.GetProperty("overdue").EnumerateArray(), i =>
            i.GetProperty("organizationId").GetInt64() == diligent.Id && i.GetProperty("kind").GetString() == "BranchGeneralMeeting");

        var q2 = await Http.GetJsonAsync(department, $"/api/v1/compliance/organizations/{committee.Id}?period=2025Q2");
        Assert.Equal(1, Tally(q2.GetProperty("byKind"), "BranchGeneralMeeting").GetProperty("met").GetInt32());
        Assert.Equal(2, Tally(q2.GetProperty("byKind"), "BranchGeneralMeeting").GetProperty("due").GetInt32());
    }

    [Fact]
    public async Task Report_RowsAreWorstFirst_FilterByKind_AndExportAsWorkbook()
    {
        var root = await TestData.AddRootAsync(app.Database);
        var committee = await TestData.AddOrganizationAsync(app.Database, root, OrganizationKind.Committee);
        var lax = await TestData.AddOrganizationAsync(app.Database, committee, OrganizationKind.Branch, TestData.Unique("涣散支部"));
        var good = await TestData.AddOrganizationAsync(app.Database, committee, OrganizationKind.Branch, TestData.Unique("先进支部"));
        var group = await TestData.AddOrganizationAsync(app.Database, good, OrganizationKind.Group);
        foreach (var kind in new[] { MeetingKind.ThemePartyDay })
            await AddMeetingsAsync(app.Database, good, kind, EveryMonth(2025));
        await AddMeetingsAsync(app.Database, good, MeetingKind.BranchGeneralMeeting, [new(2025, 1, 3), new(2025, 4, 3), new(2025, 7, 3), new(2025, 10, 3)]);
        await AddMeetingsAsync(app.Database, group, MeetingKind.GroupMeeting, EveryMonth(2025));
        await AddMeetingsAsync(app.Database, lax, MeetingKind.ThemePartyDay, [new(2025, 3, 1)]);

        var client = await Factory.CreateApiClientAsync(await Factory.CreateUserAsync(BastionRoles.OrganizationDepartment, committee.Id));
        var all = await Http.GetJsonAsync(client, $"/api/v1/compliance/organizations/{committee.Id}?period=2025");
        var ids = all.GetProperty("rows").GetProperty("items").EnumerateArray().Select(r => r.GetProperty("id").GetInt64()).ToList();
        Assert.Equal([lax.Id, good.Id, group.Id], ids);
        var rates = all.GetProperty("rows").GetProperty("items").EnumerateArray().Select(r => r.GetProperty("rate").GetDecimal()).ToList();
        Assert.Equal(rates.Order(), rates);
        Assert.Equal(1m, rates[^1]);

        var groups = await Http.GetJsonAsync(client, $"/api/v1/compliance/organizations/{committee.Id}?period=2025&kind=Group");
        Assert.Equal([group.Id], groups.GetProperty("rows").GetProperty("items").EnumerateArray().Select(r => r.GetProperty("id").GetInt64()));

        using var export = await client.GetAsync($"/api/v1/compliance/organizations/{committee.Id}/export.xlsx?period=2025");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        await using var stream = await export.Content.ReadAsStreamAsync();
        var sheet = MiniExcelLibs.MiniExcel.Query(stream, useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(3, sheet.Count);
        Assert.Equal(lax.Name, sheet[0]["党组织"]);
        Assert.Equal("1/12", sheet[0]["主题党日"]);
        Assert.Contains("支部党员大会 2025Q1, 2025Q2, 2025Q3, 2025Q4", (string)sheet[0]["缺项（本组织）"]!);
    }

    [Fact]
    public async Task Report_SilentBranch_IsTheOneWithoutActivityForThirtyDays()
    {
        var root = await TestData.AddRootAsync(app.Database);
        var quiet = await TestData.AddOrganizationAsync(app.Database, root, OrganizationKind.Branch);
        var active = await TestData.AddOrganizationAsync(app.Database, root, OrganizationKind.Branch);
        var activeGroup = await TestData.AddOrganizationAsync(app.Database, active, OrganizationKind.Group);
        var today = DateOnly.FromDateTime(DateTime.Now);
        await AddMeetingsAsync(app.Database, quiet, MeetingKind.ThemePartyDay, [today.AddDays(-45)]);
        await AddMeetingsAsync(app.Database, activeGroup, MeetingKind.GroupMeeting, [today.AddDays(-3)]);

        var client = await Factory.CreateApiClientAsync(await Factory.CreateUserAsync(BastionRoles.SystemAdmin, root.Id));
        var report = await Http.GetJsonAsync(client, $"/api/v1/compliance/organizations/{root.Id}");
        var silent = report.GetProperty("silent").EnumerateArray().ToList();
        Assert.Equal(45, silent.Single(s => s.GetProperty("organizationId").GetInt64() == quiet.Id).GetProperty("days").GetInt32());
        Assert.DoesNotContain(silent, s => s.GetProperty("organizationId").GetInt64() == active.Id);
    }

    [Fact]
    public async Task Report_OutOfScopeOrBadPeriod_IsRefused()
    {
        var root = await TestData.AddRootAsync(app.Database);
        var mine = await TestData.AddOrganizationAsync(app.Database, root, OrganizationKind.Branch);
        var other = await TestData.AddOrganizationAsync(app.Database, root, OrganizationKind.Branch);
        var secretary = await Factory.CreateApiClientAsync(await Factory.CreateUserAsync(BastionRoles.BranchSecretary, mine.Id));
        using var outOfScope = await secretary.GetAsync($"/api/v1/compliance/organizations/{other.Id}?period=2025");
        await Http.ProblemAsync(outOfScope, HttpStatusCode.NotFound);
        using var bad = await secretary.GetAsync($"/api/v1/compliance/organizations/{mine.Id}?period=2025Q7");
        Assert.True((await Http.ProblemAsync(bad, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("period", out _));
        var member = await Factory.CreateApiClientAsync(await Factory.CreateUserAsync(BastionRoles.Member, mine.Id));
        using var forbidden = await member.GetAsync($"/api/v1/compliance/organizations/{mine.Id}");
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }
}
