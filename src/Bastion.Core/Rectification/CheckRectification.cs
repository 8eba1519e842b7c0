using Bastion.Data;
using Bastion.Shared;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Rectification;

/// <summary>
/// 验收: the acceptance check once every measure is completed — the date, the checking body, passed or failed with the
/// opinion. Passed: the case is Checked and may be closed. Failed: it goes back to Rectifying (measures may be added).
/// </summary>
public static class CheckRectification
{
    public sealed record Command(DateOnly? CheckedOn, string? Body, bool? Passed, string? Opinion);

    public static async Task<RectificationCheck> HandleAsync(BastionDb db, string? role, long caseId, Command command, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string[]>();
        var on = CaseWork.Date(command.CheckedOn, nameof(Command.CheckedOn), errors, "Give the date of the check.");
        var body = CaseWork.Required(command.Body, nameof(Command.Body), RectificationRules.MaxShort, errors, "Name who checked (验收主体).");
        if (command.Passed is null) errors[nameof(Command.Passed)] = ["Choose whether the check passed."];
        var opinion = CaseWork.Required(command.Opinion, nameof(Command.Opinion), RectificationRules.MaxText, errors, "Write the opinion of the check.");
        CaseWork.ThrowIfAny(errors);

        var c = await CaseWork.LoadAsync(db, role, caseId, ct);
        var open = await db.Set<RectificationStep>().CountAsync(s => s.CaseId == c.Id && s.CompletedOn == null, ct);
        var passed = command.Passed!.Value;
        RectificationRules.Check(c, open, on, passed, Clock.Today(db.Time));
        var check = new RectificationCheck
        {
            CaseId = c.Id, OrganizationId = c.OrganizationId, CheckedOn = on, Body = body, Passed = passed, Opinion = opinion, RecordedBy = db.Scope.Actor,
        };
        db.Set<RectificationCheck>().Add(check);
        await CaseWork.SaveAsync(db, c, passed ? RectificationEventKind.CheckPassed : RectificationEventKind.CheckFailed, on, $"{body}: {opinion}", ct);
        return check;
    }
}
