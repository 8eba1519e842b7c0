using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Bastion.Discipline;
using Bastion.Identity;
using Bastion.IntegrationTests.Infrastructure;
using Bastion.Members;
using Bastion.Organizations;
using Bastion.Positions;
using Bastion.Shared;
using Microsoft.EntityFrameworkCore;

namespace Bastion.IntegrationTests.Discipline;

/// <summary>
/// A city → county → township → branch tree built by hand, with a branch secretary, a county committee member and the
/// accounts of every role that must or must not see a report.
/// </summary>
public sealed record DisciplineTree(
    Organization City, Organization County, Organization Township, Organization Branch, Organization OtherTownship,
    Member Secretary, Member BranchMember, Member CountyCommitteeMember,
    TestUser CityDiscipline, TestUser CountyDiscipline, TestUser TownshipDiscipline, TestUser OtherTownshipDiscipline,
    TestUser BranchSecretary, TestUser BranchMemberUser, TestUser OrgDepartment, TestUser Admin);

public static partial class DisciplineTestData
{
    public static async Task<DisciplineTree> BuildAsync(BastionFactory factory)
    {
        var database = factory.Database;
        var city = await TestData.AddRootAsync(database, TestData.Unique("测试市委"));
        var county = await TestData.AddOrganizationAsync(database, city, OrganizationKind.Committee, TestData.Unique("测试县委"));
        var township = await TestData.AddOrganizationAsync(database, county, OrganizationKind.Committee, TestData.Unique("测试镇党委"));
        var branch = await TestData.AddOrganizationAsync(database, township, OrganizationKind.Branch, TestData.Unique("测试村党支部"));
        var otherTownship = await TestData.AddOrganizationAsync(database, county, OrganizationKind.Committee, TestData.Unique("另一镇党委"));
        var (secretary, _) = await TestData.AddMemberAsync(database, branch, TestData.Unique("王书记"));
        var (member, _) = await TestData.AddMemberAsync(database, branch, TestData.Unique("李党员"));
        var (countyMember, _) = await TestData.AddMemberAsync(database, county, TestData.Unique("赵县委委员"));
        await AppointAsync(database, branch, secretary, PositionRole.Secretary);
        await AppointAsync(database, county, countyMember, PositionRole.CommitteeMember);
        return new DisciplineTree(city, county, township, branch, otherTownship, secretary, member, countyMember,
            await factory.CreateUserAsync(BastionRoles.Discipline, city.Id),
            await factory.CreateUserAsync(BastionRoles.Discipline, county.Id),
            await factory.CreateUserAsync(BastionRoles.Discipline, township.Id),
            await factory.CreateUserAsync(BastionRoles.Discipline, otherTownship.Id),
            await factory.CreateUserAsync(BastionRoles.BranchSecretary, branch.Id, secretary.Id),
            await factory.CreateUserAsync(BastionRoles.Member, branch.Id, member.Id),
            await factory.CreateUserAsync(BastionRoles.OrganizationDepartment, county.Id),
            await factory.CreateUserAsync(BastionRoles.SystemAdmin, city.Id));
    }

    public static async Task AppointAsync(TestDatabase database, Organization organization, Member member, PositionRole role)
    {
        await using var db = database.NewContext();
        db.Set<Position>().Add(new Position
        {
            OrganizationId = organization.Id, RegionId = organization.RegionId, MemberId = member.Id, Role = role,
            StartedOn = new DateOnly(2024, 1, 1), CreatedAt = Clock.UtcNow(TimeProvider.System),
        });
        await db.SaveChangesAsync();
    }

    public sealed record Filed(string TrackingCode, string Secret, long Id);

    /// <summary>Files a report through the public API (no account) and returns its code, secret and id.</summary>
    public static async Task<Filed> FileAsync(BastionFactory factory, long organizationId, string account, string? personName = null, bool anonymous = true)
    {
        using var client = factory.CreateClient();
        using var response = await client.PostAsJsonAsync("/api/v1/discipline/public/reports", new
        {
            category = "EightPointRules", organizationId, personName, account, happenedWhen = "2026年春节前", anonymous,
            reporterName = anonymous ? null : "实名举报人", reporterContact = anonymous ? null : "13800001111",
        });
        var body = await Http.JsonAsync(response);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var code = body.GetProperty("trackingCode").GetString()!;
        await using var db = factory.Database.NewContext();
        var id = await db.Set<MisconductReport>().IgnoreQueryFilters().Where(r => r.TrackingCode == code).Select(r => r.Id).SingleAsync();
        return new Filed(code, body.GetProperty("secret").GetString()!, id);
    }

    public static async Task<MisconductReport> LoadAsync(TestDatabase database, long id)
    {
        await using var db = database.NewContext();
        return await db.Set<MisconductReport>().IgnoreQueryFilters().AsNoTracking().SingleAsync(r => r.Id == id);
    }

    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient browser, string page, IEnumerable<(string Name, string Value)> fields, params (string FileName, byte[] Bytes)[] files)
    {
        var token = await BastionFactory.AntiforgeryTokenAsync(browser, page);
        var form = new MultipartFormDataContent();
        foreach (var (name, value) in fields) form.Add(new StringContent(value), name);
        form.Add(new StringContent(token), BastionFactory.AntiforgeryField);
        foreach (var (fileName, bytes) in files)
        {
            var content = new ByteArrayContent(bytes);
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
            form.Add(content, "Evidence", fileName);
        }
        return await browser.PostAsync(page, form);
    }

    public static string CodeIn(string html) => Regex.Match(html, "data-testid=\"tracking-code\">([^<]+)<").Groups[1].Value;
    public static string SecretIn(string html) => Regex.Match(html, "data-testid=\"secret\">([^<]+)<").Groups[1].Value;

    public static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0];
    public static readonly byte[] Pdf = "%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF"u8.ToArray();

    public static async Task<JsonElement> FollowAsync(HttpClient client, string code, string secret)
    {
        using var response = await client.PostAsJsonAsync("/api/v1/discipline/public/reports/follow", new { trackingCode = code, secret });
        return await Http.JsonAsync(response);
    }
}
