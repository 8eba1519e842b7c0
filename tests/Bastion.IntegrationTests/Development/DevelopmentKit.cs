using System.Globalization;
using System.Net;
using System.Text.Json;
using Bastion.Identity;
using Bastion.IntegrationTests.Infrastructure;
using Bastion.Members;
using Bastion.Organizations;

namespace Bastion.IntegrationTests.Development;

/// <summary>
/// A county committee with a township committee and a branch of full members, a branch secretary and the county's
/// organization department, and a timeline that satisfies every rule, so each test breaks exactly one thing.
/// </summary>
public sealed class DevelopmentKit
{
    private static int s_residentSequence;

    public required BastionAppFixture App { get; init; }
    public required Organization County { get; init; }
    public required Organization Township { get; init; }
    public required Organization Branch { get; init; }
    public required IReadOnlyList<Member> Members { get; init; }
    public required HttpClient Secretary { get; init; }
    /// <summary>The county's organization department (上级党委).</summary>
    public required HttpClient Upper { get; init; }

    public static DateOnly Today => DateOnly.FromDateTime(DateTime.Now);

    public static async Task<DevelopmentKit> CreateAsync(BastionAppFixture app, int members = 6)
    {
        var db = app.Database;
        var root = await TestData.AddRootAsync(db);
        var county = await TestData.AddOrganizationAsync(db, root, OrganizationKind.Committee);
        var township = await TestData.AddOrganizationAsync(db, county, OrganizationKind.Committee);
        var branch = await TestData.AddOrganizationAsync(db, township, OrganizationKind.Branch);
        var list = new List<Member>();
        for (var i = 0; i < members; i++) list.Add((await TestData.AddMemberAsync(db, branch)).Member);
        var secretary = await app.Factory.CreateUserAsync(BastionRoles.BranchSecretary, branch.Id);
        var upper = await app.Factory.CreateUserAsync(BastionRoles.OrganizationDepartment, county.Id);
        return new DevelopmentKit
        {
            App = app, County = county, Township = township, Branch = branch, Members = list,
            Secretary = await app.Factory.CreateApiClientAsync(secretary), Upper = await app.Factory.CreateApiClientAsync(upper),
        };
    }

    /// <summary>A valid resident ID of someone born on <paramref name="birth"/> that no other test uses.</summary>
    public static string ResidentIdBornOn(DateOnly birth) =>
        ResidentId.Compose("440305", birth, 1 + Interlocked.Increment(ref s_residentSequence) % 998);

    public static string D(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public async Task<long> RegisterAsync(DateOnly appliedOn, DateOnly? birth = null, object[]? relatives = null, string? name = null)
    {
        using var response = await Http.PostJsonAsync(Secretary, $"/api/v1/organizations/{Branch.Id}/candidates", new
        {
            name = name ?? TestData.Unique("申请人"), residentId = ResidentIdBornOn(birth ?? new DateOnly(1998, 3, 15)),
            appliedOn = D(appliedOn), occupation = "技术员", relatives = relatives ?? [],
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await Http.JsonAsync(response)).GetProperty("id").GetInt64();
    }

    /// <summary>Plans and records a 支部党员大会 of the branch on <paramref name="on"/> with one motion; returns the resolution id.</summary>
    public async Task<long> BranchVoteAsync(DateOnly on, int present, int yes, string title = "关于接收预备党员的决议")
    {
        var startsAt = on.ToDateTime(new TimeOnly(6, 0), DateTimeKind.Utc);
        using var plan = await Http.PostJsonAsync(Secretary, $"/api/v1/organizations/{Branch.Id}/meetings", new
        {
            kind = "BranchGeneralMeeting", topic = "讨论发展党员", startsAt = startsAt.ToString("O"), endsAt = startsAt.AddHours(2).ToString("O"),
            place = "党员活动室", online = false,
        });
        var meetingId = (await Http.JsonAsync(plan)).GetProperty("id").GetInt64();
        using var record = await Http.PostJsonAsync(Secretary, $"/api/v1/meetings/{meetingId}/record", new
        {
            minutes = "表决", attendance = Members.Take(present).Select(m => new { memberId = m.Id, status = "Present" }).ToArray(),
            resolutions = new[] { new { title, kind = "Motion", yes, no = present - yes, abstain = 0 } },
        });
        var detail = await Http.JsonAsync(record);
        return detail.GetProperty("resolutions")[0].GetProperty("id").GetInt64();
    }

    /// <summary>Dates of a path that keeps every rule: applied three years ago, converted a few months ago.</summary>
    public sealed class Timeline(DateOnly applied)
    {
        public DateOnly Applied { get; } = applied;
        public Dictionary<int, DateOnly> Steps { get; } = new()
        {
            [2] = applied.AddDays(10), [3] = applied.AddMonths(1), [4] = applied.AddMonths(1).AddDays(5), [5] = applied.AddMonths(1).AddDays(10),
            [6] = applied.AddMonths(6), [7] = applied.AddMonths(14), [8] = applied.AddMonths(14).AddDays(5), [9] = applied.AddMonths(15),
            [10] = applied.AddMonths(16), [11] = applied.AddMonths(17), [12] = applied.AddMonths(18), [13] = applied.AddMonths(18).AddDays(10),
            [14] = applied.AddMonths(19), [15] = applied.AddMonths(20), [16] = applied.AddMonths(20).AddDays(15), [17] = applied.AddMonths(21),
            [18] = applied.AddMonths(21).AddDays(10), [19] = applied.AddMonths(21).AddDays(15), [20] = applied.AddMonths(22), [21] = applied.AddMonths(26),
            [22] = applied.AddMonths(31), [23] = applied.AddMonths(32).AddDays(5), [24] = applied.AddMonths(33).AddDays(5), [25] = applied.AddMonths(33).AddDays(15),
        };
        /// <summary>The second half-yearly review (⑥ is recorded twice).</summary>
        public DateOnly SecondReview => Applied.AddMonths(11);

        public static Timeline ThreeYearsAgo() => new(Today.AddYears(-3));
    }

    public static bool IsUpper(int step) => step is 4 or 8 or 13 or 16 or 17 or 18 or 24;

    /// <summary>The body that records <paramref name="step"/> correctly on its timeline date.</summary>
    public async Task<object> BodyAsync(int step, Timeline t, int? resolutionId = null)
    {
        var date = D(t.Steps[step]);
        var contact = new { role = "CultivationContact", memberId = Members[0].Id };
        return step switch
        {
            2 or 16 => new { number = step, date, notes = "谈话", people = new[] { new { role = "Talker", memberId = (long?)Members[1].Id, name = (string?)null } } },
            5 => new { number = step, date, people = new[] { contact } },
            7 => new { number = step, date, noticeFrom = D(t.Steps[7].AddDays(-14)), noticeTo = D(t.Steps[7].AddDays(-2)) },
            9 => new { number = step, date, people = new[] { new { role = "Introducer", memberId = Members[2].Id }, new { role = "Introducer", memberId = Members[3].Id } } },
            10 => new { number = step, date, passed = true },
            11 => new { number = step, date, trainingHours = 24 },
            15 or 23 => new { number = step, date, meetingResolutionId = resolutionId ?? await BranchVoteAsync(t.Steps[step], present: Members.Count, yes: Members.Count) },
            _ => new { number = step, date },
        };
    }

    public Task<HttpResponseMessage> PostStepAsync(long candidateId, int step, object body) =>
        Http.PostJsonAsync(IsUpper(step) ? Upper : Secretary, $"/api/v1/candidates/{candidateId}/steps", body);

    /// <summary>Records steps ② … <paramref name="through"/> of the timeline (⑥ twice), each expected to succeed.</summary>
    public async Task<JsonElement> AdvanceAsync(long candidateId, Timeline t, int through, int from = 2)
    {
        JsonElement last = default;
        for (var step = from; step <= through; step++)
        {
            using var response = await PostStepAsync(candidateId, step, await BodyAsync(step, t));
            last = await Http.JsonAsync(response);
            if (step == 6)
            {
                using var second = await PostStepAsync(candidateId, 6, new { number = 6, date = D(t.SecondReview), notes = "半年考察" });
                last = await Http.JsonAsync(second);
            }
        }
        return last;
    }

    /// <summary>Asserts a refusal naming <paramref name="rule"/> (409 problem details).</summary>
    public static async Task<JsonElement> RefusedAsync(HttpResponseMessage response, string rule)
    {
        var problem = await Http.ProblemAsync(response, HttpStatusCode.Conflict);
        Assert.Equal(rule, problem.GetProperty("rule").GetString());
        return problem;
    }

    public async Task<JsonElement> FileAsync(long candidateId) => await Http.GetJsonAsync(Secretary, $"/api/v1/candidates/{candidateId}");
}
