using Bastion.Data;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Organizations;

/// <summary>An organization's attributes with the term the rules derive from them (length by default, next 换届 date).</summary>
public sealed record OrganizationProfile(
    long Id, string Name, OrganizationKind Kind, UnitType? UnitType, NewBusinessTags NewBusinessTags, string? DivisionCode,
    DateOnly? FoundedOn, DateOnly? TermStartedOn, int? TermYears, int? EffectiveTermYears, DateOnly? NextElectionOn)
{
    public static async Task<OrganizationProfile?> GetAsync(BastionDb db, long id, CancellationToken ct = default)
    {
        var o = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        return o is null ? null : From(o);
    }

    public static OrganizationProfile From(Organization o)
    {
        var years = CommitteeTerm.EffectiveYears(o.Kind, o.UnitType, o.TermYears);
        return new OrganizationProfile(o.Id, o.Name, o.Kind, o.UnitType, o.NewBusinessTags, o.DivisionCode, o.FoundedOn,
            o.TermStartedOn, o.TermYears, years, CommitteeTerm.NextElectionOn(o.TermStartedOn, years));
    }
}
