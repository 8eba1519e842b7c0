using Bastion.Data;
using Bastion.Identity;
using Bastion.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Bastion.Discipline;

/// <summary>
/// What the audit log learns about reports: who did what to which report, never what the report says. Row-level
/// capture (which would copy the account, the names and the reporter's words into the log, readable by
/// administrators) is switched off for these saves and replaced by one explicit event without content.
/// </summary>
public static class DisciplineAudit
{
    public const string Entity = nameof(MisconductReport);
    public const string Read = "Read";
    public const string List = "List";
    public const string Export = "Export";
    public const string ReadEvidence = "ReadEvidence";
    public const string RevealReporter = "RevealReporter";
    public const string ReporterRead = "ReporterRead";
    public const string Supplement = "Supplement";
    public const string Anonymous = "anonymous";

    /// <summary>Saves the pending changes with one audit event <paramref name="action"/> for the report, without row capture.</summary>
    public static async Task SaveAsync(BastionDb db, string action, long reportId, object? detail, CancellationToken ct)
    {
        var suppressed = db.SuppressRowAudit;
        db.SuppressRowAudit = true;
        try
        {
            db.Record(action, Entity, reportId.ToString(System.Globalization.CultureInfo.InvariantCulture), detail);
            await db.SaveChangesAsync(ct);
        }
        finally { db.SuppressRowAudit = suppressed; }
    }

    /// <summary>Saves without any audit event (the first insert of a report, whose event follows once its id is known).</summary>
    internal static async Task SaveUnauditedAsync(BastionDb db, CancellationToken ct)
    {
        var suppressed = db.SuppressRowAudit;
        db.SuppressRowAudit = true;
        try { await db.SaveChangesAsync(ct); }
        finally { db.SuppressRowAudit = suppressed; }
    }

    /// <summary>
    /// A context for what a reporter does: the actor is "anonymous" whoever is signed in, and its clock stops at the
    /// start of the day, so the audit events, evidence rows and notifications it writes carry the day only.
    /// </summary>
    public static BastionDb ReporterContext(BastionDb db)
    {
        var options = (DbContextOptions<BastionDb>)db.GetService<IDbContextOptions>();
        return new BastionDb(options, new FixedDataScope(TreePath.Everything, Anonymous), new DayClock(db.Time));
    }

    /// <summary>The discipline staff of the nearest level at or above <paramref name="organizationPath"/> that has any.</summary>
    public static async Task<List<long>> StaffAboveAsync(BastionDb db, string organizationPath, CancellationToken ct)
    {
        var chain = TreePath.Ids(organizationPath).ToList();
        var staff = await db.Users.Where(u => u.Role == BastionRoles.Discipline && chain.Contains(u.OrganizationId))
            .Select(u => new { u.Id, u.OrganizationId }).ToListAsync(ct);
        var nearest = staff.OrderByDescending(s => chain.IndexOf(s.OrganizationId)).Select(s => s.OrganizationId).FirstOrDefault();
        return staff.Where(s => s.OrganizationId == nearest).Select(s => s.Id).ToList();
    }
}

/// <summary>A clock that tells only the day: the start of today in the local time zone.</summary>
public sealed class DayClock(TimeProvider inner) : TimeProvider
{
    public override TimeZoneInfo LocalTimeZone => inner.LocalTimeZone;

    public override DateTimeOffset GetUtcNow()
    {
        var local = TimeZoneInfo.ConvertTime(inner.GetUtcNow(), inner.LocalTimeZone);
        return new DateTimeOffset(local.Date, local.Offset).ToUniversalTime();
    }
}
