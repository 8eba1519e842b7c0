using Bastion.CallUps;
using Bastion.Members;
using Bastion.Organizations;
using Bastion.Volunteering;
using Bogus;

namespace Bastion.Generation;

/// <summary>Volunteering and pioneer posts of village and community branches, and one flood call-up, in the first demo county.</summary>
public sealed partial class DemoDataset
{
    public List<ServiceActivity> ServiceActivities { get; private set; } = [];
    public List<ServiceSignUp> ServiceSignUps { get; private set; } = [];
    public List<CallUp> CallUps { get; private set; } = [];
    public List<CallUpResponse> CallUpResponses { get; private set; } = [];

    private static readonly (ServiceActivityKind Kind, string Title, string Place)[] ServiceTemplates =
    [
        (ServiceActivityKind.Volunteer, "人居环境整治志愿服务", "村委会广场"),
        (ServiceActivityKind.PioneerPost, "党员先锋岗·便民服务窗口值守", "党群服务中心"),
        (ServiceActivityKind.ResponsibilityArea, "党员责任区入户走访", "责任区各户"),
        (ServiceActivityKind.Volunteer, "关爱留守老人志愿服务", "村幸福院"),
        (ServiceActivityKind.ServiceArea, "党员服务区·农技咨询", "村文化广场"),
        (ServiceActivityKind.Volunteer, "文明交通劝导", "村口路段"),
    ];

    /// <summary>
    /// Ten village and community branches of the first county hold six service activities each over the last year,
    /// with sign-ups, attendance and hours, and one each in the coming weeks with open places. The county called up
    /// its members for flood defence four months ago: most answered available, some unavailable, some never answered;
    /// the call-up is closed. Ids are assigned here (sign-ups and answers refer to them); the loader moves the sequences.
    /// </summary>
    private void BuildService(int seed)
    {
        var rnd = new Randomizer(seed ^ 0x5E7C);
        var county = FirstCounty.Path;
        var inCounty = Organizations.Where(o => o.Path.StartsWith(county, StringComparison.Ordinal)).ToDictionary(o => o.Id);
        var members = Members.Where(m => m.Status == MemberStatus.Active && inCounty.ContainsKey(m.OrganizationId)).ToList();
        var byOrg = members.GroupBy(m => m.OrganizationId).ToDictionary(g => g.Key, g => g.ToList());
        var branches = inCounty.Values.Where(o => o.Kind == OrganizationKind.Branch && o.UnitType is UnitType.Rural or UnitType.Community && byOrg.ContainsKey(o.Id))
            .Take(10).ToList();
        foreach (var branch in branches)
        {
            var roster = byOrg[branch.Id];
            for (var k = 0; k < 7; k++)
            {
                var (kind, title, place) = ServiceTemplates[(k + (int)(branch.Id % 6)) % ServiceTemplates.Length];
                var upcoming = k == 6;
                var heldOn = upcoming ? _today.AddDays(rnd.Number(3, 20)) : _today.AddDays(-rnd.Number(10 + k * 50, 50 + k * 50));
                var activity = new ServiceActivity
                {
                    Id = ServiceActivities.Count + 1, OrganizationId = branch.Id, Kind = kind, Title = title, Place = place,
                    Description = "请报名党员准时到场，按分工开展服务。", HeldOn = heldOn, Capacity = rnd.Number(10, 20), CreatedAt = _now,
                };
                ServiceActivities.Add(activity);
                var signUps = Math.Min(roster.Count, upcoming ? rnd.Number(2, 6) : rnd.Number(5, activity.Capacity));
                foreach (var m in roster.OrderBy(_ => rnd.Number(0, 1_000_000)).Take(signUps))
                {
                    var attended = upcoming ? (bool?)null : rnd.Number(0, 9) < 8;
                    ServiceSignUps.Add(new ServiceSignUp
                    {
                        Id = ServiceSignUps.Count + 1, ActivityId = activity.Id, MemberId = m.Id, OrganizationId = m.OrganizationId,
                        SignedUpAt = _now.AddDays(-Math.Max(1, _today.DayNumber - heldOn.DayNumber + rnd.Number(1, 7))),
                        Attended = attended, Hours = attended == true ? rnd.Number(2, 8) * 0.5 : 0, HeldOn = heldOn,
                    });
                }
            }
        }

        var started = _now.AddMonths(-4);
        var callUp = new CallUp
        {
            Id = 1, OrganizationId = FirstCounty.Id, Kind = CallUpKind.Flood, Title = "防汛应急动员：全体党员做好备汛值守",
            Instructions = "请各支部党员回复能否参加巡堤值守，能参加的按网格分组待命。", StartsAt = started, EndsAt = started.AddDays(5),
            Status = CallUpStatus.Closed, ClosedAt = started.AddDays(5), CreatedAt = started,
        };
        CallUps.Add(callUp);
        foreach (var m in members)
        {
            var roll = rnd.Number(0, 99);
            var answer = roll < 68 ? CallUpAnswer.Available : roll < 80 ? CallUpAnswer.Unavailable : CallUpAnswer.NoAnswer;
            CallUpResponses.Add(new CallUpResponse
            {
                Id = CallUpResponses.Count + 1, CallUpId = callUp.Id, MemberId = m.Id, OrganizationId = m.OrganizationId, Answer = answer,
                Note = answer == CallUpAnswer.Unavailable ? rnd.ArrayElement(new[] { "在外务工", "身体原因", "需照顾家人" }) : null,
                AnsweredAt = answer == CallUpAnswer.NoAnswer ? null : started.AddHours(rnd.Number(1, 72)),
            });
        }
    }
}
