namespace Bastion.Members;

/// <summary>
/// The fields of a member record as entered (form, API or one roster row), before any database check.
/// Gender and birth date may be left out: the resident ID number carries both.
/// </summary>
public sealed record MemberInput
{
    public string? Name { get; init; }
    public Gender? Gender { get; init; }
    public DateOnly? BirthDate { get; init; }
    public string? ResidentId { get; init; }
    public string? Phone { get; init; }
    public string? Ethnicity { get; init; }
    public Education? Education { get; init; }
    public string? Occupation { get; init; }
    public DateOnly? JoinedOn { get; init; }
    public DateOnly? FullOn { get; init; }
    public MemberCategory? Category { get; init; }
}

/// <summary>A member record that passed <see cref="MemberRules.Check"/>: normalized and ready to store.</summary>
public sealed record CheckedMember(
    string Name, Gender Gender, DateOnly BirthDate, ResidentId ResidentId, string? Phone, string? Ethnicity,
    Education? Education, string? Occupation, DateOnly JoinedOn, DateOnly? FullOn, MemberCategory Category);

/// <summary>The pure rules of a member record (DOMAIN §10, party constitution art. 1: at least 18 years old).</summary>
public static class MemberRules
{
    public const int MinimumAge = 18;
    public const int NameMaxLength = 100;
    public const int EthnicityMaxLength = 20;
    public const int OccupationMaxLength = 100;

    /// <summary>Checks every field; returns the normalized record, or null with the errors per field.</summary>
    public static CheckedMember? Check(MemberInput input, DateOnly today, out Dictionary<string, string[]> errors)
    {
        var e = new Dictionary<string, List<string>>();
        void Add(string field, string message)
        {
            if (!e.TryGetValue(field, out var list)) e[field] = list = [];
            list.Add(message);
        }

        var name = input.Name?.Trim();
        if (string.IsNullOrEmpty(name)) Add(nameof(MemberInput.Name), "A name is required.");
        else if (name.Length > NameMaxLength) Add(nameof(MemberInput.Name), $"A name has at most {NameMaxLength} characters.");

        ResidentId? id = null;
        if (string.IsNullOrWhiteSpace(input.ResidentId)) Add(nameof(MemberInput.ResidentId), "The resident ID number is required.");
        else
        {
            id = ResidentId.TryParse(input.ResidentId, out var idError);
            if (id is null) Add(nameof(MemberInput.ResidentId), idError!);
        }
        if (id is not null)
        {
            if (BirthDateDisagrees(id, input.BirthDate))
                Add(nameof(MemberInput.BirthDate), $"The birth date does not agree with the resident ID number, which gives {id.BirthDate:yyyy-MM-dd}.");
            if (GenderDisagrees(id, input.Gender))
                Add(nameof(MemberInput.Gender), $"The gender does not agree with the resident ID number, which gives {id.Gender}.");
            if (id.BirthDate > today) Add(nameof(MemberInput.ResidentId), "The birth date in the resident ID number lies in the future.");
        }
        if (input.Gender is { } g && !Enum.IsDefined(g)) Add(nameof(MemberInput.Gender), "Choose Male or Female.");

        string? phone = null;
        if (!string.IsNullOrWhiteSpace(input.Phone))
        {
            phone = NormalizePhone(input.Phone);
            if (phone is null) Add(nameof(MemberInput.Phone), "A mobile number has 11 digits and starts with 1 (e.g. 13812345678).");
        }

        var ethnicity = Blank(input.Ethnicity);
        if (ethnicity?.Length > EthnicityMaxLength) Add(nameof(MemberInput.Ethnicity), $"The ethnicity has at most {EthnicityMaxLength} characters.");
        var occupation = Blank(input.Occupation);
        if (occupation?.Length > OccupationMaxLength) Add(nameof(MemberInput.Occupation), $"The occupation has at most {OccupationMaxLength} characters.");
        if (input.Education is { } ed && !Enum.IsDefined(ed)) Add(nameof(MemberInput.Education), "Choose an education level from the list.");

        if (input.Category is null || !Enum.IsDefined(input.Category.Value)) Add(nameof(MemberInput.Category), "Choose a category: Full or Probationary.");

        var birth = id?.BirthDate ?? input.BirthDate;
        if (input.JoinedOn is null) Add(nameof(MemberInput.JoinedOn), "The date joined is required.");
        else
        {
            if (input.JoinedOn > today) Add(nameof(MemberInput.JoinedOn), "The date joined cannot lie in the future.");
            if (birth is { } b && !IsOldEnoughToJoin(b, input.JoinedOn.Value))
                Add(nameof(MemberInput.JoinedOn), $"A member must be at least {MinimumAge} years old on the date joined.");
        }

        foreach (var message in FullOnProblems(input.Category, input.JoinedOn, input.FullOn, today))
            Add(nameof(MemberInput.FullOn), message);

        errors = e.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray());
        if (errors.Count > 0) return null;
        return new CheckedMember(name!, id!.Gender, id.BirthDate, id, phone, ethnicity, input.Education, occupation,
            input.JoinedOn!.Value, input.FullOn, input.Category!.Value);
    }

    public static bool BirthDateDisagrees(ResidentId id, DateOnly? birthDate) => birthDate is { } d && d != id.BirthDate;

    public static bool GenderDisagrees(ResidentId id, Gender? gender) => gender is { } g && Enum.IsDefined(g) && g != id.Gender;

    /// <summary>At least 18 on the day joined (the birthday itself counts).</summary>
    public static bool IsOldEnoughToJoin(DateOnly birthDate, DateOnly joinedOn) => birthDate.AddYears(MinimumAge) <= joinedOn;

    /// <summary>转正时间: required for full members, absent for probationary ones, never before joining or in the future.</summary>
    public static IEnumerable<string> FullOnProblems(MemberCategory? category, DateOnly? joinedOn, DateOnly? fullOn, DateOnly today)
    {
        if (category == MemberCategory.Probationary && fullOn is not null)
            yield return "A probationary member has no date made full.";
        if (category == MemberCategory.Full && fullOn is null)
            yield return "A full member needs the date made full.";
        if (fullOn is { } f && joinedOn is { } j && f < j)
            yield return "The date made full cannot be before the date joined.";
        if (fullOn > today)
            yield return "The date made full cannot lie in the future.";
    }

    /// <summary>Mainland mobile numbers: 11 digits starting with 1; spaces, dashes and a +86 prefix are dropped.</summary>
    public static string? NormalizePhone(string input)
    {
        var digits = new string(input.Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray());
        if (digits.StartsWith("+86", StringComparison.Ordinal)) digits = digits[3..];
        return digits.Length == 11 && digits[0] == '1' && digits.All(char.IsAsciiDigit) ? digits : null;
    }

    public static string MaskPhone(string phone) => phone.Length == 11 ? phone[..3] + "****" + phone[7..] : new string('*', phone.Length);

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

}
