using Bastion.Dues;
using Bastion.Identity;
using Bastion.IntegrationTests.Infrastructure;
using Bastion.Organizations;

namespace Bastion.IntegrationTests.Dues;

public sealed class DuesTotalsTests(BastionAppFixture app) : IClassFixture<BastionAppFixture>
{
    [Fact]
    public async Task Totals_AddUpEachChildsSubtree_ForTheYearOnly()
    {
        var root = await TestData.AddRootAsync(app.Database);
        var town = await TestData.AddOrganizationAsync(app.Database, root, OrganizationKind.Committee, TestData.Unique("镇党委"));
        var a = await TestData.AddOrganizationAsync(app.Database, town, OrganizationKind.Branch, TestData.Unique("甲支部"));
        var b = await TestData.AddOrganizationAsync(app.Database, town, OrganizationKind.Branch, TestData.Unique("乙支部"));
        var (m1, _) = await TestData.AddMemberAsync(app.Database, a);
        var (m2, _) = await TestData.AddMemberAsync(app.Database, a);
        var (m3, _) = await TestData.AddMemberAsync(app.Database, b);
        var year = DateTime.Today.Year;
        await using (var db = app.Database.NewContext())
        {
            void Pay(Bastion.Members.Member m, Organization org, DateOnly month, decimal amount) => db.Add(new DuesPayment
            {
                MemberId = m.Id, OrganizationId = org.Id, RegionId = org.RegionId, Month = month, Amount = amount, PaidOn = month,
                RecordedBy = "test", RecordedAt = DateTime.UtcNow,
            });
            for (var k = 1; k <= 3; k++) { Pay(m1, a, new DateOnly(year, k, 1), 15m); Pay(m2, a, new DateOnly(year, k, 1), 20m); }
            Pay(m3, b, new DateOnly(year, 1, 1), 0.2m);
            Pay(m3, b, new DateOnly(year - 1, 12, 1), 0.2m);
            await db.SaveChangesAsync();
        }
        var client = await app.Factory.CreateApiClientAsync(await app.Factory.CreateUserAsync(BastionRoles.OrganizationDepartment, town.Id));

        var totals = await Http.GetJsonAsync(client, $"/api/v1/dues/totals?organizationId={town.Id}&year={year}");
        Assert.Equal(105.2m, totals.GetProperty("amount").GetDecimal());
        Assert.Equal(7, totals.GetProperty("monthsPaid").GetInt32());
        Assert.Equal(3, totals.GetProperty("membersPaying").GetInt32());
        var rows = totals.GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("organizationId").GetInt64());
        Assert.Equal(105m, rows[a.Id].GetProperty("amount").GetDecimal());
        Assert.Equal(2, rows[a.Id].GetProperty("membersPaying").GetInt32());
        Assert.Equal(0.2m, rows[b.Id].GetProperty("amount").GetDecimal());

        using var outside = await client.GetAsync($"/api/v1/dues/totals?organizationId={root.Id}");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, outside.StatusCode);
    }
}
