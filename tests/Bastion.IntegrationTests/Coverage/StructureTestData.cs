using System.Data.Common;
using Bastion.Data;
using Bastion.IntegrationTests.Infrastructure;
using Bastion.Members;
using Bastion.Organizations;
using Bastion.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Bastion.IntegrationTests.Coverage;

/// <summary>Bulk members, organization attributes and SQL counting for the structure and coverage tests.</summary>
public static class StructureTestData
{
    private static int s_sequence;

    /// <summary>Adds <paramref name="count"/> members of one category in one save; resident IDs are unique within the run.</summary>
    public static async Task AddMembersAsync(TestDatabase database, Organization organization, int count, MemberCategory category = MemberCategory.Full, MemberStatus status = MemberStatus.Active)
    {
        var pii = TestData.Pii(database);
        await using var db = database.NewContext();
        for (var i = 0; i < count; i++)
        {
            var n = Interlocked.Increment(ref s_sequence);
            var birth = new DateOnly(1970, 1, 1).AddDays(n / 1000);
            var residentId = ResidentId.Compose("350102", birth, n % 1000);
            db.Members.Add(new Member
            {
                OrganizationId = organization.Id, RegionId = organization.RegionId, Name = TestData.Unique("结构党员"),
                Gender = n % 2 == 1 ? Gender.Male : Gender.Female, BirthDate = birth,
                ResidentIdCipher = pii.Encrypt(residentId), ResidentIdHash = pii.LookupHash(residentId), ResidentIdMasked = ResidentId.Mask(residentId),
                Category = category, Status = status, JoinedOn = birth.AddYears(25),
                FullOn = category == MemberCategory.Full ? birth.AddYears(26) : null, CreatedAt = Clock.UtcNow(TimeProvider.System),
            });
        }
        await db.SaveChangesAsync();
    }

    /// <summary>Gives the first <paramref name="size"/> members of the organization current committee positions, the first as secretary.</summary>
    public static async Task AddCommitteeAsync(TestDatabase database, Organization organization, int size)
    {
        await using var db = database.NewContext();
        var members = await db.Members.Where(m => m.OrganizationId == organization.Id).OrderBy(m => m.Id).Select(m => m.Id).Take(size).ToListAsync();
        var roles = new[] { Bastion.Positions.PositionRole.Secretary, Bastion.Positions.PositionRole.OrganizationCommissioner, Bastion.Positions.PositionRole.PropagandaCommissioner, Bastion.Positions.PositionRole.DisciplineCommissioner };
        for (var i = 0; i < members.Count; i++)
            db.Set<Bastion.Positions.Position>().Add(new Bastion.Positions.Position
            {
                OrganizationId = organization.Id, RegionId = organization.RegionId, MemberId = members[i],
                Role = i < roles.Length ? roles[i] : Bastion.Positions.PositionRole.CommitteeMember, StartedOn = Today.AddYears(-1), CreatedAt = Clock.UtcNow(TimeProvider.System),
            });
        await db.SaveChangesAsync();
    }

    /// <summary>Changes stored columns of an organization directly (system scope), e.g. its term or, to fake bad data, its parent.</summary>
    public static async Task UpdateAsync(TestDatabase database, long organizationId, Action<Organization> change)
    {
        await using var db = database.NewContext();
        var org = await db.Organizations.AsTracking().SingleAsync(o => o.Id == organizationId);
        change(org);
        await db.SaveChangesAsync();
    }

    /// <summary>A context that counts the SQL statements it sends.</summary>
    public static BastionDb CountingContext(TestDatabase database, StatementCounter counter)
    {
        var options = new DbContextOptionsBuilder<BastionDb>();
        BastionStorage.Configure(options, database.Settings);
        options.AddInterceptors(counter);
        return new BastionDb(options.Options, FixedDataScope.System("test"), TimeProvider.System);
    }

    public static DateOnly Today => DateOnly.FromDateTime(DateTime.Now);
}

public sealed class StatementCounter : DbCommandInterceptor
{
    private int _count;
    public int Count => _count;
    public void Reset() => Interlocked.Exchange(ref _count, 0);

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _count);
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _count);
        return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
    }
}
