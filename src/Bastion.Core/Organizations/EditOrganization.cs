using Bastion.Data;
using Bastion.Shared;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Organizations;

/// <summary>Replaces an organization's name and attributes (unit type, tags, division code, founding date, term).</summary>
public static class EditOrganization
{
    /// <summary>Longest recorded term: 5 years plus the one-year extension the rules allow (DOMAIN §2).</summary>
    public const int MaxTermYears = CommitteeTerm.CommitteeYears + 1;

    public sealed record Command
    {
        public string? Name { get; init; }
        public UnitType? UnitType { get; init; }
        public NewBusinessTags NewBusinessTags { get; init; }
        public string? DivisionCode { get; init; }
        public DateOnly? FoundedOn { get; init; }
        public DateOnly? TermStartedOn { get; init; }
        /// <summary>Null takes the rule's default for the kind and unit type.</summary>
        public int? TermYears { get; init; }
    }

    public static async Task<Organization> HandleAsync(BastionDb db, long id, Command command, CancellationToken ct = default)
    {
        var today = Clock.Today(db.Time);
        var errors = Validate(command, today);
        if (errors.Count > 0) throw new ValidationFailedException(errors);

        var org = await db.Organizations.AsTracking().FirstOrDefaultAsync(o => o.Id == id, ct) ?? throw new NotFoundException($"Organization {id}");
        if (command.TermStartedOn is not null && CommitteeTerm.DefaultYears(org.Kind, command.UnitType) is null)
            throw ValidationFailedException.For(nameof(Command.TermStartedOn), "A party group has no committee and no term.");
        if (org.Name != command.Name!.Trim())
            OrganizationHistory.Add(db, org.Id, OrganizationEventKind.Renamed, $"{org.Name} → {command.Name!.Trim()}");
        org.Name = command.Name!.Trim();
        org.UnitType = command.UnitType;
        org.NewBusinessTags = command.NewBusinessTags;
        org.DivisionCode = string.IsNullOrWhiteSpace(command.DivisionCode) ? null : command.DivisionCode.Trim();
        org.FoundedOn = command.FoundedOn;
        org.TermStartedOn = command.TermStartedOn;
        org.TermYears = command.TermYears;
        await db.SaveChangesAsync(ct);
        return org;
    }

    /// <summary>Field → messages; empty when the command is valid.</summary>
    public static Dictionary<string, string[]> Validate(Command command, DateOnly today)
    {
        var errors = new Dictionary<string, string[]>();
        var name = command.Name?.Trim();
        if (string.IsNullOrEmpty(name)) errors[nameof(Command.Name)] = ["A name is required."];
        else if (name.Length > 200) errors[nameof(Command.Name)] = ["A name has at most 200 characters."];
        if (command.UnitType is { } type && !Enum.IsDefined(type)) errors[nameof(Command.UnitType)] = ["Choose a unit type from the list."];
        const NewBusinessTags all = NewBusinessTags.NewIndustry | NewBusinessTags.NewBusinessForm | NewBusinessTags.NewModel;
        if ((command.NewBusinessTags & ~all) != 0) errors[nameof(Command.NewBusinessTags)] = ["Unknown new-business tag."];
        if (!string.IsNullOrWhiteSpace(command.DivisionCode) && !Organizations.DivisionCode.IsValid(command.DivisionCode.Trim()))
            errors[nameof(Command.DivisionCode)] = ["An administrative division code has 6 digits (GB/T 2260), e.g. 350102."];
        if (command.FoundedOn > today) errors[nameof(Command.FoundedOn)] = ["The founding date cannot be in the future."];
        if (command.TermStartedOn > today) errors[nameof(Command.TermStartedOn)] = ["The term cannot start in the future."];
        else if (command.TermStartedOn < command.FoundedOn) errors[nameof(Command.TermStartedOn)] = ["The term cannot start before the organization was founded."];
        if (command.TermYears is < 1 or > MaxTermYears) errors[nameof(Command.TermYears)] = [$"A term lasts 1 to {MaxTermYears} years."];
        return errors;
    }
}
