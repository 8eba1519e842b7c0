using Bastion.Attachments;
using Bastion.Audit;
using Bastion.Data;
using Bastion.Notifications;
using Bastion.Organizations;
using Bastion.Requests;
using Bastion.Security;
using Bastion.Shared;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Discipline;

/// <summary>A file the reporter attaches as evidence, already read into memory (at most the upload limit).</summary>
public sealed record EvidenceFile(string FileName, byte[] Content);

/// <summary>
/// Files a report from the public page, the member page or the API. Whoever is signed in, the report is written
/// through <see cref="DisciplineAudit.ReporterContext"/>: no user id, no address, no time finer than the day.
/// </summary>
public static class SubmitMisconductReport
{
    public const string EvidenceOwnerType = nameof(MisconductReport);

    public sealed record Command
    {
        public MisconductCategory? Category { get; init; }
        public long? OrganizationId { get; init; }
        /// <summary>The member concerned, when the caller can name the record (the API).</summary>
        public long? MemberId { get; init; }
        /// <summary>The person concerned as the reporter names them.</summary>
        public string? PersonName { get; init; }
        public string? Account { get; init; }
        public string? HappenedWhen { get; init; }
        public bool Anonymous { get; init; } = true;
        public string? ReporterName { get; init; }
        public string? ReporterContact { get; init; }
    }

    /// <summary>What the reporter must keep: the code and the secret, shown once.</summary>
    public sealed record Receipt(long Id, string TrackingCode, string Secret);

    public static async Task<Receipt> HandleAsync(BastionDb db, PiiProtector pii, AttachmentStore store, Command c, IReadOnlyList<EvidenceFile> evidence, CancellationToken ct = default)
    {
        var errors = Validate(c);
        CheckEvidence(evidence, store, errors);
        if (errors.Count > 0) throw new ValidationFailedException(errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
        var personName = Blank(MisconductRules.CleanText(c.PersonName));
        var route = await MisconductRouting.ResolveAsync(db, c.OrganizationId!.Value, c.MemberId, personName, ct);
        var receiverPath = await db.Organizations.IgnoreQueryFilters().Where(o => o.Id == route.ReceiverId).Select(o => o.Path).FirstAsync(ct);

        await using var reporterDb = DisciplineAudit.ReporterContext(db);
        var rules = DisciplineRuleSet.Load();
        var today = Clock.Today(reporterDb.Time);
        var secret = ReporterSecret.New();
        var reporter = c.Anonymous ? null : $"{MisconductRules.CleanText(c.ReporterName)} {MisconductRules.CleanText(c.ReporterContact)}".Trim();
        var report = new MisconductReport
        {
            OrganizationId = route.ReceiverId, RegionId = route.RegionId, TrackingCode = await UniqueCodeAsync(reporterDb, ct),
            SecretHash = ReporterSecret.Hash(secret), Category = c.Category!.Value, ConcernedOrganizationId = c.OrganizationId.Value,
            ConcernedMemberId = route.ConcernedMemberId, ConcernedPersonName = personName,
            Account = MisconductRules.CleanText(c.Account), HappenedWhen = Blank(MisconductRules.CleanText(c.HappenedWhen)),
            IsAnonymous = c.Anonymous, ReporterCipher = reporter is null ? null : pii.Encrypt(reporter),
            ReporterMasked = reporter is null ? null : MisconductRules.MaskReporter(reporter),
            ReceivedOn = today, DecideDueOn = today.AddDays(rules.DecideDays), RuleSetVersion = rules.Version, UpdatedOn = today,
        };
        await using var transaction = await reporterDb.Database.BeginTransactionAsync(ct);
        reporterDb.Set<MisconductReport>().Add(report);
        await DisciplineAudit.SaveUnauditedAsync(reporterDb, ct);
        reporterDb.Set<MisconductReportEvent>().Add(new MisconductReportEvent { ReportId = report.Id, Kind = MisconductEventKind.Received, On = today });
        foreach (var file in evidence)
            await store.AddAsync(reporterDb, report.OrganizationId, EvidenceOwnerType, report.Id, file.FileName, new MemoryStream(file.Content), ct);
        await NotifyAsync(reporterDb, receiverPath, report.Id, "discipline.received", "收到问题线索举报 / New misconduct report",
            "本级收到一件问题线索举报，请在期限内决定是否受理。", ct);
        await DisciplineAudit.SaveAsync(reporterDb, AuditActions.Create, report.Id,
            new { report.OrganizationId, Category = report.Category.ToString(), Evidence = evidence.Count }, ct);
        await transaction.CommitAsync(ct);
        return new Receipt(report.Id, report.TrackingCode, secret);
    }

    internal static async Task NotifyAsync(BastionDb db, string receiverPath, long reportId, string kind, string title, string body, CancellationToken ct)
    {
        var staff = await DisciplineAudit.StaffAboveAsync(db, receiverPath, ct);
        await Notifier.ToUsersAsync(db, staff, new NotificationMessage(kind, title, body, $"/Discipline/Details/{reportId}", $"{kind}:{reportId}:{Clock.Today(db.Time):yyyy-MM-dd}"), ct);
    }

    private static Dictionary<string, List<string>> Validate(Command c)
    {
        var errors = new Dictionary<string, List<string>>();
        void Error(string field, string message) => (errors.TryGetValue(field, out var list) ? list : errors[field] = []).Add(message);
        if (c.Category is not { } category || !Enum.IsDefined(category)) Error(nameof(Command.Category), "Choose a category.");
        if (c.OrganizationId is null) Error(nameof(Command.OrganizationId), "Choose the organization the report is about.");
        var account = MisconductRules.CleanText(c.Account);
        if (account.Length == 0) Error(nameof(Command.Account), "Describe what happened.");
        else if (account.Length > MisconductRules.MaxAccount) Error(nameof(Command.Account), $"The account may have at most {MisconductRules.MaxAccount} characters.");
        if (MisconductRules.CleanText(c.PersonName).Length > MisconductRules.MaxName) Error(nameof(Command.PersonName), $"The name may have at most {MisconductRules.MaxName} characters.");
        if (MisconductRules.CleanText(c.HappenedWhen).Length > MisconductRules.MaxWhen) Error(nameof(Command.HappenedWhen), $"At most {MisconductRules.MaxWhen} characters.");
        if (!c.Anonymous)
        {
            if (MisconductRules.CleanText(c.ReporterName).Length == 0) Error(nameof(Command.ReporterName), "A named report gives the reporter's name.");
            if (MisconductRules.CleanText(c.ReporterContact).Length == 0) Error(nameof(Command.ReporterContact), "A named report gives a phone number or address for the answer.");
            if ($"{c.ReporterName} {c.ReporterContact}".Trim().Length > MisconductRules.MaxReporter) Error(nameof(Command.ReporterContact), $"Name and contact together have at most {MisconductRules.MaxReporter} characters.");
        }
        return errors;
    }

    /// <summary>Evidence: at most <see cref="MisconductRules.MaxEvidence"/> files, each within the upload limit and of an accepted type by content.</summary>
    internal static void CheckEvidence(IReadOnlyList<EvidenceFile> evidence, AttachmentStore store, Dictionary<string, List<string>> errors)
    {
        var problems = new List<string>();
        if (evidence.Count > MisconductRules.MaxEvidence) problems.Add($"At most {MisconductRules.MaxEvidence} files.");
        foreach (var file in evidence)
        {
            if (file.Content.Length == 0) problems.Add($"{file.FileName}: the file is empty.");
            else if (file.Content.Length > store.MaxBytes) problems.Add($"{file.FileName}: the file is larger than {store.MaxBytes / (1024 * 1024)} MB.");
            else if (AttachmentStore.Sniff(file.Content) is null) problems.Add($"{file.FileName}: only pictures (JPEG, PNG, WebP), PDF, Word (.docx) and Excel (.xlsx) files.");
        }
        if (problems.Count > 0) errors["Evidence"] = problems;
    }

    private static async Task<string> UniqueCodeAsync(BastionDb db, CancellationToken ct)
    {
        while (true)
        {
            var code = TrackingCode.New();
            if (!await db.Set<MisconductReport>().IgnoreQueryFilters().AnyAsync(r => r.TrackingCode == code, ct)) return code;
        }
    }

    private static string? Blank(string text) => text.Length == 0 ? null : text;
}

/// <summary>The organizations a report may be about, for the forms: active, not party groups, in tree order.</summary>
public static class ReportableOrganizations
{
    public const int Max = 5000;

    public sealed record Choice(long Id, string Name, int Depth);

    public static Task<List<Choice>> ListAsync(BastionDb db, CancellationToken ct = default) =>
        db.Organizations.IgnoreQueryFilters().Where(o => o.Status == OrganizationStatus.Active && o.Kind != OrganizationKind.Group)
            .OrderBy(o => o.Path).Take(Max).Select(o => new Choice(o.Id, o.Name, o.Depth)).ToListAsync(ct);
}
