using Bastion.Data;
using Bastion.Organizations;
using Bastion.Rectification;
using Bastion.Strength;

namespace Bastion.Generation;

/// <summary>Rectification of weak and lax organizations (整顿软弱涣散) in the first county: a few cases in every state.</summary>
public sealed partial class DemoDataset
{
    private sealed record DemoCase(RectificationCase Case, List<RectificationStep> Steps, List<RectificationNote> Notes, List<RectificationCheck> Checks, List<RectificationEvent> Events);

    /// <summary>
    /// Six cases of village branches of the first county, one closed last season, one checked and waiting for closing, two
    /// rectifying (one with an overdue measure — the first village branch, so its secretary sees the notice — and one after a
    /// failed check), one planned and one just identified from a "silent branch" warning. Ids come from the database.
    /// </summary>
    public async Task LoadRectificationAsync(BastionDb db, CancellationToken ct)
    {
        var cases = BuildRectificationCases();
        db.AddRange(cases.Select(c => c.Case));
        await db.SaveChangesAsync(ct);
        foreach (var c in cases)
        {
            foreach (var s in c.Steps) s.CaseId = c.Case.Id;
            foreach (var n in c.Notes) n.CaseId = c.Case.Id;
            foreach (var k in c.Checks) k.CaseId = c.Case.Id;
            foreach (var e in c.Events) e.CaseId = c.Case.Id;
        }
        db.AddRange(cases.SelectMany(c => c.Steps.Cast<object>().Concat(c.Notes).Concat(c.Checks).Concat(c.Events)));
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    private List<DemoCase> BuildRectificationCases()
    {
        var county = FirstCounty;
        var villages = Organizations.Where(o => o.Path.StartsWith(county.Path, StringComparison.Ordinal) && o.Kind == OrganizationKind.Branch
            && o.UnitType == UnitType.Rural && o.Id != FirstVillageBranch.Id).Take(5).ToList();
        var list = new List<DemoCase>();
        const string staff = "demo-county-organization";
        var leaders = new[] { ("王建国", "县委常委、组织部部长"), ("陈志强", "副县长"), ("李红梅", "县人大常委会副主任"), ("赵立军", "县政协副主席"), ("孙海涛", "县委常委、政法委书记") };
        var firstSecretaries = new[] { "周文博", "吴晓东", "郑佳琪", "冯少华", "何俊杰" };
        var units = new[] { "县农业农村局", "县财政局", "县自然资源局", "县供销社", "县人民医院" };

        DemoCase Case(Organization org, int identifiedDaysAgo, WeakSituation[] situations, string reason, string? warnings)
        {
            var on = _today.AddDays(-identifiedDaysAgo);
            var c = new RectificationCase
            {
                OrganizationId = org.Id, RegionId = org.RegionId, Year = on.Year, IdentifiedOn = on, SituationMask = SituationBits.Mask(situations),
                Reason = reason, WarningCodes = warnings, IdentifiedBy = staff, UpdatedAt = _now,
            };
            var d = new DemoCase(c, [], [], [], []);
            Event(d, RectificationEventKind.Identified, on, reason);
            return d;
        }
        void Event(DemoCase d, RectificationEventKind kind, DateOnly on, string? text) =>
            d.Events.Add(new RectificationEvent { OrganizationId = d.Case.OrganizationId, Kind = kind, On = on, RecordedAt = _now, Actor = staff, Text = text });
        void Plan(DemoCase d, int index, int plannedAfter, params (string Text, int DueAfter)[] steps)
        {
            var c = d.Case;
            var (leader, post) = leaders[index % leaders.Length];
            c.State = RectificationState.Planned;
            c.PlannedOn = c.IdentifiedOn.AddDays(plannedAfter);
            c.PlanText = "一村一策：选优配强村党组织书记，恢复“三会一课”和主题党日，规范村务财务公开，发展壮大村级集体经济。";
            c.LeaderName = leader;
            c.LeaderPost = post;
            c.FirstSecretary = firstSecretaries[index % firstSecretaries.Length];
            c.WorkTeam = $"{units[index % units.Length]}驻村工作队";
            c.PairedUnit = units[index % units.Length];
            c.TargetOn = c.IdentifiedOn.AddDays(180);
            var n = 0;
            foreach (var (text, due) in steps)
                d.Steps.Add(new RectificationStep { OrganizationId = c.OrganizationId, Number = ++n, Text = text, DueOn = c.IdentifiedOn.AddDays(due) });
            Event(d, RectificationEventKind.Planned, c.PlannedOn.Value, $"{leader}（{post}）· {steps.Length}");
        }
        void Start(DemoCase d, int after)
        {
            d.Case.State = RectificationState.Rectifying;
            d.Case.RectifyingSince = d.Case.IdentifiedOn.AddDays(after);
            Event(d, RectificationEventKind.Started, d.Case.RectifyingSince.Value, null);
        }
        void Complete(DemoCase d, int number, int after, string note)
        {
            var s = d.Steps[number - 1];
            s.CompletedOn = d.Case.IdentifiedOn.AddDays(after);
            s.CompletionNote = note;
            Event(d, RectificationEventKind.StepCompleted, s.CompletedOn.Value, $"{s.Number}. {s.Text} — {note}");
        }
        void Note(DemoCase d, int after, string text)
        {
            var on = d.Case.IdentifiedOn.AddDays(after);
            d.Notes.Add(new RectificationNote { OrganizationId = d.Case.OrganizationId, On = on, Text = text, RecordedBy = staff });
            Event(d, RectificationEventKind.Note, on, text);
        }
        void Check(DemoCase d, int after, bool passed, string opinion)
        {
            var on = d.Case.IdentifiedOn.AddDays(after);
            d.Checks.Add(new RectificationCheck { OrganizationId = d.Case.OrganizationId, CheckedOn = on, Body = "县委组织部验收组", Passed = passed, Opinion = opinion, RecordedBy = staff });
            d.Case.CheckedOn = on;
            d.Case.HasPassedCheck = passed;
            d.Case.State = passed ? RectificationState.Checked : RectificationState.Rectifying;
            Event(d, passed ? RectificationEventKind.CheckPassed : RectificationEventKind.CheckFailed, on, $"县委组织部验收组: {opinion}");
        }
        (string, int)[] Measures(params string[] texts) => texts.Select((t, i) => (t, 30 + i * 30)).ToArray();

        if (villages.Count > 0)
        {
            var closed = Case(villages[0], 300, [WeakSituation.CommitteeIncomplete, WeakSituation.NoActivities], "村党支部书记缺职五个月，连续半年未开展组织生活。", "secretary-vacant,silent-branch");
            Plan(closed, 0, 10, Measures("选举产生新一届村党支部书记", "恢复每月主题党日", "建立党员联系农户制度"));
            Start(closed, 15);
            Complete(closed, 1, 40, "经选举产生新书记");
            Complete(closed, 2, 70, "连续三个月按时开展主题党日");
            Note(closed, 80, "县委组织部督导组到村检查，组织生活记录完整。");
            Complete(closed, 3, 95, "全体党员联系农户到位");
            Check(closed, 120, true, "班子健全，组织生活正常，群众满意度达到92%。");
            closed.Case.State = RectificationState.Closed;
            closed.Case.ClosedOn = closed.Case.IdentifiedOn.AddDays(130);
            closed.Case.ClosingEvidence = "验收合格，经县委组织部部务会研究同意销号。";
            Event(closed, RectificationEventKind.Closed, closed.Case.ClosedOn.Value, closed.Case.ClosingEvidence);
            list.Add(closed);
        }
        if (villages.Count > 1)
        {
            var done = Case(villages[1], 200, [WeakSituation.AffairsNotOpen, WeakSituation.PettyCorruption], "村务财务公开不及时，群众反映集体资产出租不透明。", null);
            Plan(done, 1, 7, Measures("每季度公开村务财务", "集体资产出租经村民代表会议讨论"));
            Start(done, 10);
            Complete(done, 1, 60, "公开栏按季度更新");
            Complete(done, 2, 90, "完成三宗集体资产重新招租");
            Check(done, 170, true, "村务公开规范，民主管理制度落实。");
            list.Add(done);
        }
        {
            var late = Case(FirstVillageBranch, 90, [WeakSituation.NoActivities, WeakSituation.PoorService], "近30天无支部活动记录，群众诉求办结率低。", "silent-branch");
            Plan(late, 2, 5, ("每月按时召开支委会和主题党日", 40), ("建立群众诉求周研判机制", 75), ("开展党员设岗定责", 120));
            Start(late, 8);
            Complete(late, 1, 38, "支委会、主题党日已按月召开");
            Note(late, 60, "第一书记到岗，走访全部农户。");
            list.Add(late);
        }
        if (villages.Count > 2)
        {
            var failed = Case(villages[2], 240, [WeakSituation.CommitteeDisunited], "班子成员长期不团结，村级事务议而不决。", null);
            Plan(failed, 3, 10, Measures("调整班子分工并开展谈心谈话", "召开专题组织生活会"));
            Start(failed, 12);
            Complete(failed, 1, 50, "谈心谈话全覆盖");
            Complete(failed, 2, 80, "专题组织生活会已召开");
            Check(failed, 150, false, "班子团结问题仍有反复，继续整顿。");
            failed.Steps.Add(new RectificationStep { OrganizationId = failed.Case.OrganizationId, Number = 3, Text = "县乡两级联点领导每月驻村指导", DueOn = _today.AddDays(45) });
            Event(failed, RectificationEventKind.StepAdded, failed.Case.IdentifiedOn.AddDays(152), "3. 县乡两级联点领导每月驻村指导");
            list.Add(failed);
        }
        if (villages.Count > 3)
        {
            var planned = Case(villages[3], 20, [WeakSituation.NoFacilities, WeakSituation.NoCollectiveIncome], "无固定党员活动场所，村集体经济收入为零。", null);
            Plan(planned, 4, 6, Measures("改建村级党群服务中心", "发展村集体光伏项目"));
            list.Add(planned);
        }
        if (villages.Count > 4)
            list.Add(Case(villages[4], 3, [WeakSituation.NoActivities], "强度指数预警：连续30天无支部活动记录。", "silent-branch"));
        return list;
    }
}
