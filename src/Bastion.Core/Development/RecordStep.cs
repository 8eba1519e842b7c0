using Bastion.Data;
using Bastion.Identity;
using Bastion.Meetings;
using Bastion.Members;
using Bastion.Organizations;
using Bastion.Security;
using Bastion.Shared;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Development;

/// <summary>
/// Records the next step of a candidate's development, checked against the rule set in force on the step's date
/// (recorded with the step). Admission (⑰) puts a probationary member on the branch roster; conversion approval (㉔)
/// makes them a full member. Nothing changes unless every check passes.
/// </summary>
public static class RecordStep
{
    public sealed record PersonInput
    {
        public StepPersonRole? Role { get; init; }
        public long? MemberId { get; init; }
        /// <summary>For someone who is not on a roster in scope (e.g. the upper committee's talker).</summary>
        public string? Name { get; init; }
    }

    public sealed record Command
    {
        public int? Number { get; init; }
        public DateOnly? Date { get; init; }
        public string? Notes { get; init; }
        /// <summary>⑩: whether the political review passed.</summary>
        public bool? Passed { get; init; }
        public IReadOnlyList<PersonInput> People { get; init; } = [];
        /// <summary>⑮ and ㉓: the recorded vote of the branch general meeting.</summary>
        public long? MeetingResolutionId { get; init; }
        public int? TrainingHours { get; init; }
        public int? TrainingDays { get; init; }
        public DateOnly? NoticeFrom { get; init; }
        public DateOnly? NoticeTo { get; init; }
        /// <summary>⑰: the approval time was extended (reason in the notes).</summary>
        public bool ApprovalExtended { get; init; }
    }

    public static async Task<DevelopmentStep> HandleAsync(BastionDb db, PiiProtector pii, string? actorRole, long candidateId, Command command,
        DevelopmentRuleCatalogue? catalogue = null, CancellationToken ct = default)
    {
        var candidate = await db.Set<Candidate>().AsTracking().FirstOrDefaultAsync(c => c.Id == candidateId, ct)
            ?? throw new NotFoundException($"Candidate {candidateId}");
        var errors = Validate(command);
        if (errors.Count > 0) throw new ValidationFailedException(errors);
        var number = command.Number!.Value;
        var date = command.Date!.Value;
        var today = Clock.Today(db.Time);

        CandidateChecks.EnsureOpen(candidate, archiving: number == DevelopmentRules.ArchiveStep);
        var expected = DevelopmentRules.NextSteps(candidate.CurrentStep);
        if (!expected.Contains(number))
            throw new DomainRuleException(DevelopmentRules.StepOrderRule,
                $"Steps are recorded in order, none skipped: after step {candidate.CurrentStep} comes step {string.Join(" or ", expected)}, not step {number}.");
        if (DevelopmentRules.IsUpperCommitteeStep(number)) await EnsureUpperCommitteeAsync(db, actorRole, candidate, number, ct);
        CandidateChecks.EnsureDate(candidate, date, today);

        var rules = (catalogue ?? DevelopmentRuleCatalogue.Shipped).InForceOn(date);
        var history = await db.Set<DevelopmentStep>().Where(s => s.CandidateId == candidate.Id && s.Kind == DevelopmentEventKind.Step)
            .Select(s => new { s.Number, s.Date }).ToListAsync(ct);
        DateOnly DateOf(int n) => history.Where(s => s.Number == n).Select(s => s.Date).DefaultIfEmpty(candidate.AppliedOn).Max();

        var people = await ResolvePeopleAsync(db, command.People ?? [], ct);
        var step = new DevelopmentStep
        {
            CandidateId = candidate.Id, OrganizationId = candidate.OrganizationId, RegionId = candidate.RegionId, Number = number, Date = date,
            Notes = Clean(command.Notes), RuleSetVersion = rules.Version, RecordedBy = db.Scope.Actor, RecordedAt = Clock.UtcNow(db.Time),
        };
        Member? admitted = null;
        switch (number)
        {
            case DevelopmentRules.TalkStep:
            case DevelopmentRules.UpperTalkStep:
                if (!people.Any(p => p.Role == StepPersonRole.Talker))
                    throw ValidationFailedException.For(nameof(Command.People), "Name who held the talk (谈话人).");
                if (number == DevelopmentRules.TalkStep) step.Late = DevelopmentRules.TalkIsLate(candidate.AppliedOn, date, rules);
                break;
            case DevelopmentRules.ContactsStep:
                await CheckFullMembersAsync(db, people, StepPersonRole.CultivationContact, date, rules.CultivationContacts, DevelopmentRules.CultivationContactsRule,
                    "cultivation contact (培养联系人)", rules, ct);
                break;
            case DevelopmentRules.TargetStep:
                CheckTarget(command, DateOf(DevelopmentRules.ActivistStep),
                    history.Where(s => s.Number == DevelopmentRules.ReviewStep).Select(s => s.Date), date, rules);
                step.NoticeFrom = command.NoticeFrom;
                step.NoticeTo = command.NoticeTo;
                break;
            case DevelopmentRules.IntroducersStep:
                await CheckFullMembersAsync(db, people, StepPersonRole.Introducer, date, rules.Introducers, DevelopmentRules.IntroducersRule,
                    "introducer (入党介绍人)", rules, ct);
                var introducerIds = people.Where(p => p.Role == StepPersonRole.Introducer).Select(p => p.MemberId!.Value).ToList();
                var relative = await db.Set<CandidateRelative>().Where(r => r.CandidateId == candidate.Id && introducerIds.Contains(r.MemberId))
                    .Select(r => r.Relation).FirstOrDefaultAsync(ct);
                if (relative is not null)
                    throw new DomainRuleException(DevelopmentRules.IntroducerNotRelativeRule,
                        $"An introducer is recorded as the candidate's relative ({relative}); a relative may not introduce the candidate.");
                break;
            case DevelopmentRules.PoliticalReviewStep:
                if (command.Passed != true)
                    throw new DomainRuleException(DevelopmentRules.PoliticalReviewRule,
                        "Step ⑩ is recorded when the political review (政治审查) passed; a candidate who did not pass cannot go on (XZ §16) — close the file instead.");
                break;
            case DevelopmentRules.TrainingStep:
                if (!DevelopmentRules.TrainingIsEnough(command.TrainingHours, command.TrainingDays, rules))
                    throw new DomainRuleException(DevelopmentRules.TrainingRule,
                        $"Centralized training lasts at least {rules.TrainingHours.Value} 学时 or {rules.TrainingDays.Value} days; recorded "
                        + $"{command.TrainingHours ?? 0} 学时 and {command.TrainingDays ?? 0} days ({DevelopmentRules.Cite(rules, rules.TrainingHours)}).");
                step.TrainingHours = command.TrainingHours;
                step.TrainingDays = command.TrainingDays;
                break;
            case DevelopmentRules.AdmissionMeetingStep:
                step.MeetingResolutionId = await CheckResolutionAsync(db, candidate, command.MeetingResolutionId, date, ct);
                break;
            case DevelopmentRules.ApprovalStep:
            {
                var meetingOn = DateOf(DevelopmentRules.AdmissionMeetingStep);
                var deadline = DevelopmentRules.ApprovalDeadline(meetingOn, command.ApprovalExtended, rules);
                if (command.ApprovalExtended && step.Notes is null)
                    throw ValidationFailedException.For(nameof(Command.Notes), "An extended approval time needs its reason in the notes.");
                if (date > deadline)
                    throw new DomainRuleException(DevelopmentRules.ApprovalWithinRule,
                        $"The upper committee approves within {(command.ApprovalExtended ? rules.ApprovalWithinMonths.Max : rules.ApprovalWithinMonths.Value)} months "
                        + $"of the branch general meeting of {meetingOn:yyyy-MM-dd}, i.e. by {deadline:yyyy-MM-dd}"
                        + (command.ApprovalExtended ? "" : $" (up to {rules.ApprovalWithinMonths.Max} months when extended with a reason)")
                        + $" ({DevelopmentRules.Cite(rules, rules.ApprovalWithinMonths)}).");
                step.ApprovalExtended = command.ApprovalExtended;
                admitted = await AdmitAsync(db, pii, candidate, meetingOn, today, ct);
                break;
            }
            case DevelopmentRules.ConversionMeetingStep:
            {
                var ends = DevelopmentRules.ProbationEndsOn(DateOf(DevelopmentRules.AdmissionMeetingStep), candidate.ProbationExtendedMonths, rules);
                if (date < ends)
                    throw new DomainRuleException(DevelopmentRules.ProbationPeriodRule,
                        $"Probation lasts {rules.ProbationMonths.Value} months from the admission meeting"
                        + (candidate.ProbationExtendedMonths is { } x ? $" plus the {x}-month extension" : "")
                        + $" and ends on {ends:yyyy-MM-dd}; conversion is discussed after that ({DevelopmentRules.Cite(rules, rules.ProbationMonths)}).");
                step.MeetingResolutionId = await CheckResolutionAsync(db, candidate, command.MeetingResolutionId, date, ct);
                break;
            }
            case DevelopmentRules.ConversionApprovalStep:
            {
                var meetingOn = DateOf(DevelopmentRules.ConversionMeetingStep);
                var deadline = DevelopmentRules.ConversionApprovalDeadline(meetingOn, rules);
                if (date > deadline)
                    throw new DomainRuleException(DevelopmentRules.ConversionApprovalWithinRule,
                        $"The upper committee approves conversion within {rules.ConversionApprovalWithinMonths.Value} months of the branch general meeting of "
                        + $"{meetingOn:yyyy-MM-dd}, i.e. by {deadline:yyyy-MM-dd} ({DevelopmentRules.Cite(rules, rules.ConversionApprovalWithinMonths)}).");
                await ConvertAsync(db, candidate, DevelopmentRules.ProbationEndsOn(DateOf(DevelopmentRules.AdmissionMeetingStep), candidate.ProbationExtendedMonths, rules), ct);
                break;
            }
        }

        db.Add(step);
        candidate.CurrentStep = number;
        candidate.Stage = DevelopmentRules.StageOf(number);
        candidate.LastDate = date;
        var dates = history.Select(h => (h.Number, h.Date)).Append((number, date)).ToList();
        (candidate.DueStep, candidate.DueOn) = CandidateChecks.Due(candidate, dates, rules);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (admitted is not null)
        {
            await db.SaveChangesAsync(ct);
            candidate.MemberId = admitted.Id;
        }
        await db.SaveChangesAsync(ct);
        foreach (var p in people)
            db.Add(new StepPerson
            {
                StepId = step.Id, CandidateId = candidate.Id, OrganizationId = candidate.OrganizationId, RegionId = candidate.RegionId,
                Role = p.Role, MemberId = p.MemberId, Name = p.Name,
            });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return step;
    }

    private sealed record Person(StepPersonRole Role, long? MemberId, string Name, MemberCategory? Category, DateOnly? FullOn, MemberStatus? Status);

    private static Dictionary<string, string[]> Validate(Command c)
    {
        var errors = new Dictionary<string, string[]>();
        if (c.Number is not { } n || !DevelopmentRules.IsStep(n)) errors[nameof(Command.Number)] = ["Choose a step from ① to ㉕."];
        if (c.Date is null) errors[nameof(Command.Date)] = ["Enter the date of the step."];
        if (c.Notes?.Trim().Length > DevelopmentRules.NotesMaxLength) errors[nameof(Command.Notes)] = [$"The notes are at most {DevelopmentRules.NotesMaxLength} characters."];
        if (c.TrainingHours is < 0 or > 10000 || c.TrainingDays is < 0 or > 1000) errors[nameof(Command.TrainingHours)] = ["Enter the hours and days of training as whole numbers."];
        var people = c.People ?? [];
        var personErrors = new List<string>();
        foreach (var p in people)
        {
            if (p.Role is not { } r || !Enum.IsDefined(r)) personErrors.Add("Choose the role of each person.");
            else if (p.MemberId is null && string.IsNullOrWhiteSpace(p.Name)) personErrors.Add("Choose a member or enter the name of each person.");
            else if (p.Name?.Trim().Length > 100) personErrors.Add("A name has at most 100 characters.");
        }
        if (people.Where(p => p.MemberId is not null).GroupBy(p => (p.Role, p.MemberId)).Any(g => g.Count() > 1)) personErrors.Add("A person is listed twice.");
        if (personErrors.Count > 0) errors[nameof(Command.People)] = personErrors.Distinct().ToArray();
        if (c.Number == DevelopmentRules.TargetStep && (c.NoticeFrom is null || c.NoticeTo is null))
            errors[nameof(Command.NoticeFrom)] = ["Enter the public notice (公示) period before a development target is determined."];
        else if (c.NoticeFrom > c.NoticeTo) errors[nameof(Command.NoticeTo)] = ["The notice ends after it starts."];
        if (c.Number is DevelopmentRules.AdmissionMeetingStep or DevelopmentRules.ConversionMeetingStep && c.MeetingResolutionId is null)
            errors[nameof(Command.MeetingResolutionId)] = ["Choose the recorded vote of the branch general meeting (支部党员大会)."];
        if (c.Number == DevelopmentRules.TrainingStep && c.TrainingHours is null && c.TrainingDays is null)
            errors[nameof(Command.TrainingHours)] = ["Enter the hours (学时) or days of training."];
        return errors;
    }

    private static async Task<List<Person>> ResolvePeopleAsync(BastionDb db, IReadOnlyList<PersonInput> inputs, CancellationToken ct)
    {
        var ids = inputs.Where(p => p.MemberId is not null).Select(p => p.MemberId!.Value).Distinct().ToList();
        var members = await db.Members.Where(m => ids.Contains(m.Id))
            .Select(m => new { m.Id, m.Name, m.Category, m.FullOn, m.Status }).ToDictionaryAsync(m => m.Id, ct);
        var result = new List<Person>();
        foreach (var p in inputs)
        {
            if (p.MemberId is { } id)
            {
                if (!members.TryGetValue(id, out var m)) throw ValidationFailedException.For(nameof(Command.People), $"Member {id} is not a member in your scope.");
                result.Add(new Person(p.Role!.Value, id, m.Name, m.Category, m.FullOn, m.Status));
            }
            else result.Add(new Person(p.Role!.Value, null, p.Name!.Trim(), null, null, null));
        }
        return result;
    }

    /// <summary>Cultivation contacts and introducers: the rule's number of distinct full members (正式党员) on the step's date.</summary>
    private static Task CheckFullMembersAsync(BastionDb db, List<Person> people, StepPersonRole role, DateOnly date, RuleNumber count, string rule,
        string what, DevelopmentRuleSet rules, CancellationToken ct)
    {
        var chosen = people.Where(p => p.Role == role).ToList();
        var min = count.Value;
        var max = count.Max ?? count.Value;
        if (chosen.Count < min || chosen.Count > max)
            throw new DomainRuleException(rule,
                $"{(min == max ? $"Exactly {min}" : $"{min}–{max}")} {what} are named; {chosen.Count} given ({DevelopmentRules.Cite(rules, count)}).");
        foreach (var p in chosen)
        {
            if (p.MemberId is null)
                throw new DomainRuleException(rule, $"Each {what} is a party member on the roster; {p.Name} is not chosen from it.");
            if (p.Status != MemberStatus.Active || !VoteRules.HasVotingRights(p.Category!.Value, p.FullOn, date))
                throw new DomainRuleException(rule,
                    $"Each {what} must be a full member (正式党员) on {date:yyyy-MM-dd}; {p.Name} is "
                    + (p.Status != MemberStatus.Active ? "no longer active" : "a probationary member (预备党员)") + $" ({DevelopmentRules.Cite(rules, count)}).");
        }
        return Task.CompletedTask;
    }

    private static void CheckTarget(Command command, DateOnly activistOn, IEnumerable<DateOnly> reviews, DateOnly date, DevelopmentRuleSet rules)
    {
        var earliest = DevelopmentRules.EarliestTargetOn(activistOn, rules);
        if (date < earliest)
            throw new DomainRuleException(DevelopmentRules.ActivistPeriodRule,
                $"A development target has been an activist for at least {rules.ActivistPeriodMonths.Value} months: activist since {activistOn:yyyy-MM-dd}, "
                + $"so not before {earliest:yyyy-MM-dd} ({DevelopmentRules.Cite(rules, rules.ActivistPeriodMonths)}).");
        if (DevelopmentRules.MissingReviewDue(activistOn, reviews, date, rules) is { } missing)
            throw new DomainRuleException(DevelopmentRules.ActivistReviewsRule,
                $"The branch reviews an activist every {rules.ActivistReviewMonths.Value} months (⑥); a review due by {missing:yyyy-MM-dd} is missing "
                + $"({DevelopmentRules.Cite(rules, rules.ActivistReviewMonths)}).");
        var from = command.NoticeFrom!.Value;
        var to = command.NoticeTo!.Value;
        var days = DevelopmentRules.WorkingDays(from, to);
        if (from < activistOn || to > date || days < rules.PublicNoticeWorkingDays.Value)
            throw new DomainRuleException(DevelopmentRules.PublicNoticeRule,
                $"Before a development target is determined the candidate is publicly notified (公示) for at least {rules.PublicNoticeWorkingDays.Value} working days, "
                + $"ending by {date:yyyy-MM-dd}; {from:yyyy-MM-dd}–{to:yyyy-MM-dd} has {days} ({DevelopmentRules.Cite(rules, rules.PublicNoticeWorkingDays)}).");
    }

    /// <summary>
    /// The resolution must be a motion of a held 支部党员大会 of the candidate's own branch on the step's date, and
    /// must have had a quorum and passed under <see cref="VoteRules"/> (recomputed from the recorded counts).
    /// </summary>
    private static async Task<long> CheckResolutionAsync(BastionDb db, Candidate candidate, long? resolutionId, DateOnly date, CancellationToken ct)
    {
        var r = await (from res in db.Set<MeetingResolution>()
                       join m in db.Set<Meeting>() on res.MeetingId equals m.Id
                       where res.Id == resolutionId
                       select new { res.Id, res.Title, res.Kind, res.ShouldAttend, res.Present, res.Yes, res.No, res.Abstain, m.OrganizationId, MeetingKind = m.Kind, m.Status, m.HeldOn })
            .FirstOrDefaultAsync(ct)
            ?? throw ValidationFailedException.For(nameof(Command.MeetingResolutionId), $"Resolution {resolutionId} was not found in your scope.");
        if (r.OrganizationId != candidate.OrganizationId || r.MeetingKind != MeetingKind.BranchGeneralMeeting || r.Status != MeetingStatus.Held || r.Kind != VoteKind.Motion)
            throw new DomainRuleException(DevelopmentRules.BranchResolutionRule,
                "The vote must be a motion recorded at a held branch general meeting (支部党员大会) of the candidate's own branch.");
        if (r.HeldOn != date)
            throw new DomainRuleException(DevelopmentRules.BranchResolutionRule,
                $"The step is dated the day of the branch general meeting, {r.HeldOn:yyyy-MM-dd}, not {date:yyyy-MM-dd}.");
        var outcome = VoteRules.Decide(VoteKind.Motion, r.ShouldAttend, r.Present, new VoteTally(r.Yes, r.No, r.Abstain));
        if (!outcome.QuorumHeld)
            throw new DomainRuleException(outcome.QuorumRule,
                $"The vote \"{r.Title}\" had no quorum: {r.Present} of {r.ShouldAttend} members with voting rights present, at least {outcome.PresentNeeded} needed "
                + $"(ZBTL §11; {outcome.RuleSetVersion}).");
        if (!outcome.Passed)
            throw new DomainRuleException(outcome.MajorityRule,
                $"The vote \"{r.Title}\" did not pass: {r.Yes} yes of {r.ShouldAttend} who should attend, at least {outcome.YesNeeded} needed (ZBTL §11; {outcome.RuleSetVersion}).");
        return r.Id;
    }

    /// <summary>
    /// ④ ⑧ ⑬ ⑯ ⑰ ⑱ ㉔ are the upper committee's: the acting user works in the organization department of an
    /// organization above the candidate's branch (their scope strictly contains the branch).
    /// </summary>
    private static async Task EnsureUpperCommitteeAsync(BastionDb db, string? actorRole, Candidate candidate, int number, CancellationToken ct)
    {
        var branchPath = await db.Organizations.Where(o => o.Id == candidate.OrganizationId).Select(o => o.Path).FirstAsync(ct);
        var scope = db.Scope.Path;
        var above = TreePath.Contains(scope, branchPath) && scope != branchPath;
        if (!above || actorRole is not (BastionRoles.OrganizationDepartment or BastionRoles.SystemAdmin))
            throw new DomainRuleException(DevelopmentRules.UpperCommitteeStepRule,
                $"Step {number} belongs to the upper party committee (上级党委); it is done by the organization department of an organization above the branch, not by the branch.");
    }

    /// <summary>⑰: the candidate becomes a probationary member of the branch, joined on the day of the admission meeting.</summary>
    private static async Task<Member> AdmitAsync(BastionDb db, PiiProtector pii, Candidate candidate, DateOnly meetingOn, DateOnly today, CancellationToken ct)
    {
        var residentId = pii.Decrypt(candidate.ResidentIdCipher);
        var checkedMember = MemberRules.Check(new MemberInput
        {
            Name = candidate.Name, ResidentId = residentId, Gender = candidate.Gender, BirthDate = candidate.BirthDate, Occupation = candidate.Occupation,
            Category = MemberCategory.Probationary, JoinedOn = meetingOn,
        }, today, out var errors) ?? throw new ValidationFailedException(errors);
        if (await MemberRecords.IsRegisteredAsync(db, candidate.ResidentIdHash, null, ct))
            throw ValidationFailedException.For(nameof(Candidate.ResidentIdMasked), RegisterCandidate.AlreadyMember);
        var (branchId, regionId) = await MemberRecords.ResolveBranchAsync(db, candidate.OrganizationId, ct);
        var member = MemberRecords.NewMember(checkedMember, branchId, regionId, pii, Clock.UtcNow(db.Time));
        db.Members.Add(member);
        candidate.Status = CandidateStatus.Admitted;
        return member;
    }

    /// <summary>㉔: the probationary member becomes a full member from the day probation ended (党龄 counts from then).</summary>
    private static async Task ConvertAsync(BastionDb db, Candidate candidate, DateOnly probationEndedOn, CancellationToken ct)
    {
        var member = await db.Members.AsTracking().FirstOrDefaultAsync(m => m.Id == candidate.MemberId, ct)
            ?? throw new DomainRuleException(DevelopmentRules.CandidateOpenRule, "The candidate has no member record to convert.");
        member.Category = MemberCategory.Full;
        member.FullOn = probationEndedOn;
        candidate.Status = CandidateStatus.Converted;
    }

    internal static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
