using Bastion.Data;
using Bastion.Meetings;
using Bastion.Members;
using Bastion.Organizations;

namespace Bastion.Generation;

/// <summary>
/// A year of organizational life (三会一课, theme party days, organizational life meetings) for every branch and party
/// group, so the ledgers and compliance views have something to show. Most branches keep the rhythm of DOMAIN §1;
/// some are lax on purpose: only two 支部党员大会 in the year, months without 支委会 or 主题党日, or silent for the
/// last six weeks. Attendance is recorded for the first county's general meetings and party lectures.
/// </summary>
public sealed partial class DemoDataset
{
    public List<Meeting> Meetings { get; } = [];
    public List<MeetingAttendance> MeetingAttendances { get; } = [];
    public List<PartyGroupMember> GroupMembers { get; } = [];

    /// <summary>How a generated branch keeps its organizational life.</summary>
    public enum MeetingHabit { Diligent, TwoGeneralMeetings, SkipsCommitteeMonths, Silent }

    /// <summary>The habit of a branch: fixed by its id, so tests and views can find lax branches.</summary>
    public static MeetingHabit HabitOf(long branchId) => (branchId * 2654435761L % 100) switch
    {
        < 70 => MeetingHabit.Diligent,
        < 82 => MeetingHabit.TwoGeneralMeetings,
        < 92 => MeetingHabit.SkipsCommitteeMonths,
        _ => MeetingHabit.Silent,
    };

    /// <summary>Days before today with nothing recorded in a silent branch.</summary>
    public const int SilentDays = 45;

    /// <summary>
    /// Builds the meetings of the twelve months up to today (ids from 1: the loader moves the PostgreSQL sequence of
    /// Meetings) plus a few planned for the next two weeks, and places branch members in their party groups.
    /// Deterministic; does not draw from the generator's random sequence.
    /// </summary>
    public void BuildMeetings()
    {
        var rnd = new Random(7919);
        var membersByOrg = Members.GroupBy(m => m.OrganizationId).ToDictionary(g => g.Key, g => g.ToList());
        var groupsByBranch = Organizations.Where(o => o.Kind == OrganizationKind.Group).GroupBy(o => o.ParentId!.Value).ToDictionary(g => g.Key, g => g.ToList());
        var countyPath = FirstCounty?.Path;
        var start = new DateOnly(_today.Year, _today.Month, 1).AddMonths(-11);
        long nextId = 1;

        foreach (var branch in Organizations.Where(o => o.Kind is OrganizationKind.Branch or OrganizationKind.JointBranch))
        {
            var members = membersByOrg.GetValueOrDefault(branch.Id) ?? [];
            var groups = groupsByBranch.GetValueOrDefault(branch.Id) ?? [];
            for (var i = 0; i < members.Count && groups.Count > 0; i++)
                GroupMembers.Add(new PartyGroupMember
                {
                    OrganizationId = groups[i % groups.Count].Id, RegionId = branch.RegionId, MemberId = members[i].Id,
                    JoinedOn = members[i].JoinedOn > start ? members[i].JoinedOn : start, CreatedAt = _now,
                });

            var habit = HabitOf(branch.Id);
            var withAttendance = countyPath is not null && branch.Path.StartsWith(countyPath, StringComparison.Ordinal);
            var hasCommittee = members.Count(m => m.Category == MemberCategory.Full) >= 7;
            var place = branch.Name.Contains('村', StringComparison.Ordinal) ? "村党群服务中心" : "党员活动室";

            void Add(Organization org, MeetingKind kind, DateOnly day, int hour, string topic, string? lecturer = null)
            {
                if (day > _today.AddDays(14) || day < start) return;
                if (habit == MeetingHabit.Silent && day > _today.AddDays(-SilentDays) && day <= _today) return;
                var startsAt = new DateTime(day, new TimeOnly(hour, 30), DateTimeKind.Utc);
                var held = startsAt.AddHours(2) < _now;
                var meeting = new Meeting
                {
                    Id = nextId++, OrganizationId = org.Id, RegionId = org.RegionId, Kind = kind, Topic = topic,
                    Status = held ? MeetingStatus.Held : MeetingStatus.Planned, StartsAt = startsAt, EndsAt = startsAt.AddHours(kind == MeetingKind.ThemePartyDay ? 3 : 2),
                    Place = place, Lecturer = lecturer, HeldOn = held ? day : null, CreatedAt = startsAt.AddDays(-7) < _now ? startsAt.AddDays(-7) : _now,
                    RecordedAt = held ? startsAt.AddHours(3) : null,
                    Minutes = held ? $"会议围绕“{topic}”进行了学习讨论，与会党员结合工作实际发言，会议形成了相关意见。" : null,
                };
                Meetings.Add(meeting);
                if (held && withAttendance && kind is MeetingKind.BranchGeneralMeeting or MeetingKind.PartyLecture)
                    foreach (var m in members.Where(m => m.JoinedOn <= day))
                    {
                        var roll = rnd.Next(100);
                        MeetingAttendances.Add(new MeetingAttendance
                        {
                            MeetingId = meeting.Id, OrganizationId = org.Id, RegionId = org.RegionId, MemberId = m.Id,
                            Status = roll < 84 ? AttendanceStatus.Present : roll < 95 ? AttendanceStatus.Excused : AttendanceStatus.Absent,
                            Reason = roll is >= 84 and < 95 ? LeaveReasons[roll % LeaveReasons.Length] : null,
                            CheckedInAt = roll < 84 ? startsAt.AddMinutes(-rnd.Next(0, 20)) : null, RecordedAt = meeting.RecordedAt!.Value,
                        });
                    }
            }

            for (var month = 0; month < 13; month++)
            {
                var first = start.AddMonths(month);
                var quarterMonth = (first.Month - 1) % 3;
                var skipMonth = habit == MeetingHabit.SkipsCommitteeMonths && (first.Month + branch.Id) % 3 == 0;
                // 主题党日 on a fixed day each month (JYGL §16).
                if (!skipMonth) Add(branch, MeetingKind.ThemePartyDay, first.AddDays(Math.Min(14, (int)(branch.Id % 10) + 4)), 1, ThemeTopics[(first.Month + (int)(branch.Id % 7)) % ThemeTopics.Length]);
                if (hasCommittee && !skipMonth) Add(branch, MeetingKind.BranchCommitteeMeeting, first.AddDays(2 + (int)(branch.Id % 5)), 7, CommitteeTopics[first.Month % CommitteeTopics.Length]);
                foreach (var g in groups) Add(g, MeetingKind.GroupMeeting, first.AddDays(8 + (int)(g.Id % 6)), 11, GroupTopics[(first.Month + (int)(g.Id % 3)) % GroupTopics.Length]);
                if (quarterMonth == 1)
                {
                    var quarter = (first.Month - 1) / 3;
                    // A lax branch holds its general meeting only in the first and third quarters.
                    if (habit != MeetingHabit.TwoGeneralMeetings || quarter % 2 == 0)
                        Add(branch, MeetingKind.BranchGeneralMeeting, first.AddDays(15 + (int)(branch.Id % 8)), 2, GeneralTopics[quarter]);
                    Add(branch, MeetingKind.PartyLecture, first.AddDays(20 + (int)(branch.Id % 5)), 6, LectureTopics[quarter], quarter == 0 ? "支部书记" : "驻村第一书记");
                }
                if (first.Month == 12 && habit != MeetingHabit.Silent)
                {
                    Add(branch, MeetingKind.OrganizationalLifeMeeting, first.AddDays(24), 1, "年度组织生活会：对照检查，开展批评和自我批评");
                    Add(branch, MeetingKind.DemocraticAppraisal, first.AddDays(25), 6, "年度民主评议党员");
                }
            }
        }
    }

    /// <summary>Adds the meetings, their attendance and the group rosters in batches (called by <see cref="DemoLoader"/>).</summary>
    internal async Task LoadMeetingsAsync(BastionDb db, CancellationToken ct)
    {
        foreach (var chunk in Meetings.Chunk(DemoLoader.BatchSize))
            await SaveBatchAsync(db, chunk, ct);
        foreach (var chunk in MeetingAttendances.Chunk(DemoLoader.BatchSize))
            await SaveBatchAsync(db, chunk, ct);
        foreach (var chunk in GroupMembers.Chunk(DemoLoader.BatchSize))
            await SaveBatchAsync(db, chunk, ct);
    }

    private static async Task SaveBatchAsync<T>(BastionDb db, T[] rows, CancellationToken ct) where T : class
    {
        db.Set<T>().AddRange(rows);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    private static readonly string[] LeaveReasons = ["外出务工", "身体不适", "出差", "家中有事", "值班"];
    private static readonly string[] ThemeTopics =
        ["重温入党誓词", "学习党章党规", "志愿服务进社区", "参观红色教育基地", "环境卫生整治", "走访慰问困难党员", "学习贯彻全会精神"];
    private static readonly string[] CommitteeTopics =
        ["研究本月党建工作安排", "讨论发展党员工作", "研究党费收缴情况", "部署主题党日活动", "研究年度工作计划", "讨论困难党员帮扶"];
    private static readonly string[] GroupTopics = ["学习党的创新理论", "交流学习心得", "讨论党小组工作"];
    private static readonly string[] GeneralTopics =
        ["审议年度工作计划", "讨论接收预备党员", "通报上半年党费收缴和党建工作", "讨论预备党员转正，总结全年工作"];
    private static readonly string[] LectureTopics =
        ["学习党的二十大精神", "党的光辉历程", "全面从严治党", "弘扬伟大建党精神"];
}
