using Bastion.Cascades;
using Bastion.Data;
using Bastion.Directives;
using Bastion.Members;
using Bastion.Organizations;
using Bastion.Shared;
using Bastion.Study;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Generation;

/// <summary>
/// Top-down demo data in the first county: directives to the village branches and to every organization below, with
/// completion that differs by township as in real life (some townships finish early, one lags), and a study campaign
/// with materials, records and a training session. Deterministic; runs inside the loader's transaction.
/// </summary>
public sealed partial class DemoDataset
{
    public static async Task LoadTopDownAsync(BastionDb db, DemoDataset data, CancellationToken ct)
    {
        // The use cases below, and the loader's summary event after them, update tracked rows (the audit head among
        // them): changes must be detected from here on. The loader restores its own setting when it ends.
        db.ChangeTracker.AutoDetectChangesEnabled = true;
        await LoadTopDownCoreAsync(db, data, ct);
    }

    private static async Task LoadTopDownCoreAsync(BastionDb db, DemoDataset data, CancellationToken ct)
    {
        var county = data.FirstCounty;
        var today = Clock.Today(db.Time);
        var directives = new (string Title, string Body, string Source, int IssuedDaysAgo, int DueInDays, TargetSelection Targets, string Report, string? Number)[]
        {
            ("开展“学习贯彻党的二十届四中全会精神”主题党日",
             "## 工作要求\n\n1. 各村党支部结合主题党日，组织党员集中学习全会精神；\n2. 支部书记讲一次专题党课；\n3. 活动后报送会议记录和照片。",
             "县委组织部〔2026〕18号", 40, -5, new TargetSelection { Mode = TargetMode.Filter, Kinds = [OrganizationKind.Branch], UnitTypes = [UnitType.Rural] },
             "会议记录、活动照片、参学党员人数", "参学党员人数"),
            ("村级组织换届准备工作摸底",
             "请各村党支部摸清党员底数和班子运行情况，形成换届工作方案。", "县委组织部〔2026〕23号", 12, 18,
             new TargetSelection { Mode = TargetMode.Filter, Kinds = [OrganizationKind.Branch], UnitTypes = [UnitType.Rural] }, "换届工作方案", null),
            ("党费收缴情况自查",
             "各党组织对照党费收缴规定开展自查，报送自查报告。", "县委组织部〔2026〕9号", 60, -20, new TargetSelection { Mode = TargetMode.Subtree },
             "自查报告", null),
        };
        foreach (var (title, body, source, issuedAgo, dueIn, targets, report, number) in directives)
        {
            Cascade cascade;
            try { cascade = await IssueCascade.HandleAsync(db, county, CascadeSubject.Directive, title, today.AddDays(dueIn), targets, "Targets", ct); }
            catch (DomainRuleException) { continue; } // the scale profile made no matching organization
            db.Set<Directive>().Add(new Directive
            {
                CascadeId = cascade.Id, IssuerOrganizationId = county.Id, Title = title, Body = body, SourceDocument = source, DueOn = cascade.DueOn,
                ReportRequirements = report, NumberLabel = number, RequiresEvidence = false, CreatedAt = Clock.UtcNow(db.Time).AddDays(-issuedAgo), CreatedBy = "demo",
            });
            await db.SaveChangesAsync(ct);
            await SettleAsync(db, data, cascade, today, issuedAgo, ct);
        }
        await LoadStudyAsync(db, data, county, today, ct);
    }

    /// <summary>
    /// States by township: township i completes a share falling with i (the last one lags behind), the rest spread over
    /// submitted, in progress, acknowledged and not started. Set in bulk per state.
    /// </summary>
    private static async Task SettleAsync(BastionDb db, DemoDataset data, Cascade cascade, DateOnly today, int issuedAgo, CancellationToken ct)
    {
        var targets = await (from t in db.Set<CascadeTarget>()
                             where t.CascadeId == cascade.Id
                             join o in db.Organizations on t.OrganizationId equals o.Id
                             orderby o.Path
                             select new { t.Id, o.Path }).ToListAsync(ct);
        var townshipOf = targets.ToDictionary(t => t.Id, t => TreePath.Ids(t.Path).Count > 3 ? TreePath.Ids(t.Path)[3] : 0);
        var townships = townshipOf.Values.Distinct().Order().ToList();
        var byState = new Dictionary<TargetState, List<long>>();
        var counter = 0;
        foreach (var t in targets)
        {
            var rank = townships.IndexOf(townshipOf[t.Id]);
            var completeShare = rank == townships.Count - 1 ? 0.2 : 0.85 - 0.06 * rank;
            var x = (counter++ * 37 % 100) / 100.0;
            var state = x < completeShare ? TargetState.Completed
                : x < completeShare + 0.06 ? TargetState.Submitted
                : x < completeShare + 0.14 ? TargetState.InProgress
                : x < completeShare + 0.20 ? TargetState.Acknowledged
                : TargetState.NotStarted;
            (byState.TryGetValue(state, out var list) ? list : byState[state] = []).Add(t.Id);
        }
        var done = today.AddDays(-Math.Max(1, issuedAgo / 3));
        foreach (var (state, ids) in byState)
        {
            foreach (var chunk in ids.Chunk(500))
            {
                var percent = state switch { TargetState.Completed or TargetState.Submitted => 100, TargetState.InProgress => 60, _ => 0 };
                await db.Set<CascadeTarget>().Where(t => chunk.Contains(t.Id)).ExecuteUpdateAsync(s => s
                    .SetProperty(t => t.State, state)
                    .SetProperty(t => t.Percent, percent)
                    .SetProperty(t => t.AcknowledgedOn, state == TargetState.NotStarted ? null : done.AddDays(-3))
                    .SetProperty(t => t.SubmittedOn, state is TargetState.Completed or TargetState.Submitted ? done : null)
                    .SetProperty(t => t.CompletedOn, state == TargetState.Completed ? done.AddDays(1) : null), ct);
            }
        }
    }

    private static async Task LoadStudyAsync(BastionDb db, DemoDataset data, Organization county, DateOnly today, CancellationToken ct)
    {
        var rules = StudyRuleSet.Load();
        var now = Clock.UtcNow(db.Time);
        var cascade = await IssueCascade.HandleAsync(db, county, CascadeSubject.Study, "学习贯彻全会精神专题学习", new DateOnly(today.Year, 12, 31),
            new TargetSelection { Mode = TargetMode.Filter, Kinds = [OrganizationKind.Branch] }, "Targets", ct);
        var campaign = new StudyCampaign
        {
            OrganizationId = county.Id, PublisherPath = county.Path, Title = cascade.Title, Description = "全县党员年内完成专题学习，每人不少于8学时。",
            StartsOn = new DateOnly(today.Year, 1, 1), EndsOn = cascade.DueOn, CascadeId = cascade.Id, CreatedAt = now, CreatedBy = "demo",
        };
        db.Set<StudyCampaign>().Add(campaign);
        await db.SaveChangesAsync(ct);
        var article = "## 学习要点\n\n" + string.Concat(Enumerable.Repeat("坚持和加强党的全面领导，推动全面从严治党向纵深发展。", 60));
        var materials = new[]
        {
            new StudyMaterial { PublisherPath = county.Path, CreatedBy = "demo", Title = "全会公报全文学习", Kind = MaterialKind.Article, Body = article, CreditHours = 1, LengthMinutes = rules.ReadingMinutes(SafeText(article)) },
            new StudyMaterial { PublisherPath = county.Path, CreatedBy = "demo", Title = "专题辅导报告（视频）", Kind = MaterialKind.Video, Url = "https://www.12371.cn/", CreditHours = 2, LengthMinutes = 90 },
            new StudyMaterial { PublisherPath = county.Path, CreatedBy = "demo", Title = "党章学习（音频）", Kind = MaterialKind.Audio, Url = "https://www.12371.cn/", CreditHours = 1, LengthMinutes = 40 },
        };
        foreach (var m in materials)
        {
            m.OrganizationId = county.Id; m.CampaignId = campaign.Id; m.MinimumMinutes = rules.MinimumMinutes(m.LengthMinutes);
            m.CreatedAt = now;
        }
        db.Set<StudyMaterial>().AddRange(materials);
        await db.SaveChangesAsync(ct);

        // Members of the county: most study the materials (some too briefly, which does not count); half attended a full-day training.
        var members = data.Members.Where(m => m.Status == MemberStatus.Active && data.Organizations.First(o => o.Id == m.OrganizationId).Path.StartsWith(county.Path, StringComparison.Ordinal))
            .Select(m => (m.Id, m.OrganizationId)).ToList();
        var year = today.Year;
        var start = new DateTime(year, 1, 1, 1, 0, 0, DateTimeKind.Utc);
        var span = Math.Max(1, (int)(now - start).TotalDays);
        var records = new List<StudyRecord>();
        for (var i = 0; i < members.Count; i++)
        {
            var (id, org) = members[i];
            // About a third of the organizations see every member through every material (their study targets are
            // completed); elsewhere members study some of them.
            var diligent = org % 3 == 0;
            for (var k = 0; k < materials.Length; k++)
            {
                var roll = (i * 31 + k * 17) % 100;
                if (!diligent && roll >= 80 - k * 15) continue;
                var minutes = roll % 10 == 0 && !diligent ? materials[k].MinimumMinutes / 2 : materials[k].MinimumMinutes + roll % 15;
                var started = start.AddDays((i * 7 + k * 13) % span).AddHours(12);
                var counted = minutes >= materials[k].MinimumMinutes;
                records.Add(new StudyRecord
                {
                    MemberId = id, OrganizationId = org, MaterialId = materials[k].Id, StartedAt = started, FinishedAt = started.AddMinutes(minutes), Minutes = minutes,
                    Counted = counted, Hours = counted ? materials[k].CreditHours : 0, Year = year,
                });
            }
        }
        foreach (var chunk in records.Chunk(2000))
        {
            db.AddRange(chunk);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
        // The study targets follow from the records just made, as they would had the members studied one by one.
        await StudyTargets.RefreshAsync(db, cascade.Id, campaign.Id, null, ct);
        var heldOn = today.AddDays(-30) < new DateOnly(year, 1, 1) ? new DateOnly(year, 1, 1) : today.AddDays(-30);
        var session = new TrainingSession
        {
            OrganizationId = county.Id, CampaignId = campaign.Id, Title = "县委党校党员集中轮训", HeldOn = heldOn, Location = "县委党校", Hours = rules.FullDayHours,
            CreatedAt = now, CreatedBy = "demo",
        };
        db.Set<TrainingSession>().Add(session);
        await db.SaveChangesAsync(ct);
        foreach (var chunk in members.Where((_, i) => i % 2 == 0).Chunk(2000))
        {
            db.AddRange(chunk.Select(m => new TrainingAttendance { SessionId = session.Id, MemberId = m.Id, OrganizationId = m.OrganizationId, Hours = session.Hours, Year = heldOn.Year }));
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
    }

    private static int SafeText(string markdown) => Content.SafeMarkdown.ToPlainText(markdown).Length;
}
