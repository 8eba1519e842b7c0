using Bastion.Data;
using Bastion.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Identity;

/// <summary>Creating sign-in accounts: shared by the CLI's <c>user add</c>, the demo seeder and the admin pages.</summary>
public static class UserAccounts
{
    public sealed record NewUser
    {
        public required string UserName { get; init; }
        public required string DisplayName { get; init; }
        public required string Password { get; init; }
        public required string Role { get; init; }
        public required long OrganizationId { get; init; }
        public long? MemberId { get; init; }
        public string? Email { get; init; }
    }

    public static async Task<BastionUser> CreateAsync(UserManager<BastionUser> users, BastionDb db, NewUser request, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.UserName)) errors["UserName"] = ["A user name is required."];
        if (string.IsNullOrWhiteSpace(request.DisplayName)) errors["DisplayName"] = ["A display name is required."];
        if (!BastionRoles.IsKnown(request.Role))
            errors["Role"] = [$"The role '{request.Role}' is unknown; use one of {string.Join(", ", BastionRoles.All)}."];
        if (!await db.Organizations.IgnoreQueryFilters().AnyAsync(o => o.Id == request.OrganizationId, ct))
            errors["OrganizationId"] = [$"Organization {request.OrganizationId} does not exist."];
        if (errors.Count > 0) throw new ValidationFailedException(errors);

        var user = new BastionUser
        {
            UserName = request.UserName.Trim(),
            DisplayName = request.DisplayName.Trim(),
            Role = request.Role,
            OrganizationId = request.OrganizationId,
            MemberId = request.MemberId,
            Email = request.Email,
            LockoutEnabled = true,
            CreatedAt = Clock.UtcNow(db.Time),
        };
        var result = await users.CreateAsync(user, request.Password);
        if (!result.Succeeded)
        {
            var field = result.Errors.Any(e => e.Code.StartsWith("Password", StringComparison.Ordinal)) ? "Password" : "UserName";
            throw new ValidationFailedException(new Dictionary<string, string[]> { [field] = result.Errors.Select(e => e.Description).ToArray() });
        }
        return user;
    }
}
