using Bastion.Data;
using Bastion.Organizations;
using Bastion.Shared;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Alliances;

/// <summary>Founds an alliance led by an organization in the caller's scope, with members anywhere in the tree.</summary>
public static class CreateAlliance
{
    public sealed record MemberInput
    {
        public required long OrganizationId { get; init; }
        public string? Role { get; init; }
    }

    public sealed record Command
    {
        public string? Name { get; init; }
        public AllianceType? Type { get; init; }
        public long? LeadOrganizationId { get; init; }
        public DateOnly? FoundedOn { get; init; }
        public string? AgreementSummary { get; init; }
        /// <summary>The member organizations; the lead is added when missing. At least two in all.</summary>
        public IReadOnlyList<MemberInput> Members { get; init; } = [];
    }

    public static async Task<Alliance> HandleAsync(BastionDb db, Command command, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, List<string>>();
        void Error(string field, string message) => (errors.TryGetValue(field, out var list) ? list : errors[field] = []).Add(message);

        var name = command.Name?.Trim() ?? "";
        if (name.Length == 0) Error(nameof(Command.Name), "The name is required.");
        else if (name.Length > 200) Error(nameof(Command.Name), "The name may have at most 200 characters.");
        if (command.Type is not { } type || !Enum.IsDefined(type)) Error(nameof(Command.Type), "Choose the alliance type.");
        var today = Clock.Today(db.Time);
        if (command.FoundedOn is not { } foundedOn) Error(nameof(Command.FoundedOn), "The founding date is required.");
        else if (foundedOn > today) Error(nameof(Command.FoundedOn), "The founding date may not be in the future.");
        if (command.AgreementSummary?.Length > 2000) Error(nameof(Command.AgreementSummary), "The agreement summary may have at most 2000 characters.");
        if (command.Members.Any(m => m.Role?.Trim().Length > 100)) Error(nameof(Command.Members), "A member's role may have at most 100 characters.");

        if (command.LeadOrganizationId is not { } leadId) Error(nameof(Command.LeadOrganizationId), "Choose the lead organization.");
        else if (!await db.Organizations.AnyAsync(o => o.Id == leadId && o.Status == OrganizationStatus.Active, ct))
            Error(nameof(Command.LeadOrganizationId), "The lead organization must be an active organization in your scope.");

        var memberIds = command.Members.Select(m => m.OrganizationId).ToList();
        var duplicates = AllianceRules.Duplicates(memberIds);
        if (duplicates.Count > 0) Error(nameof(Command.Members), $"Organizations listed twice: {string.Join(", ", duplicates)}.");
        var allIds = command.LeadOrganizationId is { } lead ? memberIds.Append(lead).Distinct().ToList() : memberIds.Distinct().ToList();
        if (!AllianceRules.HasEnoughMembers(allIds)) Error(nameof(Command.Members), $"An alliance joins at least {AllianceRules.MinimumMembers} organizations.");
        var statuses = await AllianceAccess.StatusesAnywhereAsync(db, memberIds.Distinct().ToList(), ct);
        var missing = memberIds.Distinct().Where(id => !statuses.ContainsKey(id)).ToList();
        if (missing.Count > 0) Error(nameof(Command.Members), $"Organizations not found: {string.Join(", ", missing)}.");
        var inactive = statuses.Where(s => s.Value != OrganizationStatus.Active).Select(s => s.Key).ToList();
        if (inactive.Count > 0) Error(nameof(Command.Members), $"Dissolved organizations cannot join: {string.Join(", ", inactive)}.");
        if (errors.Count > 0) throw new ValidationFailedException(errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));

        var regionId = await db.Organizations.Where(o => o.Id == command.LeadOrganizationId).Select(o => o.RegionId).FirstAsync(ct);
        var alliance = new Alliance
        {
            Name = name, Type = command.Type!.Value, LeadOrganizationId = command.LeadOrganizationId!.Value, RegionId = regionId,
            FoundedOn = command.FoundedOn!.Value, AgreementSummary = Blank(command.AgreementSummary), CreatedAt = Clock.UtcNow(db.Time),
        };
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Set<Alliance>().Add(alliance);
        await db.SaveChangesAsync(ct);
        var roles = command.Members.ToDictionary(m => m.OrganizationId, m => Blank(m.Role));
        foreach (var id in allIds)
            db.Set<AllianceMember>().Add(new AllianceMember { AllianceId = alliance.Id, OrganizationId = id, JoinedOn = alliance.FoundedOn, Role = roles.GetValueOrDefault(id) });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return alliance;
    }

    internal static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
