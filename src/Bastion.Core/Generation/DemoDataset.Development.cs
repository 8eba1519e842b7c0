using Bastion.Data;
using Bastion.Development;
using Bastion.Meetings;
using Bastion.Members;
using Bastion.Organizations;
using Bogus;

namespace Bastion.Generation;

/// <summary>Member development (发展党员) in the first county: candidates at every step, some late, and yearly plans.</summary>
public sealed partial class DemoDataset
{
    /// <summary>A candidate with the steps of their file; the member record once admitted (⑰).</summary>
    public sealed record DemoCandidate(Candidate Candidate, IReadOnlyList<DemoStep> Steps, Member? Member);

    /// <summary>A step with its people and, for ⑮ and ㉓, the branch general meeting and its vote.</summary>
    public sealed record DemoStep(DevelopmentStep Step, IReadOnlyList<StepPerson> People, Meeting? Meeting, MeetingResolution? Resolution);

    public List<DemoCandidate> Candidates { get; } = [];
    public List<DevelopmentPlan> DevelopmentPlans { get; } = [];

    /// <summary>The members a load puts on the rosters: the generated ones and the candidates admitted since (⑰).</summary>
    public int MembersLoaded => Members.Count + Candidates.Count(c => c.Member is not null);

    /// <summary>
    /// Days after the application (①) on which each step is done on a regular path (⑥ twice: at 6 and 11 months);
    /// ⑦ comes 13 months after ③ and ⑰ a month after ⑮, ㉓ just after the year of probation.
    /// </summary>
    private static readonly int[] StepDay =
        [0, 0, 10, 30, 36, 41, 180, 425, 431, 455, 485, 515, 545, 556, 575, 605, 620, 635, 645, 650, 665, 790, 940, 975, 1005, 1015];

    /// <summary>
    /// In the first county about 3 branches in 4 develop 1–3 candidates, each at a step drawn per candidate so that
    /// every stage is populated; the application date is set back by the regular path to that step plus 0–100 days (0–260 for activists),
    /// so some deadlines (talk, half-yearly review, approval, conversion) have passed: those are the late ones. A
    /// branch in 8 has only someone converted long ago (the 2-year signal). Deterministic; its own random sequence.
    /// </summary>
    public void BuildDevelopment(int seed)
    {
        var rnd = new Randomizer(seed + 5);
        var county = FirstCounty;
        var full = Members.Where(m => m.Status == MemberStatus.Active && m.Category == MemberCategory.Full)
            .GroupBy(m => m.OrganizationId).ToDictionary(g => g.Key, g => g.OrderBy(m => m.Id).ToList());
        var sequence = 0;
        var branches = Organizations.Where(o => o.Kind is OrganizationKind.Branch or OrganizationKind.JointBranch && TreePath.Contains(county.Path, o.Path)).ToList();
        foreach (var branch in branches)
        {
            if (!full.TryGetValue(branch.Id, out var fulls) || fulls.Count < 3) continue;
            var roll = (int)(Mix(branch.Id * 13) % 8);
            if (roll == 0) continue;
            if (roll == 1)
            {
                Candidates.Add(NewCandidate(rnd, branch, fulls, 25, 900 + rnd.Number(0, 300), ref sequence));
                continue;
            }
            for (var i = rnd.Number(1, 3); i > 0; i--)
            {
                var step = rnd.Number(1, 25);
                // Activists wait longer between steps, so some half-yearly reviews are overdue.
                Candidates.Add(NewCandidate(rnd, branch, fulls, step, rnd.Number(0, step is >= 3 and <= 6 ? 260 : 100), ref sequence));
            }
        }
        DevelopmentPlans.Add(new DevelopmentPlan { OrganizationId = county.Id, RegionId = county.RegionId, Year = _today.Year, Target = 40, UpdatedAt = _now });
        foreach (var township in Organizations.Where(o => o.ParentId == county.Id))
            DevelopmentPlans.Add(new DevelopmentPlan { OrganizationId = township.Id, RegionId = township.RegionId, Year = _today.Year, Target = rnd.Number(2, 5), UpdatedAt = _now });
    }

    private DemoCandidate NewCandidate(Randomizer rnd, Organization branch, List<Member> fulls, int step, int extraDays, ref int sequence)
    {
        var applied = _today.AddDays(-(StepDay[step] + extraDays));
        var gender = rnd.Number(0, 99) < 55 ? Gender.Male : Gender.Female;
        var birth = applied.AddYears(-rnd.Number(19, 40)).AddDays(-rnd.Number(0, 364));
        var n = sequence++;
        var residentId = ResidentId.Compose("5" + (n / 500 % 100000).ToString("00000", System.Globalization.CultureInfo.InvariantCulture), birth,
            n % 500 * 2 + (gender == Gender.Male ? 1 : 0));
        var candidate = new Candidate
        {
            OrganizationId = branch.Id, RegionId = branch.RegionId, Name = ChineseName(rnd, gender), Gender = gender, BirthDate = birth,
            ResidentIdCipher = _pii.Encrypt(residentId), ResidentIdHash = _pii.LookupHash(residentId), ResidentIdMasked = ResidentId.Mask(residentId),
            Occupation = rnd.ArrayElement(Occupations), AppliedOn = applied, Status = CandidateStatus.Active, CreatedAt = _now,
        };
        var steps = new List<DemoStep>();
        var dates = new List<(int Number, DateOnly Date)>();
        DateOnly On(int s) => applied.AddDays(StepDay[s]);
        void Add(int number, DateOnly date, IReadOnlyList<StepPerson>? people = null, bool general = false)
        {
            Meeting? meeting = null;
            MeetingResolution? resolution = null;
            if (general)
            {
                var start = date.ToDateTime(new TimeOnly(6, 30), DateTimeKind.Utc);
                meeting = new Meeting
                {
                    OrganizationId = branch.Id, RegionId = branch.RegionId, Kind = MeetingKind.BranchGeneralMeeting, Status = MeetingStatus.Held,
                    Topic = number == DevelopmentRules.AdmissionMeetingStep ? "讨论接收预备党员" : "讨论预备党员转正", StartsAt = start, EndsAt = start.AddHours(2),
                    Place = "党员活动室", HeldOn = date, CreatedAt = _now, RecordedAt = start.AddHours(2),
                };
                var present = fulls.Count - fulls.Count / 6;
                var outcome = VoteRules.Decide(VoteKind.Motion, fulls.Count, present, new VoteTally(present, 0, 0));
                resolution = new MeetingResolution
                {
                    OrganizationId = branch.Id, RegionId = branch.RegionId, Title = $"关于{(number == DevelopmentRules.AdmissionMeetingStep ? "接收" : "同意")}{candidate.Name}{(number == DevelopmentRules.AdmissionMeetingStep ? "为预备党员" : "转为正式党员")}的决议",
                    Kind = VoteKind.Motion, ShouldAttend = fulls.Count, Present = present, Yes = present, QuorumHeld = outcome.QuorumHeld, Passed = outcome.Passed,
                    RuleSetVersion = outcome.RuleSetVersion, CreatedAt = _now,
                };
            }
            var row = new DevelopmentStep
            {
                OrganizationId = branch.Id, RegionId = branch.RegionId, Number = number, Date = date, RecordedBy = "demo", RecordedAt = _now,
                RuleSetVersion = DevelopmentRuleCatalogue.Shipped.InForceOn(date).Version,
                Late = number == DevelopmentRules.TalkStep && DevelopmentRules.TalkIsLate(applied, date, DevelopmentRuleCatalogue.Shipped.InForceOn(date)),
                TrainingHours = number == DevelopmentRules.TrainingStep ? 24 : null,
                NoticeFrom = number == DevelopmentRules.TargetStep ? date.AddDays(-14) : null, NoticeTo = number == DevelopmentRules.TargetStep ? date.AddDays(-2) : null,
                Notes = number == DevelopmentRules.PoliticalReviewStep ? "政治审查合格" : null,
            };
            steps.Add(new DemoStep(row, people ?? [], meeting, resolution));
            dates.Add((number, date));
        }
        StepPerson Person(StepPersonRole role, Member m) => new() { OrganizationId = branch.Id, RegionId = branch.RegionId, Role = role, MemberId = m.Id, Name = m.Name };

        for (var s = 1; s <= step; s++)
        {
            switch (s)
            {
                case DevelopmentRules.TalkStep: Add(s, On(s), [Person(StepPersonRole.Talker, fulls[0])]); break;
                case DevelopmentRules.ContactsStep: Add(s, On(s), [Person(StepPersonRole.CultivationContact, fulls[1 + (int)(Mix(candidate.BirthDate.DayNumber) % (ulong)(fulls.Count - 1))])]); break;
                case DevelopmentRules.ReviewStep:
                    Add(s, On(s));
                    if (step > s) Add(s, applied.AddDays(330));
                    break;
                case DevelopmentRules.IntroducersStep: Add(s, On(s), [Person(StepPersonRole.Introducer, fulls[1]), Person(StepPersonRole.Introducer, fulls[2])]); break;
                case DevelopmentRules.UpperTalkStep: Add(s, On(s), [new StepPerson { OrganizationId = branch.Id, RegionId = branch.RegionId, Role = StepPersonRole.Talker, Name = "县委组织部 组织员" }]); break;
                case DevelopmentRules.AdmissionMeetingStep or DevelopmentRules.ConversionMeetingStep: Add(s, On(s), general: true); break;
                default: Add(s, On(s)); break;
            }
        }

        var rules = DevelopmentRuleCatalogue.Shipped.InForceOn(_today);
        candidate.CurrentStep = step;
        candidate.Stage = DevelopmentRules.StageOf(step);
        candidate.LastDate = dates.Max(d => d.Date);
        Member? member = null;
        if (step >= DevelopmentRules.ApprovalStep)
        {
            var meetingOn = On(DevelopmentRules.AdmissionMeetingStep);
            var converted = step >= DevelopmentRules.ConversionApprovalStep;
            candidate.Status = converted ? CandidateStatus.Converted : CandidateStatus.Admitted;
            member = new Member
            {
                OrganizationId = branch.Id, RegionId = branch.RegionId, Name = candidate.Name, Gender = gender, BirthDate = birth,
                ResidentIdCipher = candidate.ResidentIdCipher, ResidentIdHash = candidate.ResidentIdHash, ResidentIdMasked = candidate.ResidentIdMasked,
                Occupation = candidate.Occupation, Category = converted ? MemberCategory.Full : MemberCategory.Probationary, JoinedOn = meetingOn,
                FullOn = converted ? DevelopmentRules.ProbationEndsOn(meetingOn, null, rules) : null, CreatedAt = _now,
            };
        }
        (candidate.DueStep, candidate.DueOn) = CandidateChecks.Due(candidate, dates, rules);
        return new DemoCandidate(candidate, steps, member);
    }

    private static readonly string[] Occupations = ["农民", "教师", "医生", "技术员", "社区工作者", "个体工商户", "企业职工", "公务员", "大学生村官", "护士"];

    /// <summary>Loads the candidates after the generated ids are settled: meetings, votes, members, candidates, steps, people, each in batches.</summary>
    internal async Task LoadDevelopmentAsync(BastionDb db, CancellationToken ct)
    {
        var steps = Candidates.SelectMany(c => c.Steps).ToList();
        foreach (var chunk in steps.Where(s => s.Meeting is not null).Select(s => s.Meeting!).Chunk(DemoLoader.BatchSize)) await SaveBatchAsync(db, chunk, ct);
        foreach (var s in steps.Where(s => s.Meeting is not null)) s.Resolution!.MeetingId = s.Meeting!.Id;
        foreach (var chunk in steps.Where(s => s.Resolution is not null).Select(s => s.Resolution!).Chunk(DemoLoader.BatchSize)) await SaveBatchAsync(db, chunk, ct);
        foreach (var chunk in Candidates.Where(c => c.Member is not null).Select(c => c.Member!).Chunk(DemoLoader.BatchSize)) await SaveBatchAsync(db, chunk, ct);
        foreach (var c in Candidates) c.Candidate.MemberId = c.Member?.Id;
        foreach (var chunk in Candidates.Select(c => c.Candidate).Chunk(DemoLoader.BatchSize)) await SaveBatchAsync(db, chunk, ct);
        foreach (var c in Candidates)
            foreach (var s in c.Steps)
            {
                s.Step.CandidateId = c.Candidate.Id;
                s.Step.MeetingResolutionId = s.Resolution?.Id;
            }
        foreach (var chunk in steps.Select(s => s.Step).Chunk(DemoLoader.BatchSize)) await SaveBatchAsync(db, chunk, ct);
        foreach (var s in steps)
            foreach (var p in s.People) (p.StepId, p.CandidateId) = (s.Step.Id, s.Step.CandidateId);
        foreach (var chunk in steps.SelectMany(s => s.People).Chunk(DemoLoader.BatchSize)) await SaveBatchAsync(db, chunk, ct);
        foreach (var chunk in DevelopmentPlans.Chunk(DemoLoader.BatchSize)) await SaveBatchAsync(db, chunk, ct);
    }
}
