using Bastion.Data;
using Bastion.Organizations;
using Bastion.Requests;
using Bastion.Shared;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Volunteering;

/// <summary>An organization in the caller's scope publishes a service activity or a pioneer post shift.</summary>
public static class PublishActivity
{
    public sealed record Command
    {
        public long? OrganizationId { get; init; }
        public ServiceActivityKind? Kind { get; init; }
        public string? Title { get; init; }
        public string? Description { get; init; }
        public DateOnly? HeldOn { get; init; }
        public string? Place { get; init; }
        public int? Capacity { get; init; }
    }

    public static async Task<ServiceActivity> HandleAsync(BastionDb db, Command command, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string[]>();
        if (command.OrganizationId is not { } orgId || !await db.Organizations.AnyAsync(o => o.Id == orgId, ct))
            errors[nameof(Command.OrganizationId)] = ["The organization must be in your scope."];
        if (command.Kind is not { } kind || !Enum.IsDefined(kind)) errors[nameof(Command.Kind)] = ["Choose the kind of activity."];
        var title = ServiceRequestRules.CleanText(command.Title);
        if (title.Length == 0) errors[nameof(Command.Title)] = ["The title is required."];
        else if (title.Length > VolunteeringRules.MaxTitle) errors[nameof(Command.Title)] = [$"The title may have at most {VolunteeringRules.MaxTitle} characters."];
        var place = ServiceRequestRules.CleanText(command.Place);
        if (place.Length == 0) errors[nameof(Command.Place)] = ["The place is required."];
        else if (place.Length > VolunteeringRules.MaxPlace) errors[nameof(Command.Place)] = [$"The place may have at most {VolunteeringRules.MaxPlace} characters."];
        var description = ServiceRequestRules.CleanText(command.Description);
        if (description.Length > VolunteeringRules.MaxText) errors[nameof(Command.Description)] = [$"The description may have at most {VolunteeringRules.MaxText} characters."];
        if (command.HeldOn is not { } on) errors[nameof(Command.HeldOn)] = ["The date is required."];
        else if (on < Clock.Today(db.Time)) errors[nameof(Command.HeldOn)] = ["An activity is published before it takes place."];
        if (command.Capacity is not (>= 1 and <= VolunteeringRules.MaxCapacity)) errors[nameof(Command.Capacity)] = [$"The capacity is 1 to {VolunteeringRules.MaxCapacity} people."];
        if (errors.Count > 0) throw new ValidationFailedException(errors);
        var activity = new ServiceActivity
        {
            OrganizationId = command.OrganizationId!.Value, Kind = command.Kind!.Value, Title = title, Description = description.Length == 0 ? null : description,
            HeldOn = command.HeldOn!.Value, Place = place, Capacity = command.Capacity!.Value, CreatedAt = Clock.UtcNow(db.Time),
        };
        db.Set<ServiceActivity>().Add(activity);
        await db.SaveChangesAsync(ct);
        return activity;
    }
}

/// <summary>
/// A member of the publishing organization's subtree signs up: refused when the activity is full, cancelled or past,
/// and a second sign-up by the same member is refused.
/// </summary>
public static class SignUpForActivity
{
    public static async Task<ServiceSignUp> HandleAsync(BastionDb db, long activityId, long? memberId, CancellationToken ct = default)
    {
        if (memberId is not { } mid) throw new DomainRuleException("service-not-member", "Only a member bound to this account can sign up.");
        var member = await db.Members.AsNoTracking().Where(m => m.Id == mid).Select(m => new { m.OrganizationId, m.Status }).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException($"Member {mid}");
        var activity = await db.Set<ServiceActivity>().IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(a => a.Id == activityId, ct)
            ?? throw new NotFoundException($"Activity {activityId}");
        var paths = await db.Organizations.IgnoreQueryFilters().Where(o => o.Id == activity.OrganizationId || o.Id == member.OrganizationId)
            .ToDictionaryAsync(o => o.Id, o => o.Path, ct);
        if (!TreePath.Contains(paths[activity.OrganizationId], paths[member.OrganizationId])) throw new NotFoundException($"Activity {activityId}");
        if (member.Status != Members.MemberStatus.Active) throw new DomainRuleException("service-inactive-member", "Only active members sign up.");
        if (activity.Cancelled) throw new DomainRuleException("service-cancelled", "This activity was cancelled.");
        if (activity.HeldOn < Clock.Today(db.Time)) throw new DomainRuleException("service-past", "This activity has already taken place.");

        // Taking the last places concurrently: a Serializable transaction made PostgreSQL abort one of two racing
        // sign-ups with a serialization failure (a 500). Instead the activity's row is locked first by a no-op UPDATE
        // (a row lock on PostgreSQL, the database write lock on SQLite), so racing sign-ups for one activity queue up
        // and each counts, under READ COMMITTED, the places its predecessors took: exactly Capacity succeed and the
        // rest get "service-full". The same UPDATE re-checks cancellation under the lock.
        await using var transaction = await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.ReadCommitted, ct);
        var locked = await db.Set<ServiceActivity>().IgnoreQueryFilters().Where(a => a.Id == activityId && !a.Cancelled)
            .ExecuteUpdateAsync(u => u.SetProperty(a => a.Capacity, a => a.Capacity), ct);
        if (locked == 0) throw new DomainRuleException("service-cancelled", "This activity was cancelled.");
        var signUps = db.Set<ServiceSignUp>().IgnoreQueryFilters().Where(s => s.ActivityId == activityId);
        if (await signUps.AnyAsync(s => s.MemberId == mid, ct)) throw new DomainRuleException("service-already-signed-up", "You have already signed up for this activity.");
        if (await signUps.CountAsync(ct) >= activity.Capacity) throw new DomainRuleException("service-full", "This activity is full: all places are taken.");
        var signUp = new ServiceSignUp { ActivityId = activityId, MemberId = mid, OrganizationId = member.OrganizationId, HeldOn = activity.HeldOn, SignedUpAt = Clock.UtcNow(db.Time) };
        db.Set<ServiceSignUp>().Add(signUp);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return signUp;
    }
}

/// <summary>The organizer records who attended and their service hours, for signed-up members only, on or after the day.</summary>
public static class RecordAttendance
{
    public sealed record Entry(long MemberId, bool Attended, double? Hours);

    public sealed record Command
    {
        public IReadOnlyList<Entry>? Entries { get; init; }
    }

    public static async Task<int> HandleAsync(BastionDb db, long activityId, Command command, CancellationToken ct = default)
    {
        var activity = await db.Set<ServiceActivity>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == activityId, ct) ?? throw new NotFoundException($"Activity {activityId}");
        if (activity.HeldOn > Clock.Today(db.Time)) throw new DomainRuleException("service-not-yet-held", "Attendance is recorded on or after the day of the activity.");
        var entries = command.Entries ?? [];
        var errors = new Dictionary<string, string[]>();
        if (entries.Count == 0) errors[nameof(Command.Entries)] = ["Record at least one member."];
        else if (entries.Select(e => e.MemberId).Distinct().Count() != entries.Count) errors[nameof(Command.Entries)] = ["Each member once."];
        var badHours = entries.Where(e => e.Attended && e.Hours is not { } h || e.Hours is { } x && (x < 0 || x > VolunteeringRules.MaxHours || x * 2 != Math.Floor(x * 2)))
            .Select(e => e.MemberId).ToList();
        if (badHours.Count > 0) errors["Hours"] = [$"Hours are 0 to {VolunteeringRules.MaxHours} in half hours, required for those who attended (members {string.Join(", ", badHours)})."];
        if (errors.Count > 0) throw new ValidationFailedException(errors);

        var ids = entries.Select(e => e.MemberId).ToList();
        var signUps = await db.Set<ServiceSignUp>().IgnoreQueryFilters().Where(s => s.ActivityId == activityId && ids.Contains(s.MemberId)).ToListAsync(ct);
        var missing = ids.Except(signUps.Select(s => s.MemberId)).ToList();
        if (missing.Count > 0) throw new ValidationFailedException(new Dictionary<string, string[]> { [nameof(Command.Entries)] = [$"Not signed up: members {string.Join(", ", missing)}."] });
        var byMember = entries.ToDictionary(e => e.MemberId);
        foreach (var s in signUps)
        {
            var e = byMember[s.MemberId];
            s.Attended = e.Attended;
            s.Hours = e.Attended ? e.Hours!.Value : 0;
        }
        await db.SaveChangesAsync(ct);
        return signUps.Count;
    }
}

public sealed record ActivityView(long Id, long OrganizationId, ServiceActivityKind Kind, string Title, string? Description, DateOnly HeldOn, string Place, int Capacity, bool Cancelled, int SignedUp);

public sealed record MemberActivityView(ActivityView Activity, bool SignedUp);

public sealed record SignUpView(long MemberId, string Name, long OrganizationId, DateTime SignedUpAt, bool? Attended, double Hours);

public sealed record MemberHours(long MemberId, string Name, long OrganizationId, int Activities, double Hours);

public static class VolunteeringQueries
{
    private static IQueryable<ActivityView> Views(BastionDb db, IQueryable<ServiceActivity> activities) =>
        activities.Select(a => new ActivityView(a.Id, a.OrganizationId, a.Kind, a.Title, a.Description, a.HeldOn, a.Place, a.Capacity, a.Cancelled,
            db.Set<ServiceSignUp>().IgnoreQueryFilters().Count(s => s.ActivityId == a.Id)));

    /// <summary>Activities published in the caller's scope, latest first.</summary>
    public static Task<List<ActivityView>> ListAsync(BastionDb db, CancellationToken ct = default) =>
        Views(db, db.Set<ServiceActivity>().AsNoTracking().OrderByDescending(a => a.HeldOn).ThenByDescending(a => a.Id).Take(200)).ToListAsync(ct);

    /// <summary>Upcoming activities a member may sign up for: published by the member's organization or one above it.</summary>
    public static async Task<List<MemberActivityView>> ForMemberAsync(BastionDb db, long memberId, CancellationToken ct = default)
    {
        var path = await db.Members.Where(m => m.Id == memberId)
            .Join(db.Organizations.IgnoreQueryFilters(), m => m.OrganizationId, o => o.Id, (m, o) => o.Path).FirstOrDefaultAsync(ct);
        if (path is null) return [];
        var lineage = TreePath.Ids(path).ToList();
        var today = Clock.Today(db.Time);
        return await db.Set<ServiceActivity>().IgnoreQueryFilters().AsNoTracking()
            .Where(a => lineage.Contains(a.OrganizationId) && !a.Cancelled && a.HeldOn >= today)
            .OrderBy(a => a.HeldOn).ThenBy(a => a.Id).Take(100)
            .Select(a => new MemberActivityView(
                new ActivityView(a.Id, a.OrganizationId, a.Kind, a.Title, a.Description, a.HeldOn, a.Place, a.Capacity, a.Cancelled,
                    db.Set<ServiceSignUp>().IgnoreQueryFilters().Count(s => s.ActivityId == a.Id)),
                db.Set<ServiceSignUp>().IgnoreQueryFilters().Any(s => s.ActivityId == a.Id && s.MemberId == memberId)))
            .ToListAsync(ct);
    }

    public static async Task<(ActivityView Activity, List<SignUpView> SignUps)?> DetailAsync(BastionDb db, long activityId, CancellationToken ct = default)
    {
        var activity = await Views(db, db.Set<ServiceActivity>().AsNoTracking().Where(a => a.Id == activityId)).FirstOrDefaultAsync(ct);
        if (activity is null) return null;
        var signUps = await (from s in db.Set<ServiceSignUp>().IgnoreQueryFilters().Where(s => s.ActivityId == activityId)
                             join m in db.Members.IgnoreQueryFilters() on s.MemberId equals m.Id
                             orderby s.SignedUpAt, s.Id
                             select new SignUpView(m.Id, m.Name, s.OrganizationId, s.SignedUpAt, s.Attended, s.Hours)).ToListAsync(ct);
        return (activity, signUps);
    }

    /// <summary>Members' service hours in a year, over the organization's subtree: one grouped statement.</summary>
    public static async Task<List<MemberHours>?> HoursPerYearAsync(BastionDb db, long organizationId, int year, CancellationToken ct = default)
    {
        var path = await db.Organizations.Where(o => o.Id == organizationId).Select(o => o.Path).FirstOrDefaultAsync(ct);
        if (path is null) return null;
        var upper = TreePath.UpperBound(path);
        var subtree = db.Organizations.Where(o => string.Compare(o.Path, path) >= 0 && string.Compare(o.Path, upper) < 0).Select(o => o.Id);
        var first = new DateOnly(year, 1, 1);
        var last = new DateOnly(year, 12, 31);
        return await (from s in db.Set<ServiceSignUp>().Where(s => s.Attended == true && s.HeldOn >= first && s.HeldOn <= last && subtree.Contains(s.OrganizationId))
                      join m in db.Members on s.MemberId equals m.Id
                      group s by new { m.Id, m.Name, m.OrganizationId } into g
                      orderby g.Sum(s => s.Hours) descending, g.Key.Id
                      select new MemberHours(g.Key.Id, g.Key.Name, g.Key.OrganizationId, g.Count(), g.Sum(s => s.Hours)))
            .Take(5000).ToListAsync(ct);
    }
}
