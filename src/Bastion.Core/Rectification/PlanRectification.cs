using Bastion.Data;
using Bastion.Shared;

namespace Bastion.Rectification;

/// <summary>
/// 一村一策 / 一支一策: the plan of an identified case — the text, the responsible county-level leader (包联县级领导),
/// for villages the first secretary (第一书记) or work team (工作队), the paired unit (结对帮扶单位), the target date and
/// the measures (整改措施) with their due dates. At least one measure.
/// </summary>
public static class PlanRectification
{
    public sealed record StepInput(string? Text, DateOnly? DueOn);

    public sealed record Command
    {
        public string? PlanText { get; init; }
        public string? LeaderName { get; init; }
        public string? LeaderPost { get; init; }
        public string? FirstSecretary { get; init; }
        public string? WorkTeam { get; init; }
        public string? PairedUnit { get; init; }
        public DateOnly? TargetOn { get; init; }
        public IReadOnlyList<StepInput>? Steps { get; init; }
    }

    public static async Task HandleAsync(BastionDb db, string? role, long caseId, Command command, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string[]>();
        var plan = CaseWork.Required(command.PlanText, nameof(Command.PlanText), RectificationRules.MaxText, errors, "Write the plan (一村一策).");
        var leader = CaseWork.Required(command.LeaderName, nameof(Command.LeaderName), RectificationRules.MaxName, errors, "Name the responsible county-level leader (包联县级领导).");
        var post = CaseWork.Required(command.LeaderPost, nameof(Command.LeaderPost), RectificationRules.MaxName, errors, "Give the leader's post.");
        var firstSecretary = CaseWork.Optional(command.FirstSecretary, nameof(Command.FirstSecretary), RectificationRules.MaxName, errors);
        var team = CaseWork.Optional(command.WorkTeam, nameof(Command.WorkTeam), RectificationRules.MaxShort, errors);
        var paired = CaseWork.Optional(command.PairedUnit, nameof(Command.PairedUnit), RectificationRules.MaxShort, errors);
        var target = CaseWork.Date(command.TargetOn, nameof(Command.TargetOn), errors, "Give the target date.");
        var steps = (command.Steps ?? []).Where(s => !string.IsNullOrWhiteSpace(s.Text) || s.DueOn is not null).ToList();
        if (steps.Count > RectificationRules.MaxSteps) errors[nameof(Command.Steps)] = [$"At most {RectificationRules.MaxSteps} measures."];
        else if (steps.Any(s => string.IsNullOrWhiteSpace(s.Text) || s.DueOn is null))
            errors[nameof(Command.Steps)] = ["Every measure needs its text and its due date."];
        else if (steps.Any(s => RectificationRules.Clean(s.Text).Length > RectificationRules.MaxShort))
            errors[nameof(Command.Steps)] = [$"A measure has at most {RectificationRules.MaxShort} characters."];
        CaseWork.ThrowIfAny(errors);

        var c = await CaseWork.LoadAsync(db, role, caseId, ct);
        RectificationRules.EnsureState(c, RectificationState.Identified, "the plan");
        if (steps.Count == 0)
            throw new DomainRuleException(RectificationRules.PlanNeedsStepsRule, "A plan lists at least one measure (整改措施) with its due date.");
        if (target < c.IdentifiedOn || steps.Any(s => s.DueOn < c.IdentifiedOn))
            throw new DomainRuleException(RectificationRules.DateOrderRule, $"The target date and the measures' due dates come after the identification on {c.IdentifiedOn:yyyy-MM-dd}.");

        var today = Clock.Today(db.Time);
        RectificationRules.Plan(c, today);
        c.PlanText = plan;
        c.LeaderName = leader;
        c.LeaderPost = post;
        c.FirstSecretary = firstSecretary;
        c.WorkTeam = team;
        c.PairedUnit = paired;
        c.TargetOn = target;
        var n = 0;
        foreach (var s in steps.OrderBy(s => s.DueOn))
            db.Set<RectificationStep>().Add(new RectificationStep
            {
                CaseId = c.Id, OrganizationId = c.OrganizationId, Number = ++n, Text = RectificationRules.Clean(s.Text), DueOn = s.DueOn!.Value,
            });
        await CaseWork.SaveAsync(db, c, RectificationEventKind.Planned, today, $"{leader}（{post}）· {steps.Count}", ct);
    }
}
