using Bastion.Data;
using Bastion.Members;
using Bastion.Organizations;
using Bastion.Security;
using Bastion.Shared;

namespace Bastion.IntegrationTests.Infrastructure;

/// <summary>Organizations and members made through the same code the application uses, with names no other test shares.</summary>
public static class TestData
{
    private static int s_sequence;
    private static int s_residentSequence;

    /// <summary>A name no other test in this run uses (user names allow only ASCII letters, digits and "-._@+").</summary>
    public static string Unique(string prefix) =>
        $"{prefix}-{Interlocked.Increment(ref s_sequence)}-{Guid.NewGuid().ToString("N")[..6]}";

    /// <summary>A root committee (a province, say). Its path holds its own id, known only after the insert.</summary>
    public static async Task<Organization> AddRootAsync(TestDatabase database, string? name = null)
    {
        await using var db = database.NewContext();
        var root = new Organization
        {
            Name = name ?? Unique("测试省委"), Kind = OrganizationKind.Committee, CreatedAt = Clock.UtcNow(TimeProvider.System),
            Path = $"/new-{Guid.NewGuid():N}/",
        };
        db.Organizations.Add(root);
        await db.SaveChangesAsync();
        root.PlaceUnder(null);
        await db.SaveChangesAsync();
        return root;
    }

    /// <summary>An organization under <paramref name="parent"/>, through the create use case (system scope).</summary>
    public static async Task<Organization> AddOrganizationAsync(TestDatabase database, Organization parent, OrganizationKind kind, string? name = null)
    {
        await using var db = database.NewContext();
        return await CreateOrganization.HandleAsync(db, new CreateOrganization.Command
        {
            ParentId = parent.Id, Name = name ?? Unique("测试" + kind), Kind = kind,
        });
    }

    /// <summary>The protector the application uses: the same fixed key <see cref="TestDatabase"/> configures.</summary>
    public static PiiProtector Pii(TestDatabase database) =>
        new(Convert.FromBase64String(database.Configuration[StorageSettings.DataKeyKey]!));

    /// <summary>A member of <paramref name="organization"/> with a valid resident ID number no other member shares.</summary>
    public static async Task<(Member Member, string ResidentId)> AddMemberAsync(TestDatabase database, Organization organization, string? name = null)
    {
        var n = Interlocked.Increment(ref s_residentSequence);
        var birth = new DateOnly(1960, 1, 1).AddDays(n / 1000);
        var residentId = ResidentId.Compose("110101", birth, n % 1000);
        var pii = Pii(database);
        var member = new Member
        {
            OrganizationId = organization.Id, RegionId = organization.RegionId, Name = name ?? Unique("测试党员"),
            Gender = n % 2 == 1 ? Gender.Male : Gender.Female, BirthDate = birth,
            ResidentIdCipher = pii.Encrypt(residentId), ResidentIdHash = pii.LookupHash(residentId), ResidentIdMasked = ResidentId.Mask(residentId),
            Category = MemberCategory.Full, JoinedOn = birth.AddYears(25), FullOn = birth.AddYears(26), CreatedAt = Clock.UtcNow(TimeProvider.System),
        };
        await using var db = database.NewContext();
        db.Members.Add(member);
        await db.SaveChangesAsync();
        return (member, residentId);
    }
}
