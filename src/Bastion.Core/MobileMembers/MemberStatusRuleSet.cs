using System.Text.Json;

namespace Bastion.MobileMembers;

/// <summary>
/// The numbers behind the member-status warnings (DOMAIN §5–§6) as versioned data with their sources, read from an
/// embedded JSON rule set. The unpaid-dues threshold lives in the dues rule set, which already carries it.
/// </summary>
public sealed record MemberStatusRuleSet
{
    public const string NationalResource = "member-status.national.2019.json";

    public required string Id { get; init; }
    public required string Version { get; init; }
    public required DateOnly EffectiveFrom { get; init; }
    public required string Title { get; init; }
    public required string Source { get; init; }
    /// <summary>An active out-flow member not contacted for more than this many months is lost contact (失去联系).</summary>
    public required int NoContactMonths { get; init; }
    public required string NoContactDescription { get; init; }
    public required string NoContactSource { get; init; }
    /// <summary>At a fixed place for this many months or more, the member should transfer (转移组织关系).</summary>
    public required int ShouldTransferAfterMonths { get; init; }
    public required string ShouldTransferDescription { get; init; }
    public required string ShouldTransferSource { get; init; }

    private static readonly Lazy<MemberStatusRuleSet> s_national = new(() => LoadResource(NationalResource));

    public static MemberStatusRuleSet Load() => s_national.Value;

    public static MemberStatusRuleSet LoadResource(string fileName)
    {
        using var stream = Shared.RuleSetResources.Open(fileName);
        var set = JsonSerializer.Deserialize<MemberStatusRuleSet>(stream, Shared.RuleSetResources.Json)
            ?? throw new InvalidOperationException("The member-status rule set is empty.");
        if (set is not { NoContactMonths: > 0, ShouldTransferAfterMonths: > 0 })
            throw new InvalidOperationException($"Member-status rule set {set.Version}: the limits must be positive numbers of months.");
        return set;
    }
}
