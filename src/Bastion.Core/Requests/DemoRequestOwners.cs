using Bastion.Data;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Requests;

/// <summary>After the demo accounts exist: the demo secretary owns the first village's taken requests (one statement).</summary>
public static class DemoRequestOwners
{
    public static async Task AssignAsync(BastionDb db, long organizationId, string userName, CancellationToken ct = default)
    {
        var userId = await db.Users.Where(u => u.UserName == userName).Select(u => (long?)u.Id).FirstOrDefaultAsync(ct);
        if (userId is null) return;
        await db.Set<ServiceRequest>().IgnoreQueryFilters()
            .Where(r => r.OrganizationId == organizationId && r.Status != ServiceRequestStatus.Received)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.OwnerUserId, userId), ct);
    }
}
