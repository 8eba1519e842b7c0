using System.Text.Json;
using Bastion.Shared;

namespace Bastion.Requests;

/// <summary>
/// Service categories with their first-response and resolution deadlines, the reopen window and the reminder lead time,
/// as a versioned rule set (DESIGN §4). Each request records the version it was given its deadlines by.
/// </summary>
public sealed record ServiceRequestRuleSet
{
    public const string NationalResource = "service-requests.national.2024.json";

    public required string Id { get; init; }
    public required string Version { get; init; }
    public required DateOnly EffectiveFrom { get; init; }
    public required string Title { get; init; }
    public required string Source { get; init; }
    public string? Notes { get; init; }
    /// <summary>Days after the answer within which the requester may reopen the request.</summary>
    public required int ReopenWindowDays { get; init; }
    public required string ReopenDescription { get; init; }
    public required string ReopenSource { get; init; }
    /// <summary>Owners are reminded this many hours before a deadline.</summary>
    public required int RemindBeforeHours { get; init; }
    public required string RemindDescription { get; init; }
    public required string RemindSource { get; init; }
    public required IReadOnlyList<ServiceCategoryRule> Categories { get; init; }

    private static readonly Lazy<ServiceRequestRuleSet> s_national = new(() =>
    {
        using var stream = RuleSetResources.Open(NationalResource);
        return Parse(stream);
    });

    public static ServiceRequestRuleSet Load() => s_national.Value;

    public ServiceCategoryRule? Find(string? code) => Categories.FirstOrDefault(c => c.Code == code);

    public static ServiceRequestRuleSet Parse(Stream json) => Check(JsonSerializer.Deserialize<ServiceRequestRuleSet>(json, RuleSetResources.Json));

    public static ServiceRequestRuleSet Parse(string json) => Check(JsonSerializer.Deserialize<ServiceRequestRuleSet>(json, RuleSetResources.Json));

    private static ServiceRequestRuleSet Check(ServiceRequestRuleSet? set)
    {
        if (set is null) throw new InvalidOperationException("The service request rule set is empty.");
        if (set.ReopenWindowDays <= 0 || set.RemindBeforeHours <= 0)
            throw new InvalidOperationException($"Service request rule set {set.Version}: the reopen window and reminder lead time must be positive.");
        if (set.Categories.Count == 0) throw new InvalidOperationException($"Service request rule set {set.Version} has no categories.");
        var codes = new HashSet<string>();
        foreach (var c in set.Categories)
        {
            var where = $"Service request rule set {set.Version}, category '{c.Code}'";
            if (!codes.Add(c.Code)) throw new InvalidOperationException($"{where}: listed twice.");
            if (c.Code.Length is 0 or > 40) throw new InvalidOperationException($"{where}: a code has 1 to 40 characters.");
            if (c.FirstResponseHours <= 0 || c.ResolutionHours <= 0) throw new InvalidOperationException($"{where}: deadlines must be positive.");
            if (c.FirstResponseHours > c.ResolutionHours) throw new InvalidOperationException($"{where}: the first response cannot be due after the resolution.");
            if (c.Audience is not ("citizen" or "enterprise")) throw new InvalidOperationException($"{where}: the audience is 'citizen' or 'enterprise'.");
        }
        return set;
    }
}

/// <summary>A service category (诉求类别) with its deadlines.</summary>
public sealed record ServiceCategoryRule
{
    public required string Code { get; init; }
    public required string Name { get; init; }
    public required string NameEn { get; init; }
    /// <summary>"citizen" or "enterprise" (enterprise requests may be handled on behalf, 帮办代办).</summary>
    public required string Audience { get; init; }
    public required int FirstResponseHours { get; init; }
    public required int ResolutionHours { get; init; }
    public required string Source { get; init; }

    public string DisplayName(bool english) => english ? NameEn : Name;
}
