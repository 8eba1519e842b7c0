using Bastion.Data;
using Microsoft.Extensions.DependencyInjection;

namespace Bastion.Jobs;

/// <summary>
/// Work Bastion does by itself on a schedule (reminders, escalations, emails). A job runs with an unrestricted data
/// scope, reads the time from <see cref="BastionDb.Time"/> and must be idempotent: running it twice in a row changes
/// nothing the second time.
/// </summary>
public interface IBastionJob
{
    /// <summary>The name used by <c>bastion job run &lt;name&gt;</c>, e.g. "requests.escalate".</summary>
    string Name { get; }

    TimeSpan Interval { get; }

    /// <summary>Does one round of work and returns one line saying what it did.</summary>
    Task<string> RunAsync(BastionDb db, CancellationToken ct);
}

public static class BastionJobs
{
    /// <summary>Every job Bastion runs; the web host schedules them and the CLI runs them by name.</summary>
    public static IServiceCollection AddBastionJobs(this IServiceCollection services)
    {
        services.AddBastionJob<Notifications.NotificationEmailJob>();
        services.AddBastionJob<Compliance.ComplianceReminderJob>();
        services.AddBastionJob<Requests.RequestDeadlinesJob>();
        services.AddBastionJob<Directives.OverdueDirectivesJob>();
        services.AddBastionJob<Study.StudyTargetsJob>();
        services.AddBastionJob<Discipline.DisciplineDeadlinesJob>();
        services.AddBastionJob<Strength.StrengthAssessmentJob>();
        services.AddBastionJob<Rectification.RectificationOverdueJob>();
        return services;
    }

    public static IServiceCollection AddBastionJob<T>(this IServiceCollection services) where T : class, IBastionJob
    {
        services.AddScoped<T>();
        services.AddScoped<IBastionJob>(sp => sp.GetRequiredService<T>());
        return services;
    }

    /// <summary>The job called <paramref name="name"/> among the registered ones, or a clear error listing them.</summary>
    public static IBastionJob Find(IServiceProvider scoped, string name)
    {
        var jobs = scoped.GetServices<IBastionJob>().ToList();
        return jobs.FirstOrDefault(j => string.Equals(j.Name, name, StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException($"There is no job called '{name}'. Jobs: {string.Join(", ", jobs.Select(j => j.Name).Order())}.");
    }
}
