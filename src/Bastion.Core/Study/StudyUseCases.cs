using Bastion.Attachments;
using Bastion.Cascades;
using Bastion.Content;
using Bastion.Data;
using Bastion.Members;
using Bastion.Shared;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Study;

internal static class StudyInput
{
    public static string? Text(Dictionary<string, string[]> errors, string field, string? value, int max, string? requiredMessage)
    {
        var v = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        if (v is null && requiredMessage is not null) errors[field] = [requiredMessage];
        else if (v is { } s && s.Length > max) errors[field] = [$"At most {max} characters."];
        return v;
    }

    /// <summary>学时 are counted in half hours: positive multiples of 0.5 up to <paramref name="max"/>.</summary>
    public static bool IsValidHours(double? hours, double max) => hours is { } h && h > 0 && h <= max && Math.Abs(h * 2 - Math.Round(h * 2)) < 1e-9;
}

/// <summary>Publishes a study material for an organization's subtree; its minimum study time follows from its length and the rule set.</summary>
public static class PublishMaterial
{
    public sealed record Command
    {
        public string? Title { get; init; }
        public MaterialKind? Kind { get; init; }
        public string? Body { get; init; }
        public string? Url { get; init; }
        /// <summary>Running time of a video or audio, or the expected reading time of a document; ignored for articles (computed).</summary>
        public int? LengthMinutes { get; init; }
        public double? CreditHours { get; init; }
        public long? CampaignId { get; init; }
    }

    public static async Task<StudyMaterial> HandleAsync(BastionDb db, AttachmentStore? store, long organizationId, Command command, EvidenceDocument? document = null, CancellationToken ct = default)
    {
        var org = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == organizationId, ct) ?? throw new NotFoundException($"Organization {organizationId}");
        var rules = StudyRuleSet.Load();
        var errors = new Dictionary<string, string[]>();
        var title = StudyInput.Text(errors, nameof(Command.Title), command.Title, 200, "Give the material a title.");
        if (command.Kind is not { } kind || !Enum.IsDefined(kind)) { errors[nameof(Command.Kind)] = ["Choose the kind of material."]; kind = 0; }
        var body = StudyInput.Text(errors, nameof(Command.Body), command.Body, 100000, kind == MaterialKind.Article ? "Write the article." : null);
        var url = StudyInput.Text(errors, nameof(Command.Url), command.Url, 1000, kind is MaterialKind.Video or MaterialKind.Audio ? "Give the address of the video or audio." : null);
        if (url is not null && (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
            errors[nameof(Command.Url)] = ["Give an http or https address."];
        int length = 0;
        if (kind == MaterialKind.Article) length = body is null ? 0 : rules.ReadingMinutes(SafeMarkdown.ToPlainText(body).Length);
        else if (command.LengthMinutes is not { } l || l is < 1 or > 1440) errors[nameof(Command.LengthMinutes)] = ["Give the length in minutes (1–1440)."];
        else length = l;
        if (!StudyInput.IsValidHours(command.CreditHours, 56)) errors[nameof(Command.CreditHours)] = ["Give the credit hours in half hours, more than 0 and at most 56."];
        if (kind == MaterialKind.Document && document is null) errors[AttachmentStore.Field] = ["Attach the document."];
        if (command.CampaignId is { } cid && !await StudyQueries.VisibleCampaigns(db).AnyAsync(c => c.Id == cid, ct)) errors[nameof(Command.CampaignId)] = ["Unknown campaign."];
        if (errors.Count > 0) throw new ValidationFailedException(errors);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        Attachment? file = null;
        if (document is not null)
        {
            if (store is null) throw new InvalidOperationException("A document needs the attachment store.");
            file = await store.AddAsync(db, org.Id, StudyQueries.MaterialOwner, 0, document.FileName, document.Content, ct);
            await db.SaveChangesAsync(ct);
        }
        var material = new StudyMaterial
        {
            OrganizationId = org.Id, PublisherPath = org.Path, CampaignId = command.CampaignId, Title = title!, Kind = kind, Body = body, Url = url,
            AttachmentId = file?.Id, CreditHours = command.CreditHours!.Value, LengthMinutes = length, MinimumMinutes = rules.MinimumMinutes(length),
            CreatedAt = Clock.UtcNow(db.Time), CreatedBy = db.Scope.Actor,
        };
        db.Set<StudyMaterial>().Add(material);
        await db.SaveChangesAsync(ct);
        if (file is not null)
        {
            file.OwnerId = material.Id;
            await db.SaveChangesAsync(ct);
        }
        // A new material of an assigned campaign is one more to complete: its targets are recomputed.
        if (material.CampaignId is { } campaignId) await StudyTargets.RefreshCampaignAsync(db, campaignId, null, ct);
        await transaction.CommitAsync(ct);
        return material;
    }
}

public sealed record EvidenceDocument(string FileName, Stream Content);

/// <summary>Creates a study campaign and, when targets are given, assigns it down the tree (due at its end).</summary>
public static class CreateCampaign
{
    public sealed record Command
    {
        public string? Title { get; init; }
        public string? Description { get; init; }
        public DateOnly? StartsOn { get; init; }
        public DateOnly? EndsOn { get; init; }
        public TargetSelection? Targets { get; init; }
    }

    public static async Task<StudyCampaign> HandleAsync(BastionDb db, long organizationId, Command command, CancellationToken ct = default)
    {
        var org = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == organizationId, ct) ?? throw new NotFoundException($"Organization {organizationId}");
        var errors = new Dictionary<string, string[]>();
        var title = StudyInput.Text(errors, nameof(Command.Title), command.Title, 200, "Give the campaign a title.");
        var description = StudyInput.Text(errors, nameof(Command.Description), command.Description, 4000, null);
        if (command.StartsOn is null) errors[nameof(Command.StartsOn)] = ["Give the start date."];
        if (command.EndsOn is not { } ends) errors[nameof(Command.EndsOn)] = ["Give the end date."];
        else if (command.StartsOn is { } starts && ends < starts) errors[nameof(Command.EndsOn)] = ["The end may not precede the start."];
        else if (command.Targets is not null && ends < Clock.Today(db.Time)) errors[nameof(Command.EndsOn)] = ["An assigned campaign may not end in the past."];
        if (errors.Count > 0) throw new ValidationFailedException(errors);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        long? cascadeId = null;
        if (command.Targets is not null)
            cascadeId = (await IssueCascade.HandleAsync(db, org, CascadeSubject.Study, title!, command.EndsOn!.Value, command.Targets, nameof(Command.Targets), ct)).Id;
        var campaign = new StudyCampaign
        {
            OrganizationId = org.Id, PublisherPath = org.Path, Title = title!, Description = description, StartsOn = command.StartsOn!.Value, EndsOn = command.EndsOn!.Value,
            CascadeId = cascadeId, CreatedAt = Clock.UtcNow(db.Time), CreatedBy = db.Scope.Actor,
        };
        db.Set<StudyCampaign>().Add(campaign);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return campaign;
    }
}

/// <summary>
/// A member starts and finishes studying a material; the server measures the time. Below the material's minimum the
/// record is kept but does not count; a material credits its hours once per member.
/// </summary>
public static class StudySessions
{
    public const string TooShortRule = "Study.TooShort";

    public static async Task<StudyRecord> StartAsync(BastionDb db, long memberId, long materialId, CancellationToken ct = default)
    {
        var member = await db.Members.AsNoTracking().FirstOrDefaultAsync(m => m.Id == memberId, ct) ?? throw new NotFoundException($"Member {memberId}");
        if (member.Status != MemberStatus.Active) throw new DomainRuleException("Study.InactiveMember", "Only active members record study.");
        if (!await StudyQueries.VisibleMaterials(db).AnyAsync(m => m.Id == materialId, ct)) throw new NotFoundException($"Material {materialId}");
        var now = Clock.UtcNow(db.Time);
        var record = new StudyRecord
        {
            MemberId = member.Id, OrganizationId = member.OrganizationId, MaterialId = materialId, StartedAt = now, Year = Clock.Today(db.Time).Year,
        };
        db.Set<StudyRecord>().Add(record);
        await db.SaveChangesAsync(ct);
        return record;
    }

    public static async Task<StudyRecord> FinishAsync(BastionDb db, long memberId, long recordId, CancellationToken ct = default)
    {
        var record = await db.Set<StudyRecord>().AsTracking().FirstOrDefaultAsync(r => r.Id == recordId && r.MemberId == memberId, ct) ?? throw new NotFoundException($"Study record {recordId}");
        if (record.FinishedAt is not null) throw new DomainRuleException("Study.AlreadyFinished", "This study session is already finished.");
        var material = await db.Set<StudyMaterial>().AsNoTracking().FirstAsync(m => m.Id == record.MaterialId, ct);
        var now = Clock.UtcNow(db.Time);
        record.FinishedAt = now;
        record.Minutes = (int)Math.Floor((now - record.StartedAt).TotalMinutes);
        var alreadyCounted = await db.Set<StudyRecord>().AnyAsync(r => r.MemberId == memberId && r.MaterialId == record.MaterialId && r.Counted && r.Id != record.Id, ct);
        record.Counted = !alreadyCounted && record.Minutes >= material.MinimumMinutes;
        record.Hours = record.Counted ? material.CreditHours : 0;
        if (!record.Counted || material.CampaignId is not { } campaignId)
        {
            await db.SaveChangesAsync(ct);
            return record;
        }
        // A counted study of a campaign's material moves the study targets of the member's organization and of the
        // organizations above it, in the same transaction: the roll-up shows it at once.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        var path = await db.Organizations.IgnoreQueryFilters().Where(o => o.Id == record.OrganizationId).Select(o => o.Path).FirstAsync(ct);
        await StudyTargets.RefreshCampaignAsync(db, campaignId, Organizations.TreePath.Ids(path).ToList(), ct);
        await transaction.CommitAsync(ct);
        return record;
    }
}

/// <summary>Records an offline training session (集中培训) and its attendance, crediting each attendee the session's hours.</summary>
public static class RecordTraining
{
    public sealed record Command
    {
        public string? Title { get; init; }
        public DateOnly? HeldOn { get; init; }
        public string? Location { get; init; }
        /// <summary>"full" (a full day), "half" (half a day) or null with <see cref="Hours"/>.</summary>
        public string? Duration { get; init; }
        public double? Hours { get; init; }
        public long? CampaignId { get; init; }
        public IReadOnlyList<long>? MemberIds { get; init; }
    }

    public static async Task<TrainingSession> HandleAsync(BastionDb db, long organizationId, Command command, CancellationToken ct = default)
    {
        var org = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == organizationId, ct) ?? throw new NotFoundException($"Organization {organizationId}");
        var rules = StudyRuleSet.Load();
        var errors = new Dictionary<string, string[]>();
        var title = StudyInput.Text(errors, nameof(Command.Title), command.Title, 200, "Give the session a title.");
        var location = StudyInput.Text(errors, nameof(Command.Location), command.Location, 200, null);
        if (command.HeldOn is not { } heldOn) errors[nameof(Command.HeldOn)] = ["Give the date."];
        else if (heldOn > Clock.Today(db.Time)) errors[nameof(Command.HeldOn)] = ["Attendance is recorded after the session; the date may not be in the future."];
        double? hours = command.Duration?.Trim().ToLowerInvariant() switch
        {
            "full" => rules.FullDayHours,
            "half" => rules.HalfDayHours,
            null or "" => command.Hours,
            _ => null,
        };
        if (!StudyInput.IsValidHours(hours, 24)) errors[nameof(Command.Hours)] = ["Choose a full or half day, or give the hours in half hours (at most 24)."];
        var ids = (command.MemberIds ?? []).Distinct().ToList();
        if (ids.Count == 0) errors[nameof(Command.MemberIds)] = ["Choose who attended."];
        if (errors.Count > 0) throw new ValidationFailedException(errors);
        // Attendees are active members of the organization's subtree.
        var hi = Organizations.TreePath.UpperBound(org.Path);
        var members = await db.Members.Where(m => ids.Contains(m.Id) && m.Status == MemberStatus.Active
                                                  && db.Organizations.Any(o => o.Id == m.OrganizationId && string.Compare(o.Path, org.Path) >= 0 && string.Compare(o.Path, hi) < 0))
            .Select(m => new { m.Id, m.OrganizationId }).ToListAsync(ct);
        if (members.Count != ids.Count) throw ValidationFailedException.For(nameof(Command.MemberIds), "Every attendee must be an active member of this organization or one below it.");

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var session = new TrainingSession
        {
            OrganizationId = org.Id, CampaignId = command.CampaignId, Title = title!, HeldOn = command.HeldOn!.Value, Location = location, Hours = hours!.Value,
            CreatedAt = Clock.UtcNow(db.Time), CreatedBy = db.Scope.Actor,
        };
        db.Set<TrainingSession>().Add(session);
        await db.SaveChangesAsync(ct);
        db.Set<TrainingAttendance>().AddRange(members.Select(m => new TrainingAttendance
        {
            SessionId = session.Id, MemberId = m.Id, OrganizationId = m.OrganizationId, Hours = session.Hours, Year = session.HeldOn.Year,
        }));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return session;
    }
}
