using Bastion.Development;
using Bastion.Dues;
using Bastion.Identity;
using Bastion.IntegrationTests.Coverage;
using Bastion.IntegrationTests.Infrastructure;
using Bastion.Meetings;
using Bastion.Members;
using Bastion.Organizations;
using Bastion.Positions;
using Bastion.Shared;
using Bastion.Study;
using Microsoft.EntityFrameworkCore;

namespace Bastion.IntegrationTests.Standardization;

/// <summary>
/// A county over a township over a hand-built branch whose records for last year (<see cref="Year"/>) give every automatic
/// item a result worked out by hand (see <see cref="SeedRecordsAsync"/>), with the county's organization department
/// (above the branch) and the branch's own secretary.
/// </summary>
public sealed class StandardizationKit
{
    public required BastionAppFixture App { get; init; }
    public required Organization County { get; init; }
    public required Organization Township { get; init; }
    public required Organization Branch { get; init; }
    /// <summary>M1..M8: full members since the 1980s; P: probationary, joined on 1 June of <see cref="Year"/>.</summary>
    public required IReadOnlyList<Member> Full { get; init; }
    public required Member Probationary { get; init; }
    public required HttpClient Upper { get; init; }
    public required HttpClient Secretary { get; init; }
    public required TestUser UpperUser { get; init; }
    public required TestUser SecretaryUser { get; init; }

    /// <summary>The assessed year: last year, so its as-of day is 31 December and every period is closed.</summary>
    public static int Year => DateTime.Now.Year - 1;

    public static DateOnly D(int month, int day, int? year = null) => new(year ?? Year, month, day);

    public static async Task<StandardizationKit> CreateAsync(BastionAppFixture app, bool seed = true)
    {
        var db = app.Database;
        var root = await TestData.AddRootAsync(db);
        var county = await TestData.AddOrganizationAsync(db, root, OrganizationKind.Committee);
        var township = await TestData.AddOrganizationAsync(db, county, OrganizationKind.Committee);
        var branch = await TestData.AddOrganizationAsync(db, township, OrganizationKind.Branch);
        var full = new List<Member>();
        for (var i = 0; i < 8; i++) full.Add((await TestData.AddMemberAsync(db, branch)).Member);
        var probationary = (await TestData.AddMemberAsync(db, branch)).Member;
        await using (var ctx = db.NewContext())
        {
            var p = await ctx.Members.AsTracking().SingleAsync(m => m.Id == probationary.Id);
            p.Category = MemberCategory.Probationary;
            p.JoinedOn = D(6, 1);
            p.FullOn = null;
            await ctx.SaveChangesAsync();
        }
        var upperUser = await app.Factory.CreateUserAsync(BastionRoles.OrganizationDepartment, county.Id);
        var secretaryUser = await app.Factory.CreateUserAsync(BastionRoles.BranchSecretary, branch.Id);
        var kit = new StandardizationKit
        {
            App = app, County = county, Township = township, Branch = branch, Full = full, Probationary = probationary,
            UpperUser = upperUser, SecretaryUser = secretaryUser,
            Upper = await app.Factory.CreateApiClientAsync(upperUser), Secretary = await app.Factory.CreateApiClientAsync(secretaryUser),
        };
        if (seed) await kit.SeedRecordsAsync();
        return kit;
    }

    /// <summary>
    /// The records of <see cref="Year"/>, and what each automatic item must make of them on 31 December:
    /// <list type="bullet">
    /// <item>secretary-in-post: M1 secretary since the year before, still in post → met, 8 points.</item>
    /// <item>committee-formed: 8 full members (P is probationary) ≥ 7, so a committee of 3 is required; in post on 31 December:
    /// M1 (secretary) and M3 (propaganda); M2's organization post ended on 30 June → 2 &lt; 3 → not met, 0 of 4.</item>
    /// <item>term-not-overdue: term started 1 May of the year before, 3 years for a branch → due 1 May two years on → met, 4 points.</item>
    /// <item>organizational-life: no formed committee, no groups, so owed: 4 general meetings (quarters) + 4 lectures + 12 theme days
    /// + 1 organizational-life meeting + 1 appraisal + 1 heart-to-heart talk = 23; held: all but the theme days of November and
    /// December = 21; 21 / 23 = 0.9130 ≥ 0.9 → met, 8 points.</item>
    /// <item>recent-activity: the fourth-quarter general meeting on 10 December, 31 − 10 = 21 days ≤ 30 → met, 4 points.</item>
    /// <item>study-hours: 9 members (P joined before 31 December); targets 56 hours for M1 and M3 (committee posts on 31 December),
    /// 32 for the rest; hours M1 60 ✓, M2 35 ✓, M3 40 ✗, M4 32 ✓, M5 31.5 ✗, M6–M8 0 ✗, P 40 ✓ → 4 / 9 = 0.4444 &lt; 0.8 → 0 of 6.</item>
    /// <item>dues-paid: 8 members joined before the year (P did not); 12 complete months; M1–M7 paid all 12, M8 11 (not December)
    /// → 7 / 8 = 0.875 &lt; 0.9 → 0 of 6.</item>
    /// <item>development-pipeline: one applicant (applied 1 March, active) counts; one who withdrew the year before and one who
    /// applied after 31 December do not → 1 ≥ 1 → met, 6 points.</item>
    /// </list>
    /// Automatic points: 8 + 0 + 4 + 8 + 4 + 0 + 0 + 6 = 30 of 46.
    /// </summary>
    public async Task SeedRecordsAsync()
    {
        var db = App.Database;
        await StructureTestData.UpdateAsync(db, Branch.Id, o =>
        {
            o.TermStartedOn = D(5, 1, Year - 1);
            o.FoundedOn = D(1, 1, Year - 10);
        });
        await using var ctx = db.NewContext();
        var now = Clock.UtcNow(TimeProvider.System);
        Position Post(Member m, PositionRole role, DateOnly from, DateOnly? to) => new()
        {
            OrganizationId = Branch.Id, RegionId = Branch.RegionId, MemberId = m.Id, Role = role, StartedOn = from, EndedOn = to, CreatedAt = now,
        };
        ctx.AddRange(
            Post(Full[0], PositionRole.Secretary, D(1, 1, Year - 1), null),
            Post(Full[1], PositionRole.OrganizationCommissioner, D(1, 1, Year - 1), D(6, 30)),
            Post(Full[2], PositionRole.PropagandaCommissioner, D(1, 1, Year - 1), null));

        void Meeting(MeetingKind kind, DateOnly on) => ctx.Add(new Meeting
        {
            OrganizationId = Branch.Id, RegionId = Branch.RegionId, Kind = kind, Status = MeetingStatus.Held, Topic = kind.ToString(),
            StartsAt = on.ToDateTime(new TimeOnly(6, 0), DateTimeKind.Utc), EndsAt = on.ToDateTime(new TimeOnly(8, 0), DateTimeKind.Utc),
            HeldOn = on, CreatedAt = now,
        });
        foreach (var (month, day) in new[] { (2, 10), (5, 10), (8, 10), (12, 10) }) Meeting(MeetingKind.BranchGeneralMeeting, D(month, day));
        foreach (var month in new[] { 3, 6, 9, 11 }) Meeting(MeetingKind.PartyLecture, D(month, 5));
        for (var month = 1; month <= 10; month++) Meeting(MeetingKind.ThemePartyDay, D(month, 1));
        Meeting(MeetingKind.OrganizationalLifeMeeting, D(1, 20));
        Meeting(MeetingKind.DemocraticAppraisal, D(1, 21));
        Meeting(MeetingKind.HeartToHeartTalk, D(4, 2));

        var session = new TrainingSession { OrganizationId = County.Id, Title = "集中培训", HeldOn = D(7, 1), Hours = 8, CreatedAt = now, CreatedBy = "test" };
        ctx.Add(session);
        await ctx.SaveChangesAsync();
        var hours = new (Member Member, double Hours)[]
        {
            (Full[0], 60), (Full[1], 35), (Full[2], 40), (Full[3], 32), (Full[4], 31.5), (Probationary, 40),
        };
        foreach (var (member, h) in hours)
            ctx.Add(new TrainingAttendance { SessionId = session.Id, MemberId = member.Id, OrganizationId = Branch.Id, Hours = h, Year = Year });
        // Hours of another year never count.
        ctx.Add(new TrainingAttendance { SessionId = session.Id, MemberId = Full[5].Id, OrganizationId = Branch.Id, Hours = 80, Year = Year - 1 });

        for (var i = 0; i < 8; i++)
            for (var month = 1; month <= (i == 7 ? 11 : 12); month++)
                ctx.Add(new DuesPayment
                {
                    MemberId = Full[i].Id, OrganizationId = Branch.Id, RegionId = Branch.RegionId, Month = D(month, 1), Amount = 10m,
                    PaidOn = D(month, 15), RecordedBy = "test", RecordedAt = now,
                });

        var pii = TestData.Pii(db);
        Candidate Applicant(string name, DateOnly applied, CandidateStatus status, DateOnly last)
        {
            var id = ResidentId.Compose("440305", new DateOnly(1999, 1, 1), 100 + Interlocked.Increment(ref s_candidates) % 800);
            return new Candidate
            {
                OrganizationId = Branch.Id, RegionId = Branch.RegionId, Name = name, BirthDate = new DateOnly(1999, 1, 1),
                ResidentIdCipher = pii.Encrypt(id), ResidentIdHash = pii.LookupHash(id), ResidentIdMasked = ResidentId.Mask(id),
                AppliedOn = applied, CurrentStep = 1, Stage = 1, Status = status, LastDate = last, CreatedAt = now,
            };
        }
        ctx.AddRange(
            Applicant(TestData.Unique("申请人"), D(3, 1), CandidateStatus.Active, D(3, 1)),
            Applicant(TestData.Unique("撤回"), D(2, 1, Year - 1), CandidateStatus.Withdrawn, D(5, 1, Year - 1)),
            Applicant(TestData.Unique("新申请"), D(1, 5, Year + 1), CandidateStatus.Active, D(1, 5, Year + 1)));
        await ctx.SaveChangesAsync();
    }

    private static int s_candidates;

    /// <summary>Starts the assessment of <see cref="Year"/> as the county's organization department; returns its id.</summary>
    public async Task<long> AssessAsync(int? year = null)
    {
        using var response = await Http.PostJsonAsync(Upper, $"/api/v1/standardization/branches/{Branch.Id}/assessments", new { year = year ?? Year });
        var json = await Http.JsonAsync(response);
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return json.GetProperty("id").GetInt64();
    }

    /// <summary>Fills every inspection item, met unless its code is in <paramref name="notMet"/>.</summary>
    public async Task InspectAllAsync(long assessmentId, params string[] notMet)
    {
        foreach (var item in StandardizationRuleSetItems())
        {
            var met = !notMet.Contains(item);
            using var response = await Http.PutJsonAsync(Upper, $"/api/v1/standardization/assessments/{assessmentId}/items/{item}",
                new { met, note = met ? "符合要求" : "未达到要求" });
            await Http.JsonAsync(response);
        }
    }

    public static IEnumerable<string> StandardizationRuleSetItems() =>
        Bastion.Standardization.StandardizationRuleSet.Load().Items.Where(i => i.Mode == Bastion.Standardization.ItemMode.Inspection).Select(i => i.Code);
}
