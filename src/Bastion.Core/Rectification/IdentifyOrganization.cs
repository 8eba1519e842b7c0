using Bastion.Data;
using Bastion.Notifications;
using Bastion.Shared;
using Bastion.Strength;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Rectification;

/// <summary>
/// 认定: an upper-level user identifies an organization as weak and lax, naming the situations found (at least one),
/// the reason, and optionally the warnings it came from. Opens a case; the organization's secretary is told.
/// </summary>
public static class IdentifyOrganization
{
    public sealed record Command
    {
        public long? OrganizationId { get; init; }
        public DateOnly? IdentifiedOn { get; init; }
        public IReadOnlyList<WeakSituation>? Situations { get; init; }
        public string? Reason { get; init; }
        public IReadOnlyList<string?>? WarningCodes { get; init; }
    }

    public static async Task<RectificationCase> HandleAsync(BastionDb db, string? role, Command command, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string[]>();
        if (command.OrganizationId is null) errors[nameof(Command.OrganizationId)] = ["Choose the organization."];
        var situations = (command.Situations ?? []).Distinct().ToList();
        if (!RectificationRules.ValidSituations(situations)) errors[nameof(Command.Situations)] = ["Choose at least one situation of a weak and lax organization."];
        var reason = CaseWork.Required(command.Reason, nameof(Command.Reason), RectificationRules.MaxText, errors, "Give the reason for the identification.");
        var codes = RectificationRules.WarningCodes(command.WarningCodes, out var codeError);
        if (codeError is not null) errors[nameof(Command.WarningCodes)] = [codeError];
        CaseWork.ThrowIfAny(errors);

        var org = await RectificationAccess.EnsureAboveAsync(db, role, command.OrganizationId!.Value, ct);
        var today = Clock.Today(db.Time);
        var on = command.IdentifiedOn ?? today;
        if (on > today)
            throw new DomainRuleException(RectificationRules.DateNotInFutureRule, $"The identification is dated {on:yyyy-MM-dd}, in the future.");
        if (await db.Set<RectificationCase>().AnyAsync(c => c.OrganizationId == org.Id && c.State != RectificationState.Closed, ct))
            throw new DomainRuleException(RectificationRules.OneOpenCaseRule,
                $"{org.Name} already has an open rectification case; it is identified again only after that case is closed (销号).");

        var now = Clock.UtcNow(db.Time);
        var c = new RectificationCase
        {
            OrganizationId = org.Id, RegionId = org.RegionId, Year = on.Year, IdentifiedOn = on, SituationMask = SituationBits.Mask(situations),
            Reason = reason, WarningCodes = codes.Count == 0 ? null : string.Join(",", codes), IdentifiedBy = db.Scope.Actor, UpdatedAt = now,
        };
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        db.Set<RectificationCase>().Add(c);
        await db.SaveChangesAsync(ct);
        await Notifier.ToOrganizationLeadersAsync(db, [org.Id], new NotificationMessage(
            "rectification.opened", "认定为软弱涣散基层党组织 / Identified for rectification",
            $"上级党组织于 {on:yyyy-MM-dd} 认定{org.Name}为软弱涣散基层党组织，将制定整顿方案并组织整顿。",
            $"/Organizations/Details/{org.Id}", $"rectification-opened:{c.Id}"), ct);
        await CaseWork.SaveAsync(db, c, RectificationEventKind.Identified, on, reason, ct);
        if (tx is not null) await tx.CommitAsync(ct);
        return c;
    }
}
