using Bastion.Data;
using Bastion.Identity;
using Bastion.Organizations;
using Bastion.Positions;
using Bastion.SecretaryReviews;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Generation;

/// <summary>Secretaries' review (书记抓基层党建工作述职评议考核) in the first demo county: last year's, closed.</summary>
public sealed partial class DemoDataset
{
    private static readonly string[] ReportTexts =
    [
        "一年来，本人认真履行党建第一责任人职责，坚持“三会一课”和主题党日制度，带领支部完成上级部署的各项任务；不足是发展党员工作推进较慢，明年重点培养年轻入党积极分子。",
        "本年度支部围绕乡村振兴开展工作，组织党员参与网格走访和志愿服务，集体经济收入有所增长；问题是流动党员管理还不够到位，今后加强联系。",
        "本人坚持抓班子带队伍，完善支部工作制度，按期召开组织生活会；但对软弱涣散问题排查不够及时，下一步对照清单逐项整改。",
        "支部按要求开展学习教育，党员学时基本达标；群众诉求办理时效有待提高，明年建立台账，确保按期办结。",
    ];

    private static readonly string[] RatingComments = ["工作扎实，成效明显。", "思路清晰，措施有力。", "发展党员工作需加强。", "群众工作还需改进。", ""];

    /// <summary>
    /// Last year's review organized by the township committee over <see cref="FirstVillageBranch"/>: a report from each
    /// branch that had a secretary (the demo "secretary" account's member wrote the first branch's), four committee-member
    /// reviewer accounts (user names reviewer1–reviewer4, the demo password), their ratings and the stored results by the
    /// rule set. There was no assessment yet, so the reports carry "no assessment". Runs after the accounts exist.
    /// </summary>
    public async Task SeedSecretaryReviewsAsync(BastionDb db, UserManager<BastionUser> users, CancellationToken ct = default)
    {
        var township = Organizations.First(o => o.Id == FirstVillageBranch.ParentId);
        var random = new Random((int)(township.Id * 131 + 17));
        var rules = SecretaryReviewRuleSet.Load();
        var year = _today.Year - 1;
        var reviewers = new List<long>();
        for (var i = 1; i <= 4; i++)
        {
            var user = await UserAccounts.CreateAsync(users, db, new UserAccounts.NewUser
            {
                UserName = $"reviewer{i}", DisplayName = $"{township.Name}委员{i}", Password = DemoSeeder.DemoPassword,
                Role = i == 1 ? BastionRoles.OrganizationDepartment : BastionRoles.Member, OrganizationId = township.Id,
            }, ct);
            reviewers.Add(user.Id);
        }

        var closedOn = new DateOnly(year + 1, 1, 20) < _today ? new DateOnly(year + 1, 1, 20) : _today;
        var round = new SecretaryReviewRound
        {
            OrganizationId = township.Id, RegionId = township.RegionId, Year = year, Status = ReviewStatus.Closed,
            OpenedOn = new DateOnly(year, 12, 10) < _today ? new DateOnly(year, 12, 10) : _today, ClosedOn = closedOn, RuleSetVersion = rules.Version, CreatedAt = _now,
        };
        db.Add(round);
        await db.SaveChangesAsync(ct);
        db.AddRange(reviewers.Select(u => new SecretaryReviewer { RoundId = round.Id, OrganizationId = township.Id, UserId = u, AddedAt = _now }));

        var demoSecretary = Members.First(m => m.OrganizationId == FirstVillageBranch.Id);
        var secretaries = Positions.Where(p => p.Role == PositionRole.Secretary && p.EndedOn == null).ToDictionary(p => p.OrganizationId, p => p.MemberId);
        var children = Organizations.Where(o => o.ParentId == township.Id && o.Status == OrganizationStatus.Active && o.Kind != OrganizationKind.Group).OrderBy(o => o.Id).ToList();
        var reports = new List<(SecretaryReport Report, List<SecretaryRating> Ratings)>();
        foreach (var (org, index) in children.Select((o, i) => (o, i)))
        {
            long? secretary = org.Id == FirstVillageBranch.Id ? demoSecretary.Id : secretaries.TryGetValue(org.Id, out var s) ? s : null;
            var submitted = secretary is not null && (index == 0 || random.NextDouble() > 0.08);
            var report = new SecretaryReport
            {
                RoundId = round.Id, OrganizationId = org.Id, RegionId = org.RegionId, SecretaryMemberId = secretary,
                Text = submitted ? ReportTexts[random.Next(ReportTexts.Length)] : null,
                SubmittedAt = submitted ? _now.AddDays(-_today.DayOfYear - 12 + random.Next(0, 5)) : null,
                IndexAttached = submitted,
            };
            var ratings = new List<SecretaryRating>();
            if (submitted)
            {
                // Each branch leans towards one grade; reviewers mostly agree.
                var lean = random.NextDouble() switch { < 0.35 => 0, < 0.8 => 1, < 0.95 => 2, _ => 3 };
                foreach (var reviewer in reviewers)
                {
                    if (random.NextDouble() < 0.1 && ratings.Count >= 3) continue;
                    var grade = (ReviewGrade)(Math.Clamp(lean + random.Next(-1, 2) * (random.NextDouble() < 0.3 ? 1 : 0), 0, 3) + 1);
                    var comment = RatingComments[random.Next(RatingComments.Length)];
                    ratings.Add(new SecretaryRating
                    {
                        RoundId = round.Id, OrganizationId = org.Id, ReviewerUserId = reviewer, Grade = grade,
                        Comment = comment.Length == 0 ? null : comment, RatedAt = report.SubmittedAt!.Value.AddDays(3),
                    });
                }
                var tally = RatingTally.From(ratings.Select(r => r.Grade));
                var result = SecretaryReviewRules.Result(tally, rules)!;
                (report.Outcome, report.Grade, report.Score) = (ReviewOutcome.Graded, result.Grade, (double)result.Score);
                (report.Good, report.FairlyGood, report.Average, report.Poor, report.Ratings) = (tally.Good, tally.FairlyGood, tally.Average, tally.Poor, tally.Total);
            }
            else report.Outcome = ReviewOutcome.NotReported;
            reports.Add((report, ratings));
        }
        db.AddRange(reports.Select(r => r.Report));
        await db.SaveChangesAsync(ct);
        foreach (var (report, ratings) in reports)
            foreach (var rating in ratings)
            {
                rating.ReportId = report.Id;
                db.Add(rating);
            }
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }
}
