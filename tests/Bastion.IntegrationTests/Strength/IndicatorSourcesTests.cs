using Bastion.Compliance;
using Bastion.Data;
using Bastion.IntegrationTests.Coverage;
using Bastion.IntegrationTests.Infrastructure;
using Bastion.Organizations;
using Bastion.Strength;
using Bastion.Strength.Indicators;
using Microsoft.EntityFrameworkCore;

namespace Bastion.IntegrationTests.Strength;

/// <summary>A hand-built tree for the indicator source tests: root ── committee T ── branches A, B, C (C never has records).</summary>
internal sealed record SourceTree(Organization Root, Organization T, Organization A, Organization B, Organization C)
{
    public static async Task<SourceTree> BuildAsync(TestDatabase database)
    {
        var root = await TestData.AddRootAsync(database);
        var t = await TestData.AddOrganizationAsync(database, root, OrganizationKind.Committee, TestData.Unique("镇党委"));
        var a = await TestData.AddOrganizationAsync(database, t, OrganizationKind.Branch, TestData.Unique("甲支部"));
        var b = await TestData.AddOrganizationAsync(database, t, OrganizationKind.Branch, TestData.Unique("乙支部"));
        var c = await TestData.AddOrganizationAsync(database, t, OrganizationKind.Branch, TestData.Unique("丙支部"));
        return new SourceTree(root, t, a, b, c);
    }
}

/// <summary>The period every source test measures, the scope over a tree, dates and saving.</summary>
internal static class SourceData
{
    /// <summary>2025Q3: 2025-07-01 … 2025-09-30, taken as of 2025-09-15, so To is 2025-09-15.</summary>
    public static readonly Period Q3 = new(PeriodKind.Quarter, 2025, 3);
    public static readonly DateOnly AsOf = new(2025, 9, 15);

    public static AssessmentScope Scope(BastionDb db, Organization root, DateOnly? asOf = null) =>
        new(db, OrganizationQueries.InSubtree(db, root.Path).Where(o => o.Status == OrganizationStatus.Active), Q3, asOf ?? AsOf, StrengthRuleSet.Load());

    public static DateOnly Day(int month, int day, int year = 2025) => new(year, month, day);

    public static DateTime Utc(int month, int day, int hour = 10, int year = 2025) => new(year, month, day, hour, 0, 0, DateTimeKind.Utc);

    public static async Task SaveAsync(TestDatabase database, params object[] entities)
    {
        await using var db = database.NewContext();
        db.AddRange(entities);
        await db.SaveChangesAsync();
    }

    public static async Task<IReadOnlyDictionary<long, Fraction>> MeasureAsync(TestDatabase database, IIndicatorSource source, Organization root, DateOnly? asOf = null)
    {
        await using var db = database.NewContext();
        return await source.MeasureAsync(Scope(db, root, asOf), CancellationToken.None);
    }

    public static async Task<IReadOnlyList<IndicatorRecord>> RecordsAsync(TestDatabase database, IIndicatorSource source, Organization root, Organization of, int limit = 50)
    {
        await using var db = database.NewContext();
        return await source.RecordsAsync(Scope(db, root), of.Id, limit, CancellationToken.None);
    }
}

/// <summary>Every source of this set is discovered by the engine, and measures a tree in a fixed number of statements whatever its size.</summary>
public sealed class IndicatorSourcesTests(BastionAppFixture app) : IClassFixture<BastionAppFixture>
{
    private static readonly string[] Codes =
    [
        "study-on-time", "study-hours", "directives-on-time", "directive-response-days",
        "unit-coverage", "alliance-activity", "enterprise-requests-on-time", "village-income",
        "citizen-requests-on-time", "satisfaction", "households-contacted", "volunteer-participation",
    ];

    [Fact]
    public void Sources_EveryCodeOfTheSet_IsFoundOnceAndNamesAnIndicatorOfTheRuleSet()
    {
        var rules = StrengthRuleSet.Load();
        foreach (var code in Codes)
        {
            Assert.Single(StrengthSources.Indicators, s => s.Code == code);
            Assert.NotNull(rules.Indicator(code));
        }
    }

    [Fact]
    public async Task MeasureAsync_AllSources_RunTheSameNumberOfStatementsForASmallAndALargeTree()
    {
        var small = await PopulatedTreeAsync(branches: 1);
        var large = await PopulatedTreeAsync(branches: 6);
        var sources = Codes.Select(c => StrengthSources.Indicator(c)!).ToList();

        async Task<(int Statements, int Organizations)> CountAsync(Organization root)
        {
            var counter = new StatementCounter();
            await using var db = StructureTestData.CountingContext(app.Database, counter);
            var scope = SourceData.Scope(db, root);
            var measured = new HashSet<long>();
            foreach (var source in sources)
                foreach (var id in (await source.MeasureAsync(scope, CancellationToken.None)).Keys) measured.Add(id);
            return (counter.Count, measured.Count);
        }

        var (smallStatements, smallOrganizations) = await CountAsync(small);
        var (largeStatements, largeOrganizations) = await CountAsync(large);
        // The large tree really has more organizations with data, yet costs exactly as many statements.
        Assert.Equal(2, smallOrganizations);
        Assert.Equal(7, largeOrganizations);
        Assert.Equal(smallStatements, largeStatements);
        // One or two grouped statements per source (twelve sources).
        Assert.InRange(largeStatements, 12, 24);
    }

    [Fact]
    public async Task RunAssessmentMeasure_PopulatedTree_EverySourceMeasuresEveryOrganizationWithRecords_AndItsRecordsAddUpToTheFigure()
    {
        var root = await PopulatedTreeAsync(branches: 2);
        await using var db = app.Database.NewContext();
        var scope = SourceData.Scope(db, root);
        var organizations = await scope.Organizations.Where(o => o.Id != root.Id).Select(o => o.Id).ToListAsync();
        var measures = await RunAssessment.MeasureAsync(scope, CancellationToken.None);
        foreach (var code in Codes)
        {
            var figures = measures.Of(code);
            // The committee and both branches have one record each; the root none.
            Assert.Equal(organizations.Order(), figures.Keys.Order());
            foreach (var id in organizations)
            {
                var records = await StrengthSources.Indicator(code)!.RecordsAsync(scope, id, 100, CancellationToken.None);
                var record = Assert.Single(records);
                Assert.True(record.Counts, code);
                if (code is "village-income" or "directive-response-days") continue;
                Assert.Equal(new Fraction(1, 1), figures[id]);
            }
        }
        // The fixtures' figures for the two that are not shares: 120000 yuan; 07-05 → acknowledged 08-20 = 46 days.
        Assert.Equal(new Fraction(120000, 1), measures.Of("village-income")[organizations[0]]);
        Assert.Equal(new Fraction(46, 1), measures.Of("directive-response-days")[organizations[0]]);
    }

    /// <summary>A root with a committee and <paramref name="branches"/> branches, each with records for every source.</summary>
    private async Task<Organization> PopulatedTreeAsync(int branches)
    {
        var database = app.Database;
        var root = await TestData.AddRootAsync(database);
        var committee = await TestData.AddOrganizationAsync(database, root, OrganizationKind.Committee);
        var all = new List<Organization> { committee };
        for (var i = 0; i < branches; i++) all.Add(await TestData.AddOrganizationAsync(database, committee, OrganizationKind.Branch));
        foreach (var org in all) await SourcesFixtures.AddEverythingAsync(database, root, org);
        return root;
    }
}

/// <summary>Records of every module the sources read, written directly (system scope) with the dates a test needs.</summary>
internal static class SourcesFixtures
{
    public static async Task<Bastion.Cascades.Cascade> CascadeAsync(TestDatabase database, Organization issuer, Bastion.Cascades.CascadeSubject subject, DateTime createdAt, DateOnly dueOn, string? title = null)
    {
        var cascade = new Bastion.Cascades.Cascade
        {
            IssuerOrganizationId = issuer.Id, Subject = subject, Title = title ?? TestData.Unique("任务"), DueOn = dueOn,
            Mode = Bastion.Cascades.TargetMode.List, CreatedAt = createdAt, CreatedBy = "test",
        };
        await SourceData.SaveAsync(database, cascade);
        return cascade;
    }

    public static async Task<Bastion.Cascades.CascadeTarget> TargetAsync(TestDatabase database, Bastion.Cascades.Cascade cascade, Organization org,
        DateOnly? dueOn = null, DateOnly? completedOn = null, DateOnly? acknowledgedOn = null, Bastion.Cascades.CascadeTarget? parent = null)
    {
        var target = new Bastion.Cascades.CascadeTarget
        {
            CascadeId = cascade.Id, OrganizationId = org.Id, RegionId = org.RegionId, AssignedByOrganizationId = parent?.OrganizationId ?? cascade.IssuerOrganizationId,
            ParentTargetId = parent?.Id, DueOn = dueOn ?? cascade.DueOn, CompletedOn = completedOn, AcknowledgedOn = acknowledgedOn ?? completedOn,
            State = completedOn is not null ? Bastion.Cascades.TargetState.Completed : acknowledgedOn is not null ? Bastion.Cascades.TargetState.Acknowledged : Bastion.Cascades.TargetState.NotStarted,
            Percent = completedOn is not null ? 100 : 0, UpdatedAt = DateTime.UtcNow,
        };
        await SourceData.SaveAsync(database, target);
        return target;
    }

    public static Task PassedDownAsync(TestDatabase database, Bastion.Cascades.CascadeTarget parent, DateTime at) =>
        SourceData.SaveAsync(database, new Bastion.Cascades.CascadeTargetEvent
        {
            TargetId = parent.Id, OrganizationId = parent.OrganizationId, Kind = Bastion.Cascades.TargetEventKind.PassedDown, CreatedAt = at, CreatedBy = "test",
        });

    public static async Task<Bastion.Study.StudyCampaign> CampaignAsync(TestDatabase database, Organization issuer, Bastion.Cascades.Cascade cascade)
    {
        var campaign = new Bastion.Study.StudyCampaign
        {
            OrganizationId = issuer.Id, PublisherPath = issuer.Path, Title = cascade.Title, StartsOn = cascade.DueOn.AddMonths(-1), EndsOn = cascade.DueOn,
            CascadeId = cascade.Id, CreatedAt = cascade.CreatedAt, CreatedBy = "test",
        };
        await SourceData.SaveAsync(database, campaign);
        return campaign;
    }

    public static async Task<Bastion.Members.Member> MemberAsync(TestDatabase database, Organization org, string? name = null, Bastion.Members.MemberStatus status = Bastion.Members.MemberStatus.Active)
    {
        var (member, _) = await TestData.AddMemberAsync(database, org, name);
        if (status != Bastion.Members.MemberStatus.Active)
        {
            await using var db = database.NewContext();
            await db.Members.Where(m => m.Id == member.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, status));
        }
        return member;
    }

    /// <summary>A counted study record of <paramref name="hours"/> (on a material of its own) finished at <paramref name="finishedAt"/>.</summary>
    public static async Task StudyAsync(TestDatabase database, Bastion.Members.Member member, double hours, DateTime finishedAt, bool counted = true)
    {
        var material = new Bastion.Study.StudyMaterial
        {
            OrganizationId = member.OrganizationId, PublisherPath = "/", Title = TestData.Unique("学习资料"), Kind = Bastion.Study.MaterialKind.Article,
            CreditHours = hours, LengthMinutes = 60, MinimumMinutes = 30, CreatedAt = finishedAt.AddDays(-1), CreatedBy = "test",
        };
        await SourceData.SaveAsync(database, material);
        await SourceData.SaveAsync(database, new Bastion.Study.StudyRecord
        {
            MemberId = member.Id, OrganizationId = member.OrganizationId, MaterialId = material.Id, StartedAt = finishedAt.AddHours(-1), FinishedAt = finishedAt,
            Minutes = 60, Counted = counted, Hours = counted ? hours : 0, Year = finishedAt.Year,
        });
    }

    public static async Task TrainingAsync(TestDatabase database, Bastion.Members.Member member, double hours, DateOnly heldOn)
    {
        var session = new Bastion.Study.TrainingSession
        {
            OrganizationId = member.OrganizationId, Title = TestData.Unique("集中培训"), HeldOn = heldOn, Hours = hours, CreatedAt = DateTime.UtcNow, CreatedBy = "test",
        };
        await SourceData.SaveAsync(database, session);
        await SourceData.SaveAsync(database, new Bastion.Study.TrainingAttendance
        {
            SessionId = session.Id, MemberId = member.Id, OrganizationId = member.OrganizationId, Hours = hours, Year = heldOn.Year,
        });
    }

    public static Task PositionAsync(TestDatabase database, Bastion.Members.Member member, Organization org, DateOnly startedOn, DateOnly? endedOn = null,
        Bastion.Positions.PositionRole role = Bastion.Positions.PositionRole.Secretary) =>
        SourceData.SaveAsync(database, new Bastion.Positions.Position
        {
            OrganizationId = org.Id, RegionId = org.RegionId, MemberId = member.Id, Role = role, StartedOn = startedOn, EndedOn = endedOn, CreatedAt = DateTime.UtcNow,
        });

    public static async Task<Bastion.Coverage.Unit> UnitAsync(TestDatabase database, Organization org, Bastion.Coverage.CoverageKind coverage, DateTime createdAt, string? name = null)
    {
        var unit = new Bastion.Coverage.Unit
        {
            OrganizationId = org.Id, RegionId = org.RegionId, Name = name ?? TestData.Unique("单位"), UnitType = UnitType.PrivateEnterprise,
            Coverage = coverage, CreatedAt = createdAt, UpdatedAt = createdAt,
        };
        await SourceData.SaveAsync(database, unit);
        return unit;
    }

    public static async Task<Bastion.Alliances.Alliance> AllianceAsync(TestDatabase database, Organization lead, DateOnly foundedOn, IEnumerable<Organization> others,
        DateOnly? endedOn = null, string? name = null)
    {
        var alliance = new Bastion.Alliances.Alliance
        {
            Name = name ?? TestData.Unique("联建"), Type = Bastion.Alliances.AllianceType.Community, LeadOrganizationId = lead.Id, RegionId = lead.RegionId,
            FoundedOn = foundedOn, Status = endedOn is null ? Bastion.Alliances.AllianceStatus.Active : Bastion.Alliances.AllianceStatus.Ended, EndedOn = endedOn,
            CreatedAt = DateTime.UtcNow,
        };
        await SourceData.SaveAsync(database, alliance);
        await SourceData.SaveAsync(database, [.. new[] { lead }.Concat(others).Select(o => new Bastion.Alliances.AllianceMember { AllianceId = alliance.Id, OrganizationId = o.Id, JoinedOn = foundedOn })]);
        return alliance;
    }

    public static Task AllianceActivityAsync(TestDatabase database, Bastion.Alliances.Alliance alliance, DateOnly heldOn) =>
        SourceData.SaveAsync(database, new Bastion.Alliances.AllianceActivity
        {
            AllianceId = alliance.Id, HeldOn = heldOn, Title = TestData.Unique("共建活动"), ParticipantCount = 10, OrganizingOrganizationId = alliance.LeadOrganizationId, CreatedAt = DateTime.UtcNow,
        });

    public static async Task<Bastion.Requests.ServiceRequest> RequestAsync(TestDatabase database, Organization org, string category, DateTime dueAt,
        DateTime? answeredAt = null, DateTime? closedAt = null, int? rating = null, DateTime? ratedAt = null)
    {
        var request = new Bastion.Requests.ServiceRequest
        {
            OrganizationId = org.Id, RegionId = org.RegionId, TrackingCode = Bastion.Requests.TrackingCode.New(), CategoryCode = category, Description = "测试诉求",
            Source = Bastion.Requests.RequestSource.Staff, RuleSetVersion = "test",
            Status = closedAt is not null ? Bastion.Requests.ServiceRequestStatus.Closed : answeredAt is not null ? Bastion.Requests.ServiceRequestStatus.Answered : Bastion.Requests.ServiceRequestStatus.InProgress,
            ReceivedAt = dueAt.AddDays(-7), FirstResponseDueAt = dueAt.AddDays(-6), ResolutionDueAt = dueAt, AnsweredAt = answeredAt, ClosedAt = closedAt,
            Rating = rating, RatedAt = rating is null ? null : ratedAt ?? answeredAt, UpdatedAt = dueAt,
        };
        await SourceData.SaveAsync(database, request);
        return request;
    }

    public static Task VillageAsync(TestDatabase database, Organization org, int year, decimal income) =>
        SourceData.SaveAsync(database, new Bastion.Villages.VillageIndicator { OrganizationId = org.Id, RegionId = org.RegionId, Year = year, CollectiveIncome = income, UpdatedAt = DateTime.UtcNow });

    public static async Task<Bastion.Grids.Household> HouseholdAsync(TestDatabase database, Organization org, DateTime createdAt, string? address = null)
    {
        var grid = new Bastion.Grids.Grid { OrganizationId = org.Id, RegionId = org.RegionId, Name = TestData.Unique("网格"), Code = TestData.Unique("G"), CreatedAt = createdAt };
        await SourceData.SaveAsync(database, grid);
        var household = new Bastion.Grids.Household { OrganizationId = org.Id, RegionId = org.RegionId, GridId = grid.Id, Address = address ?? TestData.Unique("住户"), PeopleCount = 3, CreatedAt = createdAt };
        await SourceData.SaveAsync(database, household);
        return household;
    }

    public static Task ContactAsync(TestDatabase database, Bastion.Grids.Household household, Bastion.Members.Member member, DateOnly on) =>
        SourceData.SaveAsync(database, new Bastion.Grids.HouseholdContact
        {
            OrganizationId = household.OrganizationId, HouseholdId = household.Id, MemberId = member.Id, ContactedOn = on, Kind = Bastion.Grids.HouseholdContactKind.Visit, CreatedAt = DateTime.UtcNow,
        });

    public static async Task<Bastion.Volunteering.ServiceActivity> ServiceActivityAsync(TestDatabase database, Organization org, DateOnly heldOn, bool cancelled = false)
    {
        var activity = new Bastion.Volunteering.ServiceActivity
        {
            OrganizationId = org.Id, Kind = Bastion.Volunteering.ServiceActivityKind.Volunteer, Title = TestData.Unique("志愿服务"), HeldOn = heldOn, Place = "社区",
            Capacity = 50, Cancelled = cancelled, CreatedAt = DateTime.UtcNow,
        };
        await SourceData.SaveAsync(database, activity);
        return activity;
    }

    public static Task SignUpAsync(TestDatabase database, Bastion.Volunteering.ServiceActivity activity, Bastion.Members.Member member, bool? attended, double hours = 2) =>
        SourceData.SaveAsync(database, new Bastion.Volunteering.ServiceSignUp
        {
            ActivityId = activity.Id, MemberId = member.Id, OrganizationId = member.OrganizationId, SignedUpAt = DateTime.UtcNow, Attended = attended,
            Hours = attended == true ? hours : 0, HeldOn = activity.HeldOn,
        });

    /// <summary>Records for every source at <paramref name="org"/>, all inside 2025Q3 as of 2025-09-15.</summary>
    public static async Task AddEverythingAsync(TestDatabase database, Organization root, Organization org)
    {
        var directive = await CascadeAsync(database, root, Bastion.Cascades.CascadeSubject.Directive, SourceData.Utc(7, 5), SourceData.Day(8, 31));
        await TargetAsync(database, directive, org, completedOn: SourceData.Day(8, 20));
        var study = await CascadeAsync(database, root, Bastion.Cascades.CascadeSubject.Study, SourceData.Utc(7, 5), SourceData.Day(8, 31));
        await TargetAsync(database, study, org, completedOn: SourceData.Day(8, 20));
        var member = await MemberAsync(database, org);
        await StudyAsync(database, member, 20, SourceData.Utc(8, 1)); // 24 hours with the training: on track as of 09-15
        await TrainingAsync(database, member, 4, SourceData.Day(8, 2));
        await UnitAsync(database, org, Bastion.Coverage.CoverageKind.PartyWorkOnly, SourceData.Utc(1, 1));
        var alliance = await AllianceAsync(database, org, SourceData.Day(1, 1), []);
        await AllianceActivityAsync(database, alliance, SourceData.Day(8, 1));
        await RequestAsync(database, org, "enterprise-policy", SourceData.Utc(8, 10), answeredAt: SourceData.Utc(8, 9));
        await RequestAsync(database, org, "environment", SourceData.Utc(8, 10), answeredAt: SourceData.Utc(8, 9), rating: 5);
        await VillageAsync(database, org, 2025, 120000m);
        var household = await HouseholdAsync(database, org, SourceData.Utc(1, 1));
        await ContactAsync(database, household, member, SourceData.Day(8, 3));
        var activity = await ServiceActivityAsync(database, org, SourceData.Day(8, 4));
        await SignUpAsync(database, activity, member, true);
    }
}
