using Bastion.Data;
using Bastion.Members;
using Bastion.Security;
using Bastion.Shared;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Development;

/// <summary>
/// Registers an applicant (入党申请人) with step ① (递交入党申请书) in a branch of the caller's scope. The resident
/// ID follows the member rules (checksum, birth date, encrypted at rest); the applicant must be at least 18 on the
/// day of application. Nothing is saved unless every check passes.
/// </summary>
public static class RegisterCandidate
{
    public sealed record RelativeInput
    {
        public long MemberId { get; init; }
        public string? Relation { get; init; }
    }

    public sealed record Command
    {
        public long OrganizationId { get; init; }
        public string? Name { get; init; }
        public string? ResidentId { get; init; }
        public Gender? Gender { get; init; }
        public DateOnly? BirthDate { get; init; }
        public string? Occupation { get; init; }
        /// <summary>The date the application was handed in (①).</summary>
        public DateOnly? AppliedOn { get; init; }
        public string? Notes { get; init; }
        /// <summary>Members who are the applicant's relatives; they may not introduce the applicant later.</summary>
        public IReadOnlyList<RelativeInput> Relatives { get; init; } = [];
    }

    public const string AlreadyCandidate = "This person is already in the development pipeline.";
    public const string AlreadyMember = "This person is already a party member.";

    public static async Task<Candidate> HandleAsync(BastionDb db, PiiProtector pii, Command command, DevelopmentRuleCatalogue? catalogue = null, CancellationToken ct = default)
    {
        var (branchId, regionId) = await MemberRecords.ResolveBranchAsync(db, command.OrganizationId, ct);
        var today = Clock.Today(db.Time);
        var errors = new Dictionary<string, string[]>();
        var name = command.Name?.Trim();
        if (string.IsNullOrEmpty(name)) errors[nameof(Command.Name)] = ["A name is required."];
        else if (name.Length > MemberRules.NameMaxLength) errors[nameof(Command.Name)] = [$"A name has at most {MemberRules.NameMaxLength} characters."];
        ResidentId? id = null;
        if (string.IsNullOrWhiteSpace(command.ResidentId)) errors[nameof(Command.ResidentId)] = ["The resident ID number is required."];
        else if ((id = ResidentId.TryParse(command.ResidentId, out var idError)) is null) errors[nameof(Command.ResidentId)] = [idError!];
        else
        {
            if (MemberRules.BirthDateDisagrees(id, command.BirthDate))
                errors[nameof(Command.BirthDate)] = [$"The birth date does not agree with the resident ID number, which gives {id.BirthDate:yyyy-MM-dd}."];
            if (MemberRules.GenderDisagrees(id, command.Gender))
                errors[nameof(Command.Gender)] = [$"The gender does not agree with the resident ID number, which gives {id.Gender}."];
        }
        var occupation = string.IsNullOrWhiteSpace(command.Occupation) ? null : command.Occupation.Trim();
        if (occupation?.Length > MemberRules.OccupationMaxLength) errors[nameof(Command.Occupation)] = [$"The occupation has at most {MemberRules.OccupationMaxLength} characters."];
        if (command.Notes?.Trim().Length > DevelopmentRules.NotesMaxLength) errors[nameof(Command.Notes)] = [$"The notes are at most {DevelopmentRules.NotesMaxLength} characters."];
        if (command.AppliedOn is null) errors[nameof(Command.AppliedOn)] = ["Enter the date the application was handed in."];
        var relatives = command.Relatives ?? [];
        if (relatives.Any(r => string.IsNullOrWhiteSpace(r.Relation) || r.Relation.Trim().Length > 20))
            errors[nameof(Command.Relatives)] = ["Each relative needs the relation (e.g. 父亲, 配偶), at most 20 characters."];
        else if (relatives.Select(r => r.MemberId).Distinct().Count() != relatives.Count)
            errors[nameof(Command.Relatives)] = ["A relative is listed twice."];
        if (errors.Count > 0) throw new ValidationFailedException(errors);

        var appliedOn = command.AppliedOn!.Value;
        if (appliedOn > today)
            throw new DomainRuleException(DevelopmentRules.NotInFutureRule, $"The application date {appliedOn:yyyy-MM-dd} lies in the future.");
        var rules = (catalogue ?? DevelopmentRuleCatalogue.Shipped).InForceOn(appliedOn);
        if (!DevelopmentRules.IsOldEnough(id!.BirthDate, appliedOn, rules))
            throw new DomainRuleException(DevelopmentRules.MinimumAgeRule,
                $"An applicant must be at least {rules.MinimumAgeYears.Value} years old on the day of application; born {id.BirthDate:yyyy-MM-dd}, "
                + $"applied {appliedOn:yyyy-MM-dd} ({DevelopmentRules.Cite(rules, rules.MinimumAgeYears)}).");

        var hash = pii.LookupHash(id.Value);
        // Uniqueness is checked across the whole tree on purpose; the answer never says where.
        if (await db.Set<Candidate>().IgnoreQueryFilters().AnyAsync(c => c.ResidentIdHash == hash
                && (c.Status == CandidateStatus.Active || c.Status == CandidateStatus.Admitted), ct))
            throw ValidationFailedException.For(nameof(Command.ResidentId), AlreadyCandidate);
        if (await MemberRecords.IsRegisteredAsync(db, hash, null, ct))
            throw ValidationFailedException.For(nameof(Command.ResidentId), AlreadyMember);
        var relativeIds = relatives.Select(r => r.MemberId).ToList();
        var found = await db.Members.Where(m => relativeIds.Contains(m.Id)).CountAsync(ct);
        if (found != relativeIds.Count) throw ValidationFailedException.For(nameof(Command.Relatives), "A relative is not a member in your scope.");

        var now = Clock.UtcNow(db.Time);
        var candidate = new Candidate
        {
            OrganizationId = branchId, RegionId = regionId, Name = name!, Gender = id.Gender, BirthDate = id.BirthDate,
            ResidentIdCipher = pii.Encrypt(id.Value), ResidentIdHash = hash, ResidentIdMasked = id.Masked, Occupation = occupation,
            AppliedOn = appliedOn, CurrentStep = 1, Stage = 1, LastDate = appliedOn, Status = CandidateStatus.Active, CreatedAt = now,
            DueStep = DevelopmentRules.TalkStep, DueOn = DevelopmentRules.TalkDueOn(appliedOn, rules),
        };
        // The candidate's id is needed for its first step: both saves commit together or not at all.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Add(candidate);
        await db.SaveChangesAsync(ct);
        db.Add(new DevelopmentStep
        {
            CandidateId = candidate.Id, OrganizationId = branchId, RegionId = regionId, Number = 1, Date = appliedOn,
            Notes = string.IsNullOrWhiteSpace(command.Notes) ? null : command.Notes.Trim(), RuleSetVersion = rules.Version,
            RecordedBy = db.Scope.Actor, RecordedAt = now,
        });
        foreach (var r in relatives)
            db.Add(new CandidateRelative { CandidateId = candidate.Id, OrganizationId = branchId, RegionId = regionId, MemberId = r.MemberId, Relation = r.Relation!.Trim() });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return candidate;
    }
}
