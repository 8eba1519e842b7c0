using Bastion.Data;
using Bastion.IntegrationTests.Infrastructure;
using Bastion.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Bastion.IntegrationTests.Cascades;

/// <summary>
/// A hand-built county:
/// <code>
/// province ─ county C ─┬─ township T1 ─┬─ village branch V1a ─ group G
///                      │               └─ village branch V1b
///                      ├─ township T2 ─┬─ village branch V2a
///                      │               ├─ village branch V2b
///                      │               ├─ village branch V2c
///                      │               └─ community branch K (Community)
///                      └─ organ branch O (Organ)
/// </code>
/// </summary>
public sealed record CascadeTree(
    Organization Province, Organization C, Organization T1, Organization T2,
    Organization V1a, Organization V1b, Organization V2a, Organization V2b, Organization V2c, Organization K, Organization O, Organization G)
{
    public IReadOnlyList<Organization> Villages => [V1a, V1b, V2a, V2b, V2c];

    public static async Task<CascadeTree> BuildAsync(TestDatabase database)
    {
        var province = await TestData.AddRootAsync(database);
        var c = await TestData.AddOrganizationAsync(database, province, OrganizationKind.Committee, TestData.Unique("县委"));
        var t1 = await TestData.AddOrganizationAsync(database, c, OrganizationKind.Committee, TestData.Unique("一镇党委"));
        var t2 = await TestData.AddOrganizationAsync(database, c, OrganizationKind.Committee, TestData.Unique("二镇党委"));
        var v1a = await TestData.AddOrganizationAsync(database, t1, OrganizationKind.Branch, TestData.Unique("甲村党支部"));
        var v1b = await TestData.AddOrganizationAsync(database, t1, OrganizationKind.Branch, TestData.Unique("乙村党支部"));
        var v2a = await TestData.AddOrganizationAsync(database, t2, OrganizationKind.Branch, TestData.Unique("丙村党支部"));
        var v2b = await TestData.AddOrganizationAsync(database, t2, OrganizationKind.Branch, TestData.Unique("丁村党支部"));
        var v2c = await TestData.AddOrganizationAsync(database, t2, OrganizationKind.Branch, TestData.Unique("戊村党支部"));
        var k = await TestData.AddOrganizationAsync(database, t2, OrganizationKind.Branch, TestData.Unique("社区党支部"));
        var o = await TestData.AddOrganizationAsync(database, c, OrganizationKind.Branch, TestData.Unique("县直机关支部"));
        var g = await TestData.AddOrganizationAsync(database, v1a, OrganizationKind.Group, TestData.Unique("第一党小组"));
        await using (var db = database.NewContext())
        {
            var villageIds = new[] { v1a.Id, v1b.Id, v2a.Id, v2b.Id, v2c.Id };
            await db.Organizations.Where(x => villageIds.Contains(x.Id)).ExecuteUpdateAsync(s => s.SetProperty(x => x.UnitType, UnitType.Rural));
            await db.Organizations.Where(x => x.Id == k.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.UnitType, UnitType.Community));
            await db.Organizations.Where(x => x.Id == o.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.UnitType, UnitType.Organ));
        }
        return new CascadeTree(province, c, t1, t2, v1a, v1b, v2a, v2b, v2c, k, o, g);
    }

    /// <summary>A context limited to <paramref name="org"/>'s subtree, on the given clock.</summary>
    public static BastionDb Scoped(TestDatabase database, Organization org, TimeProvider? time = null) =>
        database.NewContext(new FixedDataScope(org.Path, "user@" + org.Id), time);
}
