using Bastion.Attachments;
using Bastion.Data;
using Bastion.Development;
using Bastion.Meetings;
using Bastion.Members;
using Bastion.Security;
using Bastion.Shared;
using Bastion.Web.Api;
using Bastion.Web.Pages.Shared;
using Bastion.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Bastion.Web.Pages.Development;

/// <summary>
/// A candidate's file with the form for the next step (phone-friendly: only the fields of the chosen step show),
/// probation extension, closing the file and documents per step. A refusal names the rule beside its field.
/// </summary>
[Authorize(Policy = BastionPolicies.ReadRoster)]
public sealed class CandidateModel(BastionDb db, PiiProtector pii, AttachmentStore store, IStringLocalizer<DevelopmentResource> t) : FormPageModel
{
    public sealed record MemberOption(long Id, string Name, MemberCategory Category);
    public sealed record ResolutionOption(long Id, DateOnly? HeldOn, string Title, int Yes, int ShouldAttend, bool Passed);

    public CandidateFile Record { get; private set; } = null!;
    public IReadOnlyList<MemberOption> BranchMembers { get; private set; } = [];
    public IReadOnlyList<ResolutionOption> Resolutions { get; private set; } = [];
    /// <summary>Which form was sent, so errors show in the right one.</summary>
    public string Form { get; private set; } = "step";
    public string? Done { get; private set; }

    [BindProperty] public int? Number { get; set; }
    [BindProperty] public DateOnly? Date { get; set; }
    [BindProperty] public string? Notes { get; set; }
    [BindProperty] public bool Passed { get; set; }
    [BindProperty] public long? TalkerMemberId { get; set; }
    [BindProperty] public string? TalkerName { get; set; }
    [BindProperty] public long[] ContactIds { get; set; } = [];
    [BindProperty] public long[] IntroducerIds { get; set; } = [];
    [BindProperty] public long? MeetingResolutionId { get; set; }
    [BindProperty] public int? TrainingHours { get; set; }
    [BindProperty] public int? TrainingDays { get; set; }
    [BindProperty] public DateOnly? NoticeFrom { get; set; }
    [BindProperty] public DateOnly? NoticeTo { get; set; }
    [BindProperty] public bool ApprovalExtended { get; set; }
    [BindProperty] public int? Months { get; set; }
    [BindProperty] public DevelopmentEventKind? Outcome { get; set; }
    [BindProperty] public long? StepId { get; set; }

    public async Task<IActionResult> OnGetAsync(long id, string? done, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Done = done;
        Date = Clock.Today(db.Time);
        Number = (Record.NextSteps.Count > 0 ? Record.NextSteps[^1] : 0);
        return Page();
    }

    public async Task<IActionResult> OnPostStepAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var people = new List<RecordStep.PersonInput>();
        if (Number is DevelopmentRules.TalkStep or DevelopmentRules.UpperTalkStep && (TalkerMemberId is not null || !string.IsNullOrWhiteSpace(TalkerName)))
            people.Add(new RecordStep.PersonInput { Role = StepPersonRole.Talker, MemberId = TalkerMemberId, Name = TalkerName });
        if (Number == DevelopmentRules.ContactsStep)
            people.AddRange(ContactIds.Select(m => new RecordStep.PersonInput { Role = StepPersonRole.CultivationContact, MemberId = m }));
        if (Number == DevelopmentRules.IntroducersStep)
            people.AddRange(IntroducerIds.Select(m => new RecordStep.PersonInput { Role = StepPersonRole.Introducer, MemberId = m }));
        return await RunAsync(id, "step", "done=step", () => RecordStep.HandleAsync(db, pii, User.Role(), id, new RecordStep.Command
        {
            Number = Number, Date = Date, Notes = Notes, Passed = Number == DevelopmentRules.PoliticalReviewStep ? Passed : null, People = people,
            MeetingResolutionId = MeetingResolutionId, TrainingHours = TrainingHours, TrainingDays = TrainingDays,
            NoticeFrom = NoticeFrom, NoticeTo = NoticeTo, ApprovalExtended = ApprovalExtended,
        }, ct: ct), ct);
    }

    public async Task<IActionResult> OnPostExtendAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        return await RunAsync(id, "extend", "done=extended", () => ExtendProbation.HandleAsync(db, id, new ExtendProbation.Command { Date = Date, Months = Months, Notes = Notes }, ct: ct), ct);
    }

    public async Task<IActionResult> OnPostCloseAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        return await RunAsync(id, "close", "done=closed", () => CloseCandidate.HandleAsync(db, id, new CloseCandidate.Command { Outcome = Outcome, Date = Date, Notes = Notes }, ct: ct), ct);
    }

    public async Task<IActionResult> OnPostDocumentAsync(long id, IFormFile? file, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        return await RunAsync(id, "document", "done=document", () => DevelopmentApi.AddDocumentAsync(db, store, id, StepId ?? 0, file, ct), ct);
    }

    private async Task<IActionResult> RunAsync<T>(long id, string form, string done, Func<Task<T>> action, CancellationToken ct)
    {
        Form = form;
        foreach (var (key, entry) in ModelState)
            if (entry.Errors.Count > 0) Errors[key] = [t["Error.Format"]];
        try
        {
            if (Errors.Count > 0) throw new ValidationFailedException(Errors);
            await action();
            return Redirect($"/Development/Candidate/{id}?{done}");
        }
        catch (ValidationFailedException e) { Errors = e.Errors.ToDictionary(kv => kv.Key == "People" ? PeopleField : kv.Key == AttachmentStore.Field ? "file" : kv.Key, kv => kv.Value); }
        catch (DomainRuleException e) { Errors = new Dictionary<string, string[]> { [DevelopmentPages.FieldOf(e.Rule)] = [RuleMessages.Text(HttpContext, e)] }; }
        catch (NotFoundException) { Errors = new Dictionary<string, string[]> { ["StepId"] = [t["Error.Format"]] }; }
        await LoadAsync(id, ct);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private string PeopleField => Number switch
    {
        DevelopmentRules.ContactsStep => "ContactIds",
        DevelopmentRules.IntroducersStep => "IntroducerIds",
        _ => "TalkerName",
    };

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        if (await DevelopmentQueries.FileAsync(db, id, ct) is not { } file) return false;
        Record = file;
        BranchMembers = await db.Members.Where(m => m.OrganizationId == file.OrganizationId && m.Status == MemberStatus.Active && m.Id != file.MemberId)
            .OrderBy(m => m.Name).Select(m => new MemberOption(m.Id, m.Name, m.Category)).Take(500).ToListAsync(ct);
        Resolutions = await (from r in db.Set<MeetingResolution>()
                             join m in db.Set<Meeting>() on r.MeetingId equals m.Id
                             where m.OrganizationId == file.OrganizationId && m.Kind == MeetingKind.BranchGeneralMeeting && m.Status == MeetingStatus.Held && r.Kind == VoteKind.Motion
                             orderby m.HeldOn descending, r.Id descending
                             select new ResolutionOption(r.Id, m.HeldOn, r.Title, r.Yes, r.ShouldAttend, r.Passed)).Take(50).ToListAsync(ct);
        return true;
    }

    public string? ErrIn(string form, string field) => Form == form ? Err(field) : null;

    public string InvalidIn(string form, string field) => Form == form ? Invalid(field) : "";

    public bool Open => Record.Status is CandidateStatus.Active or CandidateStatus.Admitted;
}
