using Bastion.Data;
using Bastion.Members;
using Bastion.Shared;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Organizations;

/// <summary>The organization list of a subtree (组织名册) as a workbook: two statements whatever the size.</summary>
public static class OrganizationWorkbook
{
    public static readonly string[] Headers =
        ["组织ID", "组织名称", "类别", "状态", "上级组织", "层级", "单位类型", "行政区划代码", "成立日期", "本届任期开始", "任期（年）", "下次换届", "党员数", "正式党员", "预备党员"];

    /// <summary>Null when the organization is out of scope.</summary>
    public static async Task<byte[]?> ExportAsync(BastionDb db, long organizationId, CancellationToken ct = default)
    {
        var root = await db.Organizations.AsNoTracking().Where(o => o.Id == organizationId).Select(o => new { o.Path, o.Depth }).FirstOrDefaultAsync(ct);
        if (root is null) return null;
        var orgs = await OrganizationQueries.InSubtree(db, root.Path).AsNoTracking()
            .OrderBy(o => o.Path).Take(Workbook.MaxRows)
            .Select(o => new
            {
                o.Id, o.Name, o.Kind, o.Status, o.Depth, o.UnitType, o.DivisionCode, o.FoundedOn, o.TermStartedOn, o.TermYears,
                Parent = db.Organizations.Where(p => p.Id == o.ParentId).Select(p => p.Name).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var counts = (await (
                from m in db.Members
                join o in OrganizationQueries.InSubtree(db, root.Path) on m.OrganizationId equals o.Id
                where m.Status == MemberStatus.Active
                group m by new { m.OrganizationId, m.Category } into g
                select new { g.Key.OrganizationId, g.Key.Category, Count = g.Count() })
            .ToListAsync(ct)).ToLookup(c => c.OrganizationId);

        return Workbook.Write("组织", Headers, orgs.Select(o =>
        {
            var years = CommitteeTerm.EffectiveYears(o.Kind, o.UnitType, o.TermYears);
            var full = counts[o.Id].Where(c => c.Category == MemberCategory.Full).Sum(c => c.Count);
            var probationary = counts[o.Id].Where(c => c.Category == MemberCategory.Probationary).Sum(c => c.Count);
            return new object?[]
            {
                o.Id, o.Name, ChineseNames.Kinds[o.Kind], ChineseNames.Status(o.Status), o.Parent, o.Depth - root.Depth,
                o.UnitType is { } t ? ChineseNames.UnitTypes[t] : null, o.DivisionCode, o.FoundedOn, o.TermStartedOn, years,
                CommitteeTerm.NextElectionOn(o.TermStartedOn, years), full + probationary, full, probationary,
            };
        }));
    }
}
