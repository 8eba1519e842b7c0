using Bastion.Cli;
using Bastion.Identity;
using Bastion.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Bastion.IntegrationTests.Cli;

public sealed class UserCommandTests
{
    [Fact]
    public async Task UserAdd_WithValidInput_CreatesAnAccountThatSignsInWithThePassword()
    {
        await using var db = await TestDatabase.CreateMigratedAsync();
        var org = await CliRun.AddRootOrganizationAsync(db);

        var result = await CliRun.AddUserAsync(db, "wang", org.Id, BastionRoles.OrganizationDepartment, "Wang#2026pw");

        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
        await using var context = db.NewContext();
        var user = await context.Users.AsNoTracking().SingleAsync(u => u.UserName == "wang");
        Assert.Equal(BastionRoles.OrganizationDepartment, user.Role);
        Assert.Equal(org.Id, user.OrganizationId);
        Assert.Equal("测试 wang", user.DisplayName);
        Assert.NotEqual(PasswordVerificationResult.Failed, new PasswordHasher<BastionUser>().VerifyHashedPassword(user, user.PasswordHash!, "Wang#2026pw"));
    }

    [Fact]
    public async Task UserAdd_WithoutPasswordOption_TakesItFromBastionPassword()
    {
        await using var db = await TestDatabase.CreateMigratedAsync();
        var org = await CliRun.AddRootOrganizationAsync(db);
        var settings = CliRun.Settings(db, ("BASTION_PASSWORD", "FromEnv#2026"));

        var result = await CliRun.RunAsync(settings, "user", "add", "--name", "zhao", "--display-name", "赵", "--role", "Member", "--org", org.Id.ToString());

        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
        await using var context = db.NewContext();
        var user = await context.Users.AsNoTracking().SingleAsync(u => u.UserName == "zhao");
        Assert.NotEqual(PasswordVerificationResult.Failed, new PasswordHasher<BastionUser>().VerifyHashedPassword(user, user.PasswordHash!, "FromEnv#2026"));
    }

    [Fact]
    public async Task UserAdd_WithoutAnyPassword_WhenNotInteractive_ExitsOne()
    {
        await using var db = await TestDatabase.CreateMigratedAsync();
        var org = await CliRun.AddRootOrganizationAsync(db);

        var result = await CliRun.RunAsync(db, "user", "add", "--name", "qian", "--display-name", "钱", "--role", "Member", "--org", org.Id.ToString());

        CliRun.AssertCleanFailure(result);
        Assert.Contains("BASTION_PASSWORD", result.Err);
        await AssertNoUserAsync(db, "qian");
    }

    [Fact]
    public async Task UserAdd_WithUnknownRoleAndOrganization_ExitsOneReportingEachField()
    {
        await using var db = await TestDatabase.CreateMigratedAsync();
        var org = await CliRun.AddRootOrganizationAsync(db);

        var badRole = await CliRun.AddUserAsync(db, "sun", org.Id, role: "Emperor");
        var badOrg = await CliRun.AddUserAsync(db, "sun", org.Id + 1000);

        CliRun.AssertCleanFailure(badRole);
        Assert.Contains("Role:", badRole.Err);
        Assert.Contains("Emperor", badRole.Err);
        CliRun.AssertCleanFailure(badOrg);
        Assert.Contains("OrganizationId:", badOrg.Err);
        await AssertNoUserAsync(db, "sun");
    }

    [Fact]
    public async Task UserAdd_WithWeakPassword_ExitsOneReportingThePassword()
    {
        await using var db = await TestDatabase.CreateMigratedAsync();
        var org = await CliRun.AddRootOrganizationAsync(db);

        var result = await CliRun.AddUserAsync(db, "li", org.Id, password: "short");

        CliRun.AssertCleanFailure(result);
        Assert.Contains("Password:", result.Err);
        await AssertNoUserAsync(db, "li");
    }

    [Fact]
    public async Task UserToken_ForKnownUser_PrintsOnlyTheTokenAndStoresItsHash()
    {
        await using var db = await TestDatabase.CreateMigratedAsync();
        var org = await CliRun.AddRootOrganizationAsync(db);
        Assert.Equal(ExitCodes.Ok, (await CliRun.AddUserAsync(db, "orgdept", org.Id)).ExitCode);

        var result = await CliRun.RunAsync(db, "user", "token", "--user", "orgdept", "--name", "bench", "--days", "30");

        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
        var secret = result.Out.TrimEnd('\r', '\n');
        Assert.DoesNotContain('\n', secret);
        Assert.StartsWith(ApiToken.Prefix, secret);
        await using var context = db.NewContext();
        var user = await context.Users.AsNoTracking().SingleAsync(u => u.UserName == "orgdept");
        var token = await context.ApiTokens.AsNoTracking().SingleAsync(t => t.UserId == user.Id);
        Assert.Equal(ApiToken.Hash(secret), token.TokenHash);
        Assert.Equal(secret[..8], token.Hint);
        Assert.Equal("bench", token.Name);
        Assert.Equal(token.CreatedAt.AddDays(30), token.ExpiresAt);
        Assert.True(token.IsActive(DateTime.UtcNow));
    }

    [Fact]
    public async Task UserToken_WithoutDays_ExpiresAfterDefaultLifetime()
    {
        await using var db = await TestDatabase.CreateMigratedAsync();
        var org = await CliRun.AddRootOrganizationAsync(db);
        Assert.Equal(ExitCodes.Ok, (await CliRun.AddUserAsync(db, "robot", org.Id)).ExitCode);

        var result = await CliRun.RunAsync(db, "user", "token", "--user", "robot", "--name", "ci");

        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
        await using var context = db.NewContext();
        var token = await context.ApiTokens.AsNoTracking().SingleAsync(t => t.TokenHash == ApiToken.Hash(result.Out.Trim()));
        Assert.Equal(token.CreatedAt.AddDays(PersonalAccessTokens.DefaultLifetimeDays), token.ExpiresAt);
    }

    [Fact]
    public async Task UserToken_ForUnknownUser_ExitsOneAndPrintsNoToken()
    {
        await using var db = await TestDatabase.CreateMigratedAsync();

        var result = await CliRun.RunAsync(db, "user", "token", "--user", "nobody", "--name", "bench");

        CliRun.AssertCleanFailure(result);
        Assert.Contains("nobody", result.Err);
        Assert.Equal("", result.Out);
        await using var context = db.NewContext();
        Assert.False(await context.ApiTokens.AnyAsync());
    }

    private static async Task AssertNoUserAsync(TestDatabase db, string userName)
    {
        await using var context = db.NewContext();
        Assert.False(await context.Users.AnyAsync(u => u.UserName == userName));
    }
}
