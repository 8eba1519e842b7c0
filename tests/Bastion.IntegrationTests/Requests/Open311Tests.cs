using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using Bastion.Identity;
using Bastion.IntegrationTests.Infrastructure;
using Bastion.Requests;
using Microsoft.EntityFrameworkCore;

namespace Bastion.IntegrationTests.Requests;

/// <summary>Issue 6 acceptance: Open311 GeoReport v2 — form POST, request by id, XML element names, the error array.</summary>
public sealed class Open311Tests(BastionAppFixture app) : IClassFixture<BastionAppFixture>
{
    private BastionFactory Factory => app.Factory;

    private async Task<(RequestsTree Tree, string Key)> SetUpAsync()
    {
        var t = await RequestsTestData.BuildAsync(app.Database);
        var user = await Factory.CreateUserAsync(BastionRoles.BranchSecretary, t.Community.Id);
        return (t, (await Factory.CreateTokenAsync(user)).Secret);
    }

    private static FormUrlEncodedContent Form(params (string, string)[] fields) => BastionFactory.Form(fields);

    [Fact]
    public async Task PostFormEncoded_ReturnsServiceRequestId_AndGetById_ReturnsTheSameRecordAsThePage()
    {
        var (t, key) = await SetUpAsync();
        var client = Factory.CreateClient();
        using var posted = await client.PostAsync("/open311/v2/requests.json", Form(
            ("api_key", key), ("service_code", "environment"), ("lat", "30.5728"), ("long", "104.0668"), ("description", "河道漂浮垃圾"),
            ("first_name", "明"), ("last_name", "李"), ("phone", "13900001111")));
        Assert.Equal("application/x-www-form-urlencoded", posted.RequestMessage!.Content!.Headers.ContentType!.MediaType);
        var created = await Http.JsonAsync(posted);
        Assert.Equal(JsonValueKind.Array, created.ValueKind);
        var id = created[0].GetProperty("service_request_id").GetString()!;

        var got = await Http.GetJsonAsync(client, $"/open311/v2/requests/{id}.json");
        var r = Assert.Single(got.EnumerateArray());
        Assert.Equal(id, r.GetProperty("service_request_id").GetString());
        Assert.Equal("open", r.GetProperty("status").GetString());
        Assert.Equal("environment", r.GetProperty("service_code").GetString());
        Assert.Equal("河道漂浮垃圾", r.GetProperty("description").GetString());
        Assert.Equal(30.5728, r.GetProperty("lat").GetDouble());
        Assert.Equal(t.Community.Name, r.GetProperty("agency_responsible").GetString());
        Assert.False(r.TryGetProperty("phone", out _));

        // The same record as the public page's: a ServiceRequest in the key holder's organization, in its queue and tracking page.
        await using (var db = app.Database.NewContext())
        {
            var stored = await db.Set<ServiceRequest>().SingleAsync(x => x.TrackingCode == id);
            Assert.Equal(RequestSource.Open311, stored.Source);
            Assert.Equal(t.Community.Id, stored.OrganizationId);
            Assert.Equal("139****1111", stored.ContactMasked);
        }
        using var page = await client.GetAsync($"/public/requests/track?code={id}");
        Assert.Contains("河道漂浮垃圾", await page.Content.ReadAsStringAsync());

        // Token lookup, list with filters (key required), XML of one request.
        var token = await Http.GetJsonAsync(client, $"/open311/v2/tokens/{created[0].GetProperty("token").GetString()}.json");
        Assert.Equal(id, token[0].GetProperty("service_request_id").GetString());
        var open = await Http.GetJsonAsync(client, $"/open311/v2/requests.json?api_key={Uri.EscapeDataString(key)}&status=open&service_code=environment");
        Assert.Contains(id, open.EnumerateArray().Select(x => x.GetProperty("service_request_id").GetString()));
        var closed = await Http.GetJsonAsync(client, $"/open311/v2/requests.json?api_key={Uri.EscapeDataString(key)}&status=closed");
        Assert.DoesNotContain(id, closed.EnumerateArray().Select(x => x.GetProperty("service_request_id").GetString()));
        var xml = XDocument.Parse(await client.GetStringAsync($"/open311/v2/requests/{id}.xml"));
        Assert.Equal("service_requests", xml.Root!.Name.LocalName);
        Assert.Equal(id, xml.Root.Element("request")!.Element("service_request_id")!.Value);
        Assert.Equal("open", xml.Root.Element("request")!.Element("status")!.Value);
    }

    [Fact]
    public async Task Post_WithAddressStringOnly_IsAccepted_AsXml()
    {
        var (_, key) = await SetUpAsync();
        using var posted = await Factory.CreateClient().PostAsync("/open311/v2/requests.xml", Form(
            ("api_key", key), ("service_code", "public-facilities"), ("address_string", "人民路12号"), ("description", "路灯不亮")));
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        var doc = XDocument.Parse(await posted.Content.ReadAsStringAsync());
        Assert.Equal("service_requests", doc.Root!.Name.LocalName);
        Assert.NotNull(TrackingCode.Normalize(doc.Root.Element("request")!.Element("service_request_id")!.Value));
    }

    [Fact]
    public async Task ServicesXml_IsValidXml_WithTheSpecsElementNames()
    {
        var client = Factory.CreateClient();
        using var response = await client.GetAsync("/open311/v2/services.xml");
        Assert.Equal("text/xml", response.Content.Headers.ContentType!.MediaType);
        var doc = XDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("services", doc.Root!.Name.LocalName);
        var services = doc.Root.Elements("service").ToList();
        Assert.Equal(ServiceRequestRuleSet.Load().Categories.Count, services.Count);
        foreach (var s in services)
            Assert.Equal(["service_code", "service_name", "description", "metadata", "type", "keywords", "group"], s.Elements().Select(e => e.Name.LocalName));
        Assert.Contains(services, s => s.Element("service_code")!.Value == "safety-hazard" && s.Element("type")!.Value == "realtime");

        var definition = XDocument.Parse(await client.GetStringAsync("/open311/v2/services/environment.xml"));
        Assert.Equal("service_definition", definition.Root!.Name.LocalName);
        Assert.Equal("grid", definition.Root.Element("attributes")!.Element("attribute")!.Element("code")!.Value);
        var discovery = await Http.GetJsonAsync(client, "/open311/v2/discovery.json");
        Assert.Equal("http://wiki.open311.org/GeoReport_v2", discovery.GetProperty("endpoints")[0].GetProperty("specification").GetString());
    }

    [Theory]
    [InlineData("service_code")]
    [InlineData("location")]
    [InlineData("description")]
    [InlineData("lat")]
    public async Task BadInput_GetsTheSpecsErrorArray_With400_AndNothingIsSaved(string broken)
    {
        var (_, key) = await SetUpAsync();
        var description = "错误输入" + Guid.NewGuid().ToString("N")[..8];
        var fields = new List<(string, string)> { ("api_key", key), ("service_code", "environment"), ("address_string", "某路1号"), ("description", description) };
        switch (broken)
        {
            case "service_code": fields.RemoveAll(f => f.Item1 == "service_code"); break;
            case "location": fields.RemoveAll(f => f.Item1 == "address_string"); break;
            case "description": fields[3] = ("description", description = ""); break;
            case "lat": fields.Add(("lat", "north")); fields.Add(("long", "104")); break;
        }
        using var response = await Factory.CreateClient().PostAsync("/open311/v2/requests.json", Form([.. fields]));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(JsonValueKind.Array, errors.ValueKind);
        Assert.All(errors.EnumerateArray(), e => Assert.Equal(400, e.GetProperty("code").GetInt32()));
        Assert.Contains(errors.EnumerateArray(), e => e.GetProperty("description").GetString()!.Contains(broken == "location" ? "address" : broken));
        if (description.Length > 0)
        {
            await using var db = app.Database.NewContext();
            Assert.False(await db.Set<ServiceRequest>().AnyAsync(r => r.Description == description));
        }
    }

    [Fact]
    public async Task Post_WithoutApiKey_IsRefused_AndUnknownFormatOrIdToo()
    {
        var client = Factory.CreateClient();
        using var noKey = await client.PostAsync("/open311/v2/requests.xml", Form(("service_code", "environment"), ("address_string", "x"), ("description", "y")));
        Assert.Equal(HttpStatusCode.Forbidden, noKey.StatusCode);
        var doc = XDocument.Parse(await noKey.Content.ReadAsStringAsync());
        Assert.Equal("errors", doc.Root!.Name.LocalName);
        Assert.Equal("403", doc.Root.Element("error")!.Element("code")!.Value);
        using var badKey = await client.PostAsync("/open311/v2/requests.json", Form(("api_key", "bst_nonsense"), ("service_code", "environment"), ("address_string", "x"), ("description", "y")));
        Assert.Equal(HttpStatusCode.Forbidden, badKey.StatusCode);
        using var list = await client.GetAsync("/open311/v2/requests.json");
        Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
        using var yaml = await client.GetAsync("/open311/v2/services.yaml");
        Assert.Equal(HttpStatusCode.BadRequest, yaml.StatusCode);
        using var missing = await client.GetAsync("/open311/v2/requests/ZZZZZZZZZZ.json");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(404, JsonDocument.Parse(await missing.Content.ReadAsStringAsync()).RootElement[0].GetProperty("code").GetInt32());
    }
}
