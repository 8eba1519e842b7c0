using Bastion.Data;
using Bastion.Discipline;
using Bastion.Organizations;

namespace Bastion.Generation;

/// <summary>A year of misconduct reports (问题线索举报) in the first county, routed as the use case routes them.</summary>
public sealed partial class DemoDataset
{
    /// <summary>A demo report anyone can follow on the public tracking page.</summary>
    public const string DemoReportCode = "DEM2RPT234";
    public const string DemoReportSecret = "DEMQSECRET234567";

    /// <summary>The city above the first county: its discipline staff receive reports about the county committee.</summary>
    public Organization DisciplineCity => Organizations.First(o => o.Id == FirstCounty.ParentId);

    /// <summary>The township above the first village branch: its discipline staff receive reports about that branch.</summary>
    public Organization DisciplineTownship => Organizations.First(o => o.Id == FirstVillageBranch.ParentId);

    private static readonly (MisconductCategory Category, string Account)[] ReportTemplates =
    [
        (MisconductCategory.EightPointRules, "{0}负责人春节期间用公款购买烟酒分发，并在农家乐安排超标准接待。"),
        (MisconductCategory.Formalism, "{0}要求每户村民下载多个政务App并截图打卡，检查只看台账和照片，不看实际效果。"),
        (MisconductCategory.Bureaucratism, "群众多次到{0}反映自来水管网漏水问题，工作人员互相推诿，三个月没有答复。"),
        (MisconductCategory.Hedonism, "{0}个别干部工作日中午饮酒，下午经常不在岗。"),
        (MisconductCategory.Extravagance, "{0}举办活动时大量租用花卉和LED屏，铺张浪费。"),
        (MisconductCategory.CorruptionNearTheMasses, "{0}在低保评定中优亲厚友，村干部亲属享受低保而困难户没有纳入。"),
        (MisconductCategory.CorruptionNearTheMasses, "{0}截留部分耕地地力保护补贴，群众领到的金额与公示不一致。"),
        (MisconductCategory.BurdenOnTheGrassroots, "上级部门要求{0}每周报送同一内容的多张表格，并在多个工作群重复填报。"),
        (MisconductCategory.Other, "{0}在集体资产出租中未经村民代表会议讨论，租金明显低于市场价。"),
    ];

    /// <summary>
    /// About 40 reports over the last year about branches, townships and the county itself: most finished (declined
    /// or closed with an outcome), the last weeks' still open, two overdue; most anonymous. Deterministic (a seeded generator of
    /// its own, names from the dataset's); ids come from the database, so this runs after the sequences were moved.
    /// </summary>
    public async Task LoadDisciplineAsync(BastionDb db, CancellationToken ct)
    {
        var reports = BuildMisconductReports();
        db.AddRange(reports.Select(r => r.Report));
        await db.SaveChangesAsync(ct);
        foreach (var (report, events) in reports)
            foreach (var e in events) e.ReportId = report.Id;
        db.AddRange(reports.SelectMany(r => r.Events));
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    /// <summary>The reports of <see cref="LoadDisciplineAsync"/> with their timelines, in memory (no ids yet).</summary>
    public List<(MisconductReport Report, List<MisconductReportEvent> Events)> BuildMisconductReports()
    {
        var rules = DisciplineRuleSet.Load();
        var random = new Random(9001);
        var county = FirstCounty;
        var byId = Organizations.ToDictionary(o => o.Id);
        var inCounty = Organizations.Where(o => o.Path.StartsWith(county.Path, StringComparison.Ordinal) && o.Kind != OrganizationKind.Group).ToList();
        var branches = inCounty.Where(o => o.Kind is OrganizationKind.Branch or OrganizationKind.JointBranch).ToList();
        var townships = inCounty.Where(o => o.ParentId == county.Id && o.Kind == OrganizationKind.Committee).ToList();
        var positionsByMember = Positions.Where(p => p.EndedOn is null).GroupBy(p => p.MemberId).ToDictionary(g => g.Key, g => g.Select(p => p.OrganizationId).ToList());
        var secretaries = Positions.Where(p => p.EndedOn is null && p.Role == Bastion.Positions.PositionRole.Secretary).GroupBy(p => p.OrganizationId).ToDictionary(g => g.Key, g => g.First().MemberId);
        var membersById = Members.ToDictionary(m => m.Id);

        var reports = new List<(MisconductReport Report, List<MisconductReportEvent> Events)>();
        for (var i = 0; i < 40; i++)
        {
            var pick = random.Next(100);
            var concerned = i == 0 ? FirstVillageBranch : pick < 75 ? branches[random.Next(branches.Count)] : pick < 93 ? townships[random.Next(townships.Count)] : county;
            var paths = new List<string> { concerned.Path };
            long? memberId = null;
            if (secretaries.TryGetValue(concerned.Id, out var secretary) && (i == 0 || random.Next(3) == 0))
            {
                memberId = secretary;
                paths.Add(byId[membersById[secretary].OrganizationId].Path);
                paths.AddRange(positionsByMember[secretary].Select(id => byId[id].Path));
            }
            var receiver = MisconductRouting.Receiver(paths)!.Value;
            var template = ReportTemplates[random.Next(ReportTemplates.Length)];
            var age = i == 0 ? 20 : random.Next(2, 365);
            var received = _today.AddDays(-age);
            var anonymous = random.Next(10) < 7;
            var reporter = anonymous ? null : $"{_faker.Name.LastName()}{_faker.Name.FirstName()} 1{random.Next(300, 999)}{random.Next(10000000, 99999999)}";
            var report = new MisconductReport
            {
                OrganizationId = receiver, RegionId = concerned.RegionId, TrackingCode = i == 0 ? DemoReportCode : NewCode(random),
                SecretHash = ReporterSecret.Hash(i == 0 ? DemoReportSecret : ReporterSecret.New()), Category = template.Category,
                ConcernedOrganizationId = concerned.Id, ConcernedMemberId = memberId, ConcernedPersonName = memberId is { } m ? membersById[m].Name : null,
                Account = string.Format(System.Globalization.CultureInfo.InvariantCulture, template.Account, concerned.Name),
                HappenedWhen = received.AddDays(-random.Next(5, 60)).ToString("yyyy年M月", System.Globalization.CultureInfo.InvariantCulture),
                IsAnonymous = anonymous, ReporterCipher = reporter is null ? null : _pii.Encrypt(reporter),
                ReporterMasked = reporter is null ? null : MisconductRules.MaskReporter(reporter),
                ReceivedOn = received, DecideDueOn = received.AddDays(rules.DecideDays), RuleSetVersion = rules.Version, UpdatedOn = received,
            };
            var events = new List<MisconductReportEvent> { new() { Kind = MisconductEventKind.Received, On = received } };
            const string handler = "纪检干部";
            void Step(MisconductEventKind kind, DateOnly on, string? text = null) => events.Add(new MisconductReportEvent { Kind = kind, On = on, HandlerName = handler, Text = text });

            // i == 1 and 2 stay overdue: one waiting for a decision, one under check past its deadline.
            if (i == 1) report.ReceivedOn = report.UpdatedOn = _today.AddDays(-rules.DecideDays - 3);
            if (i == 1) { report.DecideDueOn = report.ReceivedOn.AddDays(rules.DecideDays); events[0].On = report.ReceivedOn; }
            var decideOn = received.AddDays(Math.Min(age, random.Next(3, rules.DecideDays)));
            if (i == 1 || age < 10) { reports.Add((report, events)); continue; }
            if (random.Next(8) == 0)
            {
                MisconductRules.Decline(report, "反映的问题不属于纪检监察机关受理范围，已告知向有关部门反映。", decideOn);
                Step(MisconductEventKind.Declined, decideOn, report.PublicStatement);
                reports.Add((report, events));
                continue;
            }
            MisconductRules.Accept(report, rules, decideOn);
            Step(MisconductEventKind.Accepted, decideOn);
            Step(MisconductEventKind.CheckNote, decideOn.AddDays(5), "调取了有关账目，约谈了相关人员。");
            if (i == 2) { report.CheckDueOn = _today.AddDays(-4); reports.Add((report, events)); continue; }
            var disposeOn = decideOn.AddDays(random.Next(20, 80));
            if (disposeOn >= _today) { reports.Add((report, events)); continue; }
            var disposition = (MisconductDisposition)(random.Next(4) + 1);
            MisconductRules.Dispose(report, disposition, rules, disposeOn);
            Step(MisconductEventKind.Disposed, disposeOn);
            var closeOn = disposeOn.AddDays(random.Next(10, 50));
            if (closeOn >= _today) { reports.Add((report, events)); continue; }
            var outcome = random.Next(100) switch { < 25 => MisconductOutcome.Substantiated, < 40 => MisconductOutcome.PartlySubstantiated, _ => MisconductOutcome.NotSubstantiated };
            var statement = outcome switch
            {
                MisconductOutcome.Substantiated => "经核查，反映的问题属实，已对相关责任人作出党纪处理，并督促整改。",
                MisconductOutcome.PartlySubstantiated => "经核查，反映的问题部分属实，已对相关人员批评教育并责令整改。",
                _ => "经核查，反映的问题不属实，予以了结。感谢您的监督。",
            };
            MisconductRules.Close(report, outcome, statement, closeOn);
            Step(MisconductEventKind.Closed, closeOn, statement);
            reports.Add((report, events));
        }

        return reports;
    }

    private static string NewCode(Random random)
    {
        const string alphabet = "23456789ABCDEFGHJKMNPQRSTVWXYZ";
        return new string(Enumerable.Range(0, Bastion.Requests.TrackingCode.Length).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
    }
}
