using Bastion.Grids;
using Bastion.Organizations;
using Bastion.Requests;

namespace Bastion.Generation;

/// <summary>Grids (网格) and a year of citizens' and enterprises' requests (诉求), built from the generated organizations.</summary>
public sealed partial class DemoDataset
{
    public sealed record RequestData(List<Grid> Grids, List<ServiceRequest> Requests, List<RequestEvent> Events, List<AgencyStep> Steps)
    {
        public int RowCount => Grids.Count + Requests.Count + Events.Count + Steps.Count;
    }

    public RequestData Requests { get; private set; } = new([], [], [], []);

    /// <summary>Replaces the requests with a year of them in every county given (benchmarks use all counties of a city).</summary>
    public void UseRequestsOf(IEnumerable<Organization> counties)
    {
        Requests = BuildRequests(counties);
        Households = BuildHouseholds();
    }

    /// <summary>
    /// Two to four grids for every village and community organization under <paramref name="counties"/>, and a year
    /// of requests before now: most answered within the deadline and rated, some late, some reopened, the last days'
    /// still open, the overdue ones escalated; enterprise requests go to the township, many handled on behalf (帮办代办).
    /// Deterministic per organization (does not draw from the generator's random sequence). Ids are assigned here,
    /// starting at 1: the loader moves the PostgreSQL sequences afterwards. Owners are people, and demo accounts
    /// exist only after loading, so the timeline names who acted and the requests carry no owner account.
    /// </summary>
    public RequestData BuildRequests(IEnumerable<Organization> counties)
    {
        var rules = ServiceRequestRuleSet.Load();
        var data = new RequestData([], [], [], []);
        var byId = Organizations.ToDictionary(o => o.Id);
        var membersByOrg = Members.GroupBy(m => m.OrganizationId).ToDictionary(g => g.Key, g => g.Select(m => (m.Id, m.Name)).ToList());
        foreach (var county in counties)
        {
            var villages = Organizations.Where(o => o.Path.StartsWith(county.Path, StringComparison.Ordinal)
                && o.UnitType is UnitType.Rural or UnitType.Community && o.Kind is OrganizationKind.Branch or OrganizationKind.GeneralBranch
                && o.ParentId is { } p && byId[p].Kind == OrganizationKind.Committee).ToList();
            foreach (var village in villages)
            {
                var rnd = new Random(unchecked((int)(village.Id * 7919 + 17)));
                var place = village.Name.Split(["社区", "村"], StringSplitOptions.None)[0];
                var grids = Enumerable.Range(1, rnd.Next(2, 5)).Select(k => new Grid
                {
                    Id = data.Grids.Count + k, OrganizationId = village.Id, RegionId = village.RegionId, Name = $"{place}第{Ordinal(k)}网格",
                    Code = $"W{village.Id}-{k:00}", CreatedAt = _now.AddYears(-2),
                }).ToList();
                data.Grids.AddRange(grids);
                var people = membersByOrg.GetValueOrDefault(village.Id) ?? [];
                var township = byId[village.ParentId!.Value];
                var yearly = village.UnitType == UnitType.Community ? rnd.Next(30, 70) : rnd.Next(12, 40);
                for (var i = 0; i < yearly; i++)
                    AddRequest(data, rules, rnd, village, township, grids[rnd.Next(grids.Count)], people, place);
            }
        }
        return data;
    }

    private static readonly (string Code, int Weight, string[] Texts)[] RequestKinds =
    [
        ("environment", 24, ["{0}门口垃圾桶满了几天没人清运", "{0}河道有漂浮垃圾，气味很大", "{0}路边有人焚烧秸秆", "{0}公厕长期无人打扫"]),
        ("public-facilities", 20, ["{0}路灯坏了，晚上出行不安全", "{0}道路有坑洼，下雨积水", "{0}健身器材损坏", "{0}自来水压力太小"]),
        ("property", 10, ["{0}小区电梯经常停运", "{0}物业费收了但楼道没人管", "{0}小区停车位被占用"]),
        ("neighbourhood", 12, ["{0}楼上装修噪音影响休息", "{0}邻居在公共走道堆放杂物", "{0}宅基地边界有争议"]),
        ("social-assistance", 8, ["{0}独居老人需要上门帮助", "{0}困难家庭咨询低保申请", "{0}残疾人补贴没有到账"]),
        ("safety-hazard", 5, ["{0}电动车在楼道充电，存在火灾隐患", "{0}危房外墙有脱落风险", "{0}井盖缺失"]),
        ("enterprise-startup", 5, ["在{0}开办农家乐，想了解营业执照办理", "{0}新开超市，需要办理食品经营许可"]),
        ("enterprise-permits", 4, ["{0}合作社申请设施农用地备案", "{0}加工厂扩建需要办理规划手续"]),
        ("enterprise-policy", 4, ["{0}小微企业咨询稳岗补贴", "{0}个体户咨询减税政策"]),
        ("other", 8, ["{0}村民咨询医保缴费", "{0}希望增加公交班次"]),
    ];

    private static readonly string[] Answers =
    [
        "已联系相关单位现场处理，问题已解决，感谢您的反映。", "网格员已上门核实，已协调责任单位限期整改。", "经调解双方达成一致，后续由网格员回访。",
        "已按政策为您办理，相关材料已送达。", "已纳入本月维修计划并完成修复。",
    ];

    private void AddRequest(RequestData data, ServiceRequestRuleSet rules, Random rnd, Organization village, Organization township, Grid grid,
        List<(long Id, string Name)> people, string place)
    {
        var first = data.Events.Count;
        AddRequestWithEvents(data, rules, rnd, village, township, grid, people, place);
        // The timeline in time order, ids ascending with it (steps of agency handling interleave with the rest).
        var timeline = data.Events.GetRange(first, data.Events.Count - first).OrderBy(e => e.At).ToList();
        for (var i = 0; i < timeline.Count; i++)
        {
            timeline[i].Id = first + i + 1;
            data.Events[first + i] = timeline[i];
        }
    }

    private void AddRequestWithEvents(RequestData data, ServiceRequestRuleSet rules, Random rnd, Organization village, Organization township, Grid grid,
        List<(long Id, string Name)> people, string place)
    {
        var total = RequestKinds.Sum(k => k.Weight);
        var pick = rnd.Next(total);
        var kind = RequestKinds.First(k => (pick -= k.Weight) < 0);
        var category = rules.Find(kind.Code)!;
        var enterprise = category.Audience == "enterprise";
        var org = enterprise ? township : village;
        var received = Shared.Clock.Truncate(_now.AddMinutes(-rnd.Next(10, 365 * 24 * 60)));
        var (firstDue, resolutionDue) = ServiceRequestRules.Deadlines(category, received);
        var contact = $"{Surnames[rnd.Next(Surnames.Length)]}{(rnd.Next(2) == 0 ? "先生" : "女士")} 1{rnd.Next(3, 10)}{rnd.Next(100_000_000, 999_999_999)}";
        var r = new ServiceRequest
        {
            Id = data.Requests.Count + 1, OrganizationId = org.Id, RegionId = org.RegionId, TrackingCode = DemoCode(data.Requests.Count + 1, village.Id),
            CategoryCode = category.Code, Description = string.Format(kind.Texts[rnd.Next(kind.Texts.Length)], place),
            AddressText = $"{place}{rnd.Next(1, 60)}号", GridId = enterprise ? null : grid.Id,
            ContactCipher = _pii.Encrypt(contact), ContactMasked = ServiceRequestRules.MaskContact(contact),
            Source = rnd.Next(10) < 7 ? RequestSource.Web : RequestSource.Staff, RuleSetVersion = rules.Version,
            ReceivedAt = received, FirstResponseDueAt = firstDue, ResolutionDueAt = resolutionDue, UpdatedAt = received,
        };
        data.Requests.Add(r);
        void Event(RequestEventKind k, DateTime at, string? actor, string? text, bool isPublic)
        {
            data.Events.Add(new RequestEvent { Id = data.Events.Count + 1, RequestId = r.Id, Kind = k, At = at, ActorName = actor, OrganizationId = r.OrganizationId, Text = text, IsPublic = isPublic });
            r.UpdatedAt = at;
        }
        Event(RequestEventKind.Received, received, null, null, true);
        var handler = people.Count > 0 ? people[rnd.Next(people.Count)] : (0, "网格员");
        var takenAt = received.AddMinutes(rnd.Next(5, (int)(category.FirstResponseHours * 60 * 1.1)));
        if (takenAt > _now)
        {
            Escalate(r, byPath: org.Path);
            return; // still waiting to be taken
        }
        r.Status = ServiceRequestStatus.InProgress;
        r.FirstRespondedAt = takenAt;
        Event(RequestEventKind.Taken, takenAt, handler.Item2, null, true);
        // 85 % answered within the deadline, the rest late; some not yet answered.
        var late = rnd.Next(100) < 15;
        var answerAt = Shared.Clock.Truncate(takenAt.AddHours(category.ResolutionHours * (late ? 1.05 + rnd.NextDouble() * 0.8 : 0.05 + rnd.NextDouble() * 0.85)));
        if (enterprise && rnd.Next(10) < 6 && people.Count > 0)
        {
            r.IsAgencyHandling = true;
            r.AgentMemberId = handler.Item1;
            var steps = category.Code == "enterprise-startup" ? new[] { "名称自主申报", "提交设立登记材料", "领取营业执照", "刻制公章" } : ["材料预审", "代为递交", "跟踪审批", "领取结果"];
            Event(RequestEventKind.AgencyStarted, takenAt.AddMinutes(30), handler.Item2, $"{handler.Item2}: {string.Join(" → ", steps)}", true);
            for (var s = 0; s < steps.Length; s++)
            {
                // Steps fall between taking and answering.
                var doneAt = takenAt.AddTicks((answerAt - takenAt).Ticks * (s + 1) / (steps.Length + 1));
                var done = doneAt <= _now;
                data.Steps.Add(new AgencyStep { Id = data.Steps.Count + 1, RequestId = r.Id, Sequence = s + 1, Name = steps[s], DoneAt = done ? Shared.Clock.Truncate(doneAt) : null });
                if (done) Event(RequestEventKind.AgencyStepDone, Shared.Clock.Truncate(doneAt), handler.Item2, steps[s], true);
            }
        }
        if (rnd.Next(20) == 0 && people.Count > 1)
        {
            var next = people[(people.IndexOf(handler) + 1) % people.Count];
            Event(RequestEventKind.HandoverRequested, takenAt.AddHours(1), handler.Item2, "涉及其他网格，转由分管委员办理", false);
            Event(RequestEventKind.HandoverAccepted, takenAt.AddHours(3), next.Item2, null, true);
            handler = next;
        }
        if (answerAt > _now)
        {
            Escalate(r, byPath: org.Path);
            return;
        }
        Answer(answerAt);
        if (rnd.Next(100) < 4 && answerAt.AddDays(3) < _now)
        {
            // Reopened once, then answered again.
            var reopenAt = answerAt.AddDays(rnd.Next(1, rules.ReopenWindowDays));
            if (rnd.Next(2) == 0) { r.Rating = rnd.Next(1, 3); r.RatedAt = reopenAt.AddHours(-2); Event(RequestEventKind.Rated, reopenAt.AddHours(-2), null, $"{r.Rating}/5", true); }
            r.Rating = null; r.RatedAt = null;
            r.Status = ServiceRequestStatus.InProgress; r.ReopenCount = 1; r.AnsweredAt = null; r.PublicAnswer = null;
            r.ResolutionDueAt = reopenAt.AddHours(category.ResolutionHours);
            Event(RequestEventKind.Reopened, reopenAt, null, "问题没有彻底解决", true);
            var again = Shared.Clock.Truncate(reopenAt.AddHours(category.ResolutionHours * (0.2 + rnd.NextDouble() * 0.6)));
            if (again > _now) return;
            Answer(again);
        }
        if (rnd.Next(100) < 72)
        {
            var p = rnd.Next(100);
            r.Rating = p < 55 ? 5 : p < 80 ? 4 : p < 90 ? 3 : p < 96 ? 2 : 1;
            r.RatedAt = r.AnsweredAt!.Value.AddHours(rnd.Next(1, 72));
            if (r.RatedAt > _now) { r.Rating = null; r.RatedAt = null; }
            else Event(RequestEventKind.Rated, r.RatedAt.Value, null, $"{r.Rating}/5", true);
        }
        var closeAt = r.AnsweredAt!.Value.AddDays(rnd.Next(1, 10));
        if (r.RatedAt is { } ratedAt && ratedAt >= closeAt) closeAt = ratedAt.AddHours(1);
        if (closeAt <= _now && rnd.Next(10) < 8)
        {
            r.Status = ServiceRequestStatus.Closed;
            r.ClosedAt = closeAt;
            Event(RequestEventKind.Closed, closeAt, handler.Item2, null, true);
        }

        void Answer(DateTime at)
        {
            r.Status = ServiceRequestStatus.Answered;
            r.AnsweredAt = at;
            r.PublicAnswer = Answers[rnd.Next(Answers.Length)];
            Event(RequestEventKind.Replied, at, handler.Item2, r.PublicAnswer, true);
        }
    }

    /// <summary>Where the escalation job would have put an open request by now.</summary>
    private void Escalate(ServiceRequest r, string byPath)
    {
        var level = ServiceRequestRules.RequiredEscalationLevel(r, _now);
        if (level == 0 || ServiceRequestRules.AncestorUp(byPath, level) is not { } target) return;
        r.EscalationLevel = level;
        r.EscalatedToOrganizationId = target;
        r.EscalatedAt = level == 1 ? r.FirstResponseDueAt : r.ResolutionDueAt;
    }

    /// <summary>A tracking code that is stable for a seed and unique in the dataset (demo data need not be unguessable).</summary>
    private static string DemoCode(int n, long orgId)
    {
        const string alphabet = "23456789ABCDEFGHJKMNPQRSTVWXYZ";
        var value = (ulong)n * 1_000_003UL + (ulong)orgId * 7919UL + 0x5DEECE66DUL;
        var chars = new char[TrackingCode.Length];
        chars[0] = 'D';
        for (var i = TrackingCode.Length - 1; i >= 1; i--)
        {
            chars[i] = alphabet[(int)(value % (ulong)alphabet.Length)];
            value /= (ulong)alphabet.Length;
        }
        return new string(chars);
    }
}
