namespace Bastion.Shared;

/// <summary>A broken business rule, named. The API answers 409/422 with the rule's name; pages show the message.</summary>
public class DomainRuleException(string rule, string message) : Exception(message)
{
    public string Rule { get; } = rule;
}

/// <summary>Input that fails validation, with messages per field.</summary>
public class ValidationFailedException(IDictionary<string, string[]> errors)
    : Exception("One or more fields are not valid: " + string.Join(", ", errors.Keys))
{
    public IDictionary<string, string[]> Errors { get; } = errors;

    public static ValidationFailedException For(string field, string message) => new(new Dictionary<string, string[]> { [field] = [message] });
}

/// <summary>An id that does not exist or is outside the caller's data scope: both answer 404.</summary>
public class NotFoundException(string what) : Exception($"{what} was not found.");
