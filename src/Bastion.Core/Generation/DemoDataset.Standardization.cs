using Bastion.Data;
using Bastion.Standardization;

namespace Bastion.Generation;

/// <summary>Standardization assessments (标准化规范化考评) of the first county's branches: last year's and this year's.</summary>
public sealed partial class DemoDataset
{
    public const string DemoInspector = "县委组织部（演示）";

    /// <summary>
    /// For last year and this year, every branch of the first county is assessed as the use case does it: the automatic
    /// items decided from the loaded records (set-based over the county, <see cref="BranchFactsQuery"/>), the inspection items
    /// ticked by a seeded generator (a branch that does well on the records tends to do well on inspection), then
    /// confirmed. About one in ten of this year's stays a draft, and a few weak branches are identified as weak and lax.
    /// Runs after the records it reads are loaded.
    /// </summary>
    public async Task LoadStandardizationAsync(BastionDb db, CancellationToken ct)
    {
        var rules = StandardizationRuleSet.Load();
        var random = new Random(2609);
        foreach (var year in new[] { _today.Year - 1, _today.Year })
        {
            var asOf = year < _today.Year ? new DateOnly(year, 12, 31) : _today;
            var branches = await BranchFactsQuery.ForSubtreeAsync(db, FirstCounty.Path, year, asOf, ct);
            var confirmedAt = year < _today.Year ? new DateTime(year + 1, 1, 20, 2, 0, 0, DateTimeKind.Utc) : _now.AddDays(-3);
            var assessments = new List<StandardizationAssessment>();
            foreach (var branch in branches)
            {
                var a = AssessBranch.Build(rules, branch.Facts, year, DemoInspector, confirmedAt.AddDays(-10));
                var automatic = a.Items.Where(i => i.Mode == ItemMode.Automatic).ToList();
                var strength = automatic.Sum(i => i.Awarded) / (double)Math.Max(1, automatic.Sum(i => i.Points));
                foreach (var item in a.Items.Where(i => i.Mode == ItemMode.Inspection))
                {
                    var chance = item.Dimension == "bonus" ? 0.15 + 0.4 * strength : 0.45 + 0.5 * strength;
                    var met = random.NextDouble() < chance;
                    item.Met = met;
                    item.Awarded = met ? item.Points : 0;
                    item.Note = met ? "现场检查符合要求。" : "现场检查未达到要求，需限期整改。";
                    item.InspectedBy = DemoInspector;
                    item.InspectedAt = confirmedAt.AddDays(-2);
                }
                if (year == _today.Year && random.Next(10) == 0)
                {
                    // Still under inspection: two items left open.
                    foreach (var open in a.Items.Where(i => i.Mode == ItemMode.Inspection).Take(2))
                    {
                        open.Met = null;
                        open.Awarded = 0;
                        open.Note = null;
                        open.InspectedBy = null;
                        open.InspectedAt = null;
                    }
                    assessments.Add(a);
                    continue;
                }
                var total = a.Items.Sum(i => i.Awarded);
                var identified = total < rules.StandardFrom && random.Next(3) == 0;
                var (category, barred) = StandardizationRules.Categorize(total, rules, highWarning: false, identified);
                a.Status = AssessmentStatus.Confirmed;
                a.Total = total;
                a.Category = category;
                a.ModelBarred = barred;
                a.IdentifiedWeak = identified;
                a.ConfirmedBy = DemoInspector;
                a.ConfirmedAt = confirmedAt;
                assessments.Add(a);
            }
            db.AddRange(assessments);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
    }
}
