using Bastion.Data;
using Bastion.Meetings;
using Bastion.Members;
using Bastion.Organizations;
using Bastion.Shared;
using Bastion.Web.Pages.Shared;
using Bastion.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Web.Pages.Meetings;

/// <summary>Which party group (党小组) each member of a branch belongs to; 党小组会 attendance follows it.</summary>
[Authorize(Policy = BastionPolicies.ReadRoster)]
public sealed class GroupsModel(BastionDb db) : PageModel
{
    public sealed record Row(long MemberId, string Name, long? GroupId);
    public sealed record GroupOption(long Id, string Name);

    public MeetingHost Host { get; private set; } = null!;
    public IReadOnlyList<GroupOption> Groups { get; private set; } = [];
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public string? Error { get; private set; }
    public bool Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(long org, bool? done, CancellationToken ct)
    {
        if (!await LoadAsync(org, ct)) return NotFound();
        Done = done == true;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long org, long memberId, long groupId, CancellationToken ct)
    {
        if (!await LoadAsync(org, ct)) return NotFound();
        if (Groups.All(g => g.Id != groupId)) return NotFound();
        try
        {
            await AssignGroupMember.HandleAsync(db, groupId, new AssignGroupMember.Command { MemberId = memberId }, ct);
            return Redirect($"/Meetings/Groups?org={org}&done=true");
        }
        catch (ValidationFailedException e) { Error = string.Join(" ", e.Errors.SelectMany(x => x.Value)); }
        catch (DomainRuleException e) { Error = RuleMessages.Text(HttpContext, e); }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<bool> LoadAsync(long org, CancellationToken ct)
    {
        try { Host = await MeetingAudience.HostAsync(db, org, ct); }
        catch (NotFoundException) { return false; }
        var branchId = Host.BranchId;
        Groups = await db.Organizations.Where(o => o.ParentId == branchId && o.Kind == OrganizationKind.Group && o.Status == OrganizationStatus.Active)
            .OrderBy(o => o.Name).Select(o => new GroupOption(o.Id, o.Name)).ToListAsync(ct);
        Rows = await db.Members.Where(m => m.OrganizationId == branchId && m.Status == MemberStatus.Active)
            .OrderBy(m => m.Name).ThenBy(m => m.Id).Take(500)
            .Select(m => new Row(m.Id, m.Name, db.Set<PartyGroupMember>().Where(g => g.MemberId == m.Id && g.LeftOn == null)
                .OrderByDescending(g => g.JoinedOn).Select(g => (long?)g.OrganizationId).FirstOrDefault()))
            .ToListAsync(ct);
        return true;
    }
}
