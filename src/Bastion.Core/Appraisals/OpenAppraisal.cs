using Bastion.Compliance;
using Bastion.Data;
using Bastion.Members;
using Bastion.Organizations;
using Bastion.Shared;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Appraisals;

/// <summary>Opens a branch's democratic appraisal for a year, with every active member of the branch taking part.</summary>
public static class OpenAppraisal
{
    public sealed record Command
    {
        public int? Year { get; init; }
    }

    public static async Task<AppraisalRound> HandleAsync(BastionDb db, long organizationId, Command command, CancellationToken ct = default)
    {
        var org = await db.Organizations.FirstOrDefaultAsync(o => o.Id == organizationId, ct) ?? throw new NotFoundException($"Organization {organizationId}");
        var today = Clock.Today(db.Time);
        var errors = new Dictionary<string, string[]>();
        if (!ComplianceCalculator.IsBranch(org.Kind) || org.Status != OrganizationStatus.Active)
            errors["organization"] = ["Democratic appraisal is held by an active branch."];
        var year = command.Year ?? today.Year;
        if (!AppraisalRules.YearMayOpen(year, today)) errors[nameof(Command.Year)] = ["Choose this year or an earlier one."];
        if (errors.Count > 0) throw new ValidationFailedException(errors);
        if (await db.Set<AppraisalRound>().AnyAsync(r => r.OrganizationId == org.Id && r.Year == year, ct))
            throw new DomainRuleException(AppraisalRules.OnePerYearRule, $"The branch already has an appraisal for {year}.");

        var members = await db.Members.Where(m => m.OrganizationId == org.Id && m.Status == MemberStatus.Active)
            .Select(m => new { m.Id, m.Category }).ToListAsync(ct);
        if (members.Count == 0) throw ValidationFailedException.For("organization", "The branch has no active members to appraise.");

        var round = new AppraisalRound
        {
            OrganizationId = org.Id, RegionId = org.RegionId, Year = year, OpenedOn = today,
            RuleSetVersion = OrganizationalLifeRuleSet.Load().Version, CreatedAt = Clock.UtcNow(db.Time),
        };
        db.Set<AppraisalRound>().Add(round);
        await db.SaveChangesAsync(ct);
        db.Set<AppraisalEntry>().AddRange(members.Select(m => new AppraisalEntry { RoundId = round.Id, OrganizationId = org.Id, MemberId = m.Id, Category = m.Category }));
        await db.SaveChangesAsync(ct);
        return round;
    }

    /// <summary>The round (in scope), refusing changes once it is closed.</summary>
    internal static async Task<AppraisalRound> OpenRoundAsync(BastionDb db, long roundId, CancellationToken ct)
    {
        var round = await db.Set<AppraisalRound>().FirstOrDefaultAsync(r => r.Id == roundId, ct) ?? throw new NotFoundException($"Appraisal {roundId}");
        if (round.Status == AppraisalStatus.Closed) throw new DomainRuleException(AppraisalRules.ClosedRule, "The appraisal is closed; its record no longer changes.");
        return round;
    }
}
