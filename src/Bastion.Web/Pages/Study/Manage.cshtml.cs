using Bastion.Attachments;
using Bastion.Cascades;
using Bastion.Data;
using Bastion.Members;
using Bastion.Organizations;
using Bastion.Shared;
using Bastion.Study;
using Bastion.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Web.Pages.Study;

/// <summary>
/// 学习管理 for an organization's study secretary (/Study/Manage?org=…): publish a material (article, link or document),
/// create a campaign (optionally assigned to the whole subtree), record an offline training session with its attendance.
/// Field names are the use cases' own, prefixed per form (M., C., S.) so each form's errors stay beside its fields.
/// </summary>
[Authorize(Policy = BastionPolicies.ReadRoster)]
public sealed class ManageModel(BastionDb db, AttachmentStore store) : StudyFormPage
{
    /// <summary>At most this many members are offered as attendees.</summary>
    public const int AttendeeLimit = 500;

    public sealed class MaterialForm
    {
        public string? Title { get; set; }
        public MaterialKind? Kind { get; set; }
        public string? Body { get; set; }
        public string? Url { get; set; }
        public int? LengthMinutes { get; set; }
        public double? CreditHours { get; set; }
        public long? CampaignId { get; set; }
    }

    public sealed class CampaignForm
    {
        public string? Title { get; set; }
        public string? Description { get; set; }
        public DateOnly? StartsOn { get; set; }
        public DateOnly? EndsOn { get; set; }
        public bool AssignToSubtree { get; set; }
    }

    public sealed class TrainingForm
    {
        public string? Title { get; set; }
        public DateOnly? HeldOn { get; set; }
        public string? Location { get; set; }
        public string? Duration { get; set; }
        public double? Hours { get; set; }
        public long? CampaignId { get; set; }
        public List<long> MemberIds { get; set; } = [];
    }

    public sealed record Attendee(long Id, string Name, string Organization);

    [BindProperty(SupportsGet = true)] public long? Org { get; set; }
    [BindProperty(SupportsGet = true)] public string? Done { get; set; }
    [BindProperty(Name = "M")] public MaterialForm M { get; set; } = new();
    [BindProperty(Name = "C")] public CampaignForm C { get; set; } = new();
    [BindProperty(Name = "S")] public TrainingForm S { get; set; } = new();

    public Organization Organization { get; private set; } = null!;
    public IReadOnlyList<StudyCampaign> Campaigns { get; private set; } = [];
    public IReadOnlyList<Attendee> Attendees { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostPublishAsync(IFormFile? file, CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        return await RunAsync("M", async () =>
        {
            await using var content = file?.OpenReadStream();
            var document = file is null || content is null ? null : new EvidenceDocument(file.FileName, content);
            await PublishMaterial.HandleAsync(db, store, Organization.Id, new PublishMaterial.Command
            {
                Title = M.Title, Kind = M.Kind, Body = M.Body, Url = M.Url, LengthMinutes = M.LengthMinutes, CreditHours = M.CreditHours, CampaignId = M.CampaignId,
            }, document, ct);
        }, () => $"/Study/Manage?org={Organization.Id}&done=material", () => Task.FromResult(true));
    }

    public async Task<IActionResult> OnPostCampaignAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        return await RunAsync("C", () => CreateCampaign.HandleAsync(db, Organization.Id, new CreateCampaign.Command
        {
            Title = C.Title, Description = C.Description, StartsOn = C.StartsOn, EndsOn = C.EndsOn,
            Targets = C.AssignToSubtree ? new TargetSelection { Mode = TargetMode.Subtree } : null,
        }, ct), () => $"/Study/Manage?org={Organization.Id}&done=campaign", () => Task.FromResult(true));
    }

    public async Task<IActionResult> OnPostTrainingAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        return await RunAsync("S", () => RecordTraining.HandleAsync(db, Organization.Id, new RecordTraining.Command
        {
            Title = S.Title, HeldOn = S.HeldOn, Location = S.Location, Duration = S.Duration, Hours = S.Hours, CampaignId = S.CampaignId, MemberIds = S.MemberIds,
        }, ct), () => $"/Study/Manage?org={Organization.Id}&done=training", () => Task.FromResult(true));
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        Org ??= User.Organization();
        if (Org is not { } org || await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == org, ct) is not { } organization) return false;
        Organization = organization;
        Campaigns = await StudyQueries.VisibleCampaigns(db).AsNoTracking().OrderByDescending(c => c.EndsOn).Take(100).ToListAsync(ct);
        var hi = TreePath.UpperBound(organization.Path);
        Attendees = await (from m in db.Members
                           join o in db.Organizations on m.OrganizationId equals o.Id
                           where m.Status == MemberStatus.Active && string.Compare(o.Path, organization.Path) >= 0 && string.Compare(o.Path, hi) < 0
                           orderby o.Path, m.Name
                           select new Attendee(m.Id, m.Name, o.Name)).Take(AttendeeLimit).ToListAsync(ct);
        return true;
    }
}
