using Bastion.Data;
using Bastion.Shared;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Identity;

/// <summary>Personal access tokens for API clients: create (the secret is shown once), list, revoke.</summary>
public static class PersonalAccessTokens
{
    public const int MaxLifetimeDays = 366;
    public const int DefaultLifetimeDays = 90;

    public sealed record Request
    {
        public string? Name { get; init; }
        /// <summary>Days until the token expires; null for <see cref="DefaultLifetimeDays"/>.</summary>
        public int? Days { get; init; }
    }

    public sealed record Created(long Id, string Name, string Secret, DateTime? ExpiresAt);

    public sealed record TokenInfo(long Id, string Name, string Hint, DateTime CreatedAt, DateTime? ExpiresAt, DateTime? RevokedAt, DateTime? LastUsedAt);

    public static async Task<Created> CreateAsync(BastionDb db, long userId, Request request, CancellationToken ct = default)
    {
        var name = request.Name?.Trim();
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrEmpty(name)) errors["Name"] = ["A token needs a name, so you can tell your tokens apart."];
        else if (name.Length > 100) errors["Name"] = ["A token name has at most 100 characters."];
        var days = request.Days ?? DefaultLifetimeDays;
        if (days is < 1 or > MaxLifetimeDays) errors["Days"] = [$"A token lives between 1 and {MaxLifetimeDays} days."];
        if (errors.Count > 0) throw new ValidationFailedException(errors);
        if (!await db.Users.AnyAsync(u => u.Id == userId, ct)) throw new NotFoundException($"User {userId}");

        var secret = ApiToken.NewSecret();
        var now = Clock.UtcNow(db.Time);
        var token = new ApiToken
        {
            UserId = userId, Name = name!, TokenHash = ApiToken.Hash(secret), Hint = secret[..8],
            CreatedAt = now, ExpiresAt = now.AddDays(days),
        };
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync(ct);
        return new Created(token.Id, token.Name, secret, token.ExpiresAt);
    }

    public static Task<List<TokenInfo>> ListAsync(BastionDb db, long userId, CancellationToken ct = default) =>
        db.ApiTokens.AsNoTracking().Where(t => t.UserId == userId).OrderByDescending(t => t.Id)
            .Select(t => new TokenInfo(t.Id, t.Name, t.Hint, t.CreatedAt, t.ExpiresAt, t.RevokedAt, t.LastUsedAt))
            .ToListAsync(ct);

    /// <summary>Revokes one of the user's own tokens; another user's token id answers not found.</summary>
    public static async Task RevokeAsync(BastionDb db, long userId, long tokenId, CancellationToken ct = default)
    {
        var token = await db.ApiTokens.AsTracking().FirstOrDefaultAsync(t => t.Id == tokenId && t.UserId == userId, ct)
            ?? throw new NotFoundException($"Token {tokenId}");
        if (token.RevokedAt is not null) return;
        token.RevokedAt = Clock.UtcNow(db.Time);
        await db.SaveChangesAsync(ct);
    }
}
