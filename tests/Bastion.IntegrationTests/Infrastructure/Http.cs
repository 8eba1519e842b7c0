using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Bastion.IntegrationTests.Infrastructure;

/// <summary>Reading answers: JSON bodies and RFC 9457 problem details.</summary>
public static class Http
{
    public const string ProblemJson = "application/problem+json";

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static async Task<JsonElement> GetJsonAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        return await JsonAsync(response);
    }

    /// <summary>Asserts the answer is a problem-details document with this status, and returns it.</summary>
    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        var what = $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode} {response.Content.Headers.ContentType}: {text}";
        Assert.True(response.StatusCode == status, what);
        Assert.True(response.Content.Headers.ContentType?.MediaType == ProblemJson, what);
        var problem = JsonDocument.Parse(text).RootElement.Clone();
        Assert.True(problem.TryGetProperty("status", out var s) && s.GetInt32() == (int)status, what);
        Assert.True(problem.TryGetProperty("title", out _), what);
        return problem;
    }

    public static Task<HttpResponseMessage> PostJsonAsync(HttpClient client, string url, object body) =>
        client.PostAsJsonAsync(url, body);

    public static Task<HttpResponseMessage> PutJsonAsync(HttpClient client, string url, object body) =>
        client.PutAsJsonAsync(url, body);

    public static IReadOnlyList<long> Ids(JsonElement page) =>
        page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()).ToList();
}
