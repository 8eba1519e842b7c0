using Bastion.Members;
using Bastion.Organizations;
using Bastion.Villages;
using Bogus;

namespace Bastion.Generation;

/// <summary>Rural revitalization in the first demo county: first secretaries, work teams and three years of collective income.</summary>
public sealed partial class DemoDataset
{
    public List<VillageAssignment> VillageAssignments { get; private set; } = [];
    public List<VillageIndicator> VillageIndicators { get; private set; } = [];

    private static readonly string[] SendingUnits = ["县委组织部", "县财政局", "县农业农村局", "县人民医院", "县农商银行", "市生态环境局", "县城投集团"];

    /// <summary>
    /// About two villages in three have a first secretary (some with a work team) and every village reports its
    /// collective income for the last three years; about one in ten had none last year. Ids from the database.
    /// </summary>
    private void BuildVillages(int seed)
    {
        var rnd = new Randomizer(seed ^ 0x7111A6E);
        var county = FirstCounty.Path;
        foreach (var v in Organizations.Where(o => o.Kind == OrganizationKind.Branch && o.UnitType == UnitType.Rural && o.Path.StartsWith(county, StringComparison.Ordinal)))
        {
            if (rnd.Number(0, 2) > 0)
            {
                var started = _today.AddMonths(-rnd.Number(3, 30));
                VillageAssignments.Add(new VillageAssignment
                {
                    OrganizationId = v.Id, RegionId = v.RegionId, Role = VillageRole.FirstSecretary, PersonName = ChineseName(rnd, rnd.Bool() ? Gender.Male : Gender.Female),
                    SentBy = rnd.ArrayElement(SendingUnits), StartedOn = started, CreatedAt = _now,
                });
                for (var k = 0; k < rnd.Number(0, 2); k++)
                    VillageAssignments.Add(new VillageAssignment
                    {
                        OrganizationId = v.Id, RegionId = v.RegionId, Role = k == 0 ? VillageRole.WorkTeamLeader : VillageRole.WorkTeamMember,
                        PersonName = ChineseName(rnd, Gender.Male), SentBy = rnd.ArrayElement(SendingUnits), StartedOn = started, CreatedAt = _now,
                    });
            }
            var weak = rnd.Number(0, 9) == 0;
            var level = rnd.Number(3, 60) * 10_000m;
            for (var y = 3; y >= 1; y--)
            {
                var income = weak && y == 1 ? 0m : decimal.Round(level * (1 + (3 - y) * 0.08m) * (0.9m + rnd.Number(0, 20) / 100m), 2);
                VillageIndicators.Add(new VillageIndicator
                {
                    OrganizationId = v.Id, RegionId = v.RegionId, Year = _today.Year - y, CollectiveIncome = income,
                    OperatingIncome = income == 0 ? 0 : decimal.Round(income * rnd.Number(20, 70) / 100m, 2), UpdatedAt = _now,
                });
            }
        }
    }
}
