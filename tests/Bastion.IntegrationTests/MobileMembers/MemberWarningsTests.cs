using Bastion.Dues;
using Bastion.IntegrationTests.Infrastructure;
using Bastion.Members;
using Bastion.MobileMembers;
using Bastion.Organizations;
using Bastion.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using System.Data.Common;

namespace Bastion.IntegrationTests.MobileMembers;

/// <summary>MemberWarnings.ForSubtreeAsync over hand-built records, contacts and payments, on a fixed "today".</summary>
public sealed class MemberWarningsTests(BastionAppFixture app) : IClassFixture<BastionAppFixture>
{
    private static readonly DateOnly s_today = new(2026, 11, 26);

    private async Task<MobileRecord> OutFlowAsync(Member m, DateOnly leftOn, bool fixedPlace = false, MobileStatus status = MobileStatus.Active, params DateOnly[] contacts)
    {
        await using var db = app.Database.NewContext();
        var r = new MobileRecord
        {
            OrganizationId = m.OrganizationId, RegionId = m.RegionId, Direction = MobileDirection.OutFlow, MemberId = m.Id, PersonName = m.Name,
            Place = "外地", FixedPlace = fixedPlace, LeftOn = leftOn, Status = status, RecordedBy = "test", CreatedAt = Clock.UtcNow(TimeProvider.System),
        };
        db.Add(r);
        await db.SaveChangesAsync();
        db.AddRange(contacts.Select(c => new MobileContact
        {
            MobileRecordId = r.Id, OrganizationId = r.OrganizationId, RegionId = r.RegionId, ContactedOn = c, Channel = ContactChannel.Phone,
            RecordedBy = "test", RecordedAt = Clock.UtcNow(TimeProvider.System),
        }));
        await db.SaveChangesAsync();
        return r;
    }

    private async Task PayAsync(Member m, IEnumerable<DateOnly> months)
    {
        await using var db = app.Database.NewContext();
        db.AddRange(months.Select(month => new DuesPayment
        {
            MemberId = m.Id, OrganizationId = m.OrganizationId, RegionId = m.RegionId, Month = month, Amount = 1m, PaidOn = month,
            RecordedBy = "test", RecordedAt = Clock.UtcNow(TimeProvider.System),
        }));
        await db.SaveChangesAsync();
    }

    private static IEnumerable<DateOnly> Months(int fromBack, int toBack) =>
        Enumerable.Range(toBack, fromBack - toBack + 1).Select(i => new DateOnly(2026, 11, 1).AddMonths(-i));

    [Fact]
    public async Task ForSubtree_OnHandBuiltBranch_GivesExactlyTheExpectedWarnings()
    {
        var root = await TestData.AddRootAsync(app.Database);
        var committee = await TestData.AddOrganizationAsync(app.Database, root, OrganizationKind.Committee);
        var a = await TestData.AddOrganizationAsync(app.Database, committee, OrganizationKind.Branch);
        var other = await TestData.AddOrganizationAsync(app.Database, root, OrganizationKind.Branch);
        async Task<Member> M(Organization o, string name) => (await TestData.AddMemberAsync(app.Database, o, TestData.Unique(name))).Member;

        var silent = await M(a, "失联");          // left a year ago at a fixed place, never contacted: both mobile warnings
        var contacted = await M(a, "刚联系");     // contacted exactly 6 months ago: in time
        var late = await M(a, "逾期");            // contacted 6 months and a day ago: warning
        var ended = await M(a, "已返回");         // ended record: nothing
        var unpaid = await M(a, "欠费");          // paid all but the last 6 months: dues warning
        var fiveUnpaid = await M(a, "欠五个月");  // last 5 months unpaid: nothing
        var outsider = await M(other, "他支部");  // outside the subtree: nothing, whatever the facts

        await OutFlowAsync(silent, s_today.AddYears(-1), fixedPlace: true);
        await OutFlowAsync(contacted, s_today.AddYears(-1), contacts: [s_today.AddMonths(-9), s_today.AddMonths(-6)]);
        await OutFlowAsync(late, s_today.AddYears(-1), contacts: [s_today.AddMonths(-6).AddDays(-1)]);
        await OutFlowAsync(ended, s_today.AddYears(-2), fixedPlace: true, status: MobileStatus.Ended);
        await OutFlowAsync(outsider, s_today.AddYears(-2), fixedPlace: true);
        foreach (var m in new[] { silent, contacted, late, ended, outsider }) await PayAsync(m, Months(12, 1));
        await PayAsync(unpaid, Months(12, 7));
        await PayAsync(fiveUnpaid, Months(12, 6));

        await using var db = app.Database.NewContext();
        var report = await MemberWarnings.ForSubtreeAsync(db, committee.Id, s_today);

        Assert.NotNull(report);
        var got = report.Warnings.Select(w => (w.MemberId, w.Rule)).Order().ToList();
        var expected = new[]
        {
            (silent.Id, MemberWarningRules.NoContact), (silent.Id, MemberWarningRules.ShouldTransfer),
            ((long?)late.Id, MemberWarningRules.NoContact), (unpaid.Id, MemberWarningRules.NoDues),
        }.Select(x => ((long?)x.Item1, x.Item2)).Order().ToList();
        Assert.Equal(expected, got);
        var dues = report.Warnings.Single(w => w.Rule == MemberWarningRules.NoDues);
        Assert.Equal((6, new DateOnly(2026, 5, 1)), (dues.Months, dues.Since));
    }

    [Fact]
    public async Task ForSubtree_WhenOutOfScope_IsNull()
    {
        var root = await TestData.AddRootAsync(app.Database);
        var a = await TestData.AddOrganizationAsync(app.Database, root, OrganizationKind.Branch);
        var b = await TestData.AddOrganizationAsync(app.Database, root, OrganizationKind.Branch);

        await using var db = app.Database.NewContext(new Bastion.Data.FixedDataScope(a.Path, "test"));

        Assert.Null(await MemberWarnings.ForSubtreeAsync(db, b.Id, s_today));
    }

    [Fact]
    public async Task ForSubtree_WithManyMembers_UsesAFixedNumberOfStatements()
    {
        var root = await TestData.AddRootAsync(app.Database);
        var small = await TestData.AddOrganizationAsync(app.Database, root, OrganizationKind.Branch);
        var large = await TestData.AddOrganizationAsync(app.Database, root, OrganizationKind.Branch);
        for (var i = 0; i < 2; i++) await OutFlowAsync((await TestData.AddMemberAsync(app.Database, small)).Member, s_today.AddYears(-1), contacts: [s_today]);
        for (var i = 0; i < 8; i++) await OutFlowAsync((await TestData.AddMemberAsync(app.Database, large)).Member, s_today.AddYears(-1), contacts: [s_today]);

        Assert.Equal(await StatementsAsync(small.Id), await StatementsAsync(large.Id));
    }

    private async Task<int> StatementsAsync(long organizationId)
    {
        var counter = new StatementCounter();
        await using var db = CountingContext(app.Database, counter);
        await MemberWarnings.ForSubtreeAsync(db, organizationId, s_today);
        return counter.Count;
    }

    internal static Bastion.Data.BastionDb CountingContext(TestDatabase database, StatementCounter counter)
    {
        var options = new DbContextOptionsBuilder<Bastion.Data.BastionDb>();
        Bastion.Data.BastionStorage.Configure(options, database.Settings);
        options.AddInterceptors(counter);
        return new Bastion.Data.BastionDb(options.Options, Bastion.Data.FixedDataScope.System("test"), TimeProvider.System);
    }

    internal sealed class StatementCounter : DbCommandInterceptor
    {
        public int Count { get; private set; }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Count++;
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}
