using Bastion.Data;
using Bastion.Shared;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Bastion.Web.Pages.Meetings;

/// <summary>What the meeting pages share: local times for display and input, and validation errors from the model state.</summary>
public static class MeetingPages
{
    public static DateTime Local(BastionDb db, DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), db.Time.LocalTimeZone);

    /// <summary>A datetime-local input (server local time) as UTC.</summary>
    public static DateTime? Utc(BastionDb db, DateTime? local) =>
        local is { } l ? TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(l, DateTimeKind.Unspecified), db.Time.LocalTimeZone) : null;

    public static string Input(DateTime local) => local.ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    public static Dictionary<string, string[]> BindingErrors(ModelStateDictionary state)
    {
        var errors = new Dictionary<string, string[]>();
        foreach (var (key, entry) in state)
            if (entry.Errors.Count > 0) errors[key] = entry.Errors.Select(e => e.ErrorMessage).ToArray();
        return errors;
    }

    public static Dictionary<string, string[]> RuleError(string field, string message) => new() { [field] = [message] };

    public static string Today(BastionDb db) => Clock.Today(db.Time).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
