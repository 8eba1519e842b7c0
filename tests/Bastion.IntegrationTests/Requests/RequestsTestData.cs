using System.Net;
using System.Text.RegularExpressions;
using Bastion.Grids;
using Bastion.Identity;
using Bastion.IntegrationTests.Infrastructure;
using Bastion.Organizations;

namespace Bastion.IntegrationTests.Requests;

/// <summary>
/// Root ─ county committee ─ township committee ─┬─ community branch (grid G) ─ its users
///                                              └─ other branch (no grid)
/// </summary>
public sealed record RequestsTree(Organization Root, Organization County, Organization Township, Organization Community, Organization Other, Grid Grid);

public static partial class RequestsTestData
{
    /// <summary>The smallest valid PNG: 8-byte signature and an IHDR chunk are enough for the content check.</summary>
    public static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0];

    public static async Task<RequestsTree> BuildAsync(TestDatabase database)
    {
        var root = await TestData.AddRootAsync(database);
        var county = await TestData.AddOrganizationAsync(database, root, OrganizationKind.Committee, TestData.Unique("县委"));
        var township = await TestData.AddOrganizationAsync(database, county, OrganizationKind.Committee, TestData.Unique("镇党委"));
        var community = await TestData.AddOrganizationAsync(database, township, OrganizationKind.Branch, TestData.Unique("社区党支部"));
        var other = await TestData.AddOrganizationAsync(database, township, OrganizationKind.Branch, TestData.Unique("村党支部"));
        await using var db = database.NewContext();
        var grid = await CreateGrid.HandleAsync(db, new CreateGrid.Command { OrganizationId = community.Id, Name = "第一网格", Code = "G" + Guid.NewGuid().ToString("N")[..8] });
        return new RequestsTree(root, county, township, community, other, grid);
    }

    /// <summary>Posts the public intake form as a browser does (antiforgery token, multipart), photos optional.</summary>
    public static async Task<HttpResponseMessage> PostPublicFormAsync(HttpClient browser, IEnumerable<(string Name, string Value)> fields, params (string FileName, byte[] Bytes)[] photos)
    {
        var token = await BastionFactory.AntiforgeryTokenAsync(browser, "/public/requests/new");
        var form = new MultipartFormDataContent();
        foreach (var (name, value) in fields) form.Add(new StringContent(value), name);
        form.Add(new StringContent(token), BastionFactory.AntiforgeryField);
        foreach (var (fileName, bytes) in photos)
        {
            var content = new ByteArrayContent(bytes);
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("image/png");
            form.Add(content, "Photos", fileName);
        }
        return await browser.PostAsync("/public/requests/new", form);
    }

    /// <summary>The tracking code from the redirect after a successful submit.</summary>
    public static string CodeFrom(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var match = CodeInLocation().Match(response.Headers.Location!.OriginalString);
        Assert.True(match.Success, response.Headers.Location.OriginalString);
        return match.Groups[1].Value;
    }

    public static async Task<(TestUser User, HttpClient Client)> ApiUserAsync(BastionFactory factory, string role, long organizationId)
    {
        var user = await factory.CreateUserAsync(role, organizationId);
        return (user, await factory.CreateApiClientAsync(user));
    }

    public static string Secretary => BastionRoles.BranchSecretary;

    [GeneratedRegex("code=([A-Z0-9]+)")]
    private static partial Regex CodeInLocation();
}
