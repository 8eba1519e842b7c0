using System.Security.Claims;
using Bastion.Data;
using Bastion.Identity;
using Bastion.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Web.Security;

/// <summary>
/// Resolves the signed-in user's organization to its current tree path on every request (paths change when a
/// subtree moves), so the DbContext's filters limit every query to that subtree.
/// </summary>
public sealed class DataScopeMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, HttpDataScope scope, BastionDb db)
    {
        var user = context.User;
        if (user.Identity?.IsAuthenticated == true && long.TryParse(user.FindFirstValue(BastionClaims.OrganizationId), out var orgId))
        {
            var actor = $"{user.Identity.Name}#{user.FindFirstValue(ClaimTypes.NameIdentifier)}";
            if (user.IsInRole(BastionRoles.SystemAdmin))
                scope.Set(TreePath.Everything, actor);
            else
            {
                var path = await db.Organizations.IgnoreQueryFilters().Where(o => o.Id == orgId).Select(o => o.Path).FirstOrDefaultAsync(context.RequestAborted);
                scope.Set(path ?? FixedDataScope.Nothing.Path, actor);
            }
        }
        await next(context);
    }
}
