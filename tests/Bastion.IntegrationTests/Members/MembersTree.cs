using Bastion.IntegrationTests.Infrastructure;
using Bastion.Members;
using Bastion.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Bastion.IntegrationTests.Members;

/// <summary>
/// Root ── committee C ─┬─ branch A ── group GA
///                      └─ branch B
/// The secretary of A sees A (and its group) only.
/// </summary>
public sealed record MembersTree(Organization Root, Organization C, Organization A, Organization GroupA, Organization B)
{
    private static int s_sequence;

    public static async Task<MembersTree> BuildAsync(TestDatabase db)
    {
        var root = await TestData.AddRootAsync(db);
        var c = await TestData.AddOrganizationAsync(db, root, OrganizationKind.Committee);
        var a = await TestData.AddOrganizationAsync(db, c, OrganizationKind.Branch, TestData.Unique("支部A"));
        var groupA = await TestData.AddOrganizationAsync(db, a, OrganizationKind.Group);
        var b = await TestData.AddOrganizationAsync(db, c, OrganizationKind.Branch, TestData.Unique("支部B"));
        return new MembersTree(root, c, a, groupA, b);
    }

    /// <summary>A valid resident ID number no other test uses (area 130000, a birth date and sequence from a counter).</summary>
    public static string NewResidentId(Gender gender = Gender.Male, int birthYear = 1980)
    {
        var n = Interlocked.Increment(ref s_sequence);
        var birth = new DateOnly(birthYear, 1, 1).AddDays(n % 3000);
        var sequence = (n / 3000 * 2 + (gender == Gender.Male ? 1 : 0)) % 1000;
        // Area codes spread the numbers so they do not meet TestData's (110101) or each other across runs of a class.
        var area = (130000 + (Environment.ProcessId % 9000) * 10 + n / 3_000_000 % 10).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return ResidentId.Compose(area, birth, sequence);
    }

    public static object Body(string name, string residentId, string category = "Full", string joinedOn = "2010-07-01", string? fullOn = "2011-07-01", string? birthDate = null, string? gender = null, string? phone = "13812345678") => new
    {
        name, residentId, gender, birthDate, phone, ethnicity = "汉族", education = "Bachelor", occupation = "工程师",
        joinedOn, fullOn, category,
    };

    public static async Task<int> CountMembersAsync(TestDatabase database, long organizationId)
    {
        await using var db = database.NewContext();
        return await db.Members.CountAsync(m => m.OrganizationId == organizationId);
    }
}
