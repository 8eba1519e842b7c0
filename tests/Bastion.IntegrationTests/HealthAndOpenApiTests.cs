using System.Net;
using System.Text.Json;
using Bastion.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Bastion.IntegrationTests;

/// <summary>What operators and API clients reach without signing in, and the headers every answer carries.</summary>
public sealed class HealthAndOpenApiTests(BastionAppFixture app) : IClassFixture<BastionAppFixture>
{
    private HttpClient Anonymous() => app.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task HealthEndpoint_WhenAnonymous_IsHealthy(string url)
    {
        using var response = await Anonymous().GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task OpenApiDocument_WhenAnonymous_DescribesTheApiAndTheBearerScheme()
    {
        using var response = await Anonymous().GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        var doc = JsonDocument.Parse(text).RootElement;
        var paths = doc.GetProperty("paths");
        foreach (var path in new[] { "/api/v1/organizations/{id}/subtree", "/api/v1/organizations/{id}", "/api/v1/members/{id}", "/api/v1/account/tokens" })
            Assert.True(paths.TryGetProperty(path, out _), $"no {path} in the OpenAPI document");
        var bearer = doc.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer");
        Assert.Equal("http", bearer.GetProperty("type").GetString());
        Assert.Equal("bearer", bearer.GetProperty("scheme").GetString());
        Assert.Contains(doc.GetProperty("security").EnumerateArray(), r => r.TryGetProperty("Bearer", out _));
    }

    [Fact]
    public async Task ApiReference_WhenAnonymous_IsAPage()
    {
        using var client = app.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = true });

        using var response = await client.GetAsync("/api/docs");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/Account/Login")]
    [InlineData("/health/live")]
    [InlineData("/api/v1/organizations/mine")]
    [InlineData("/Organizations")]
    [InlineData("/no-such-page")]
    public async Task AnyAnswer_CarriesSecurityHeaders(string url)
    {
        using var response = await Anonymous().GetAsync(url);

        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        var csp = Header(response, "Content-Security-Policy");
        Assert.Contains("default-src 'self'", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("script-src 'self'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.NotNull(Header(response, "Referrer-Policy"));
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values) : null;
}
