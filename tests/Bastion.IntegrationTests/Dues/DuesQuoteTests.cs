using System.Globalization;
using System.Net;
using Bastion.Identity;
using Bastion.IntegrationTests.Infrastructure;

namespace Bastion.IntegrationTests.Dues;

/// <summary>GET /api/v1/dues/quote and the /Dues/Calculator page: the dues tiers of DOMAIN §7 through the host.</summary>
public sealed class DuesQuoteTests(BastionAppFixture app) : IClassFixture<BastionAppFixture>
{
    private BastionFactory Factory => app.Factory;

    private async Task<TestUser> MemberAsync()
    {
        var root = await TestData.AddRootAsync(app.Database);
        var branch = await TestData.AddOrganizationAsync(app.Database, root, Bastion.Organizations.OrganizationKind.Branch);
        return await Factory.CreateUserAsync(BastionRoles.Member, branch.Id);
    }

    [Theory]
    [InlineData("employed", "3000", "15.00")]
    [InlineData("employed", "3000.01", "30.00")]
    [InlineData("employed", "5000", "50.00")]
    [InlineData("employed", "5000.01", "75.00")]
    [InlineData("employed", "10000", "150.00")]
    [InlineData("employed", "10000.01", "200.00")]
    [InlineData("retired", "5000", "25.00")]
    [InlineData("retired", "5000.01", "50.00")]
    [InlineData("student", null, "0.20")]
    [InlineData("farmer", null, "0.20")]
    [InlineData("low-income", null, "0.20")]
    [InlineData("unemployed", null, "0.20")]
    public async Task Quote_ByAnyMember_AnswersAmountAndRule(string category, string? @base, string expected)
    {
        using var client = await Factory.CreateApiClientAsync(await MemberAsync());

        var json = await Http.GetJsonAsync(client, $"/api/v1/dues/quote?category={category}" + (@base is null ? "" : $"&base={@base}"));

        Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), json.GetProperty("monthlyAmount").GetDecimal());
        Assert.Equal(category, json.GetProperty("category").GetString());
        Assert.Equal("关于中国共产党党费收缴、使用和管理的规定 2008", json.GetProperty("source").GetString());
        Assert.Equal("dues.national.2008", json.GetProperty("ruleSetVersion").GetString());
        Assert.False(string.IsNullOrEmpty(json.GetProperty("rule").GetString()));
        if (@base is not null) Assert.Equal(decimal.Parse(@base, CultureInfo.InvariantCulture), json.GetProperty("base").GetDecimal());
    }

    [Theory]
    [InlineData("/api/v1/dues/quote?category=employed&base=-1", "base")]
    [InlineData("/api/v1/dues/quote?category=employed", "base")]
    [InlineData("/api/v1/dues/quote?category=retired&base=abc", "base")]
    [InlineData("/api/v1/dues/quote?category=pensioner&base=100", "category")]
    [InlineData("/api/v1/dues/quote", "category")]
    public async Task Quote_WhenInputInvalid_IsBadRequestNamingTheField(string url, string field)
    {
        using var client = await Factory.CreateApiClientAsync(await MemberAsync());

        using var response = await client.GetAsync(url);

        var problem = await Http.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task Quote_WhenAnonymous_IsUnauthorized()
    {
        using var client = Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await client.GetAsync("/api/v1/dues/quote?category=student");

        await Http.ProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task CalculatorPage_WithEmployedPay_ShowsAmountAndRule()
    {
        using var browser = await Factory.SignInAsync(await MemberAsync());

        using var response = await browser.GetAsync("/Dues/Calculator?category=employed&base=5000.01");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"dues-amount\">75.00", html, StringComparison.Ordinal);
        Assert.Contains("1.5%", html, StringComparison.Ordinal);
        Assert.Contains("dues.national.2008", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"employed\" selected=\"selected\">", html, StringComparison.Ordinal);
        Assert.Contains("value=\"5000.01\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CalculatorPage_InEnglish_ShowsEnglishRule()
    {
        using var browser = await Factory.SignInAsync(await MemberAsync());

        using var response = await browser.GetAsync("/Dues/Calculator?category=retired&base=6000&culture=en&ui-culture=en");

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Retired, monthly pension over 5,000 yuan: 1%", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"dues-amount\">60.00", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CalculatorPage_WithNegativePay_ShowsErrorBesideTheBase()
    {
        using var browser = await Factory.SignInAsync(await MemberAsync());

        using var response = await browser.GetAsync("/Dues/Calculator?category=employed&base=-5");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("id=\"base-error\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"category-error\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("dues-result", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CalculatorPage_WhenAnonymous_RedirectsToLogin()
    {
        using var browser = Factory.CreateBrowser();

        using var response = await browser.GetAsync("/Dues/Calculator");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/Login", response.Headers.Location?.ToString(), StringComparison.Ordinal);
    }
}
