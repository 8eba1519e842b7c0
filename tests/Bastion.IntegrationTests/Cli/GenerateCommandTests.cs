using Bastion.Cli;
using Bastion.Generation;
using Bastion.Identity;
using Bastion.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Bastion.IntegrationTests.Cli;

public sealed class GenerateCommandTests
{
    [Fact]
    public async Task Generate_Demo_OnEmptyDatabase_SeedsACountyAndTheDemoLogins_AndRefusesToRunTwice()
    {
        await using var db = await TestDatabase.CreateAsync();

        var result = await CliRun.RunAsync(db, "generate", "--scale", "demo", "--seed", "7");

        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
        await using (var context = db.NewContext())
        {
            var organizations = await context.Organizations.CountAsync();
            var members = await context.Members.CountAsync();
            Assert.InRange(organizations, 300, 500);
            Assert.InRange(members, 6_000, 10_000);
            Assert.Contains(organizations.ToString("N0"), result.Out);
            Assert.Contains(members.ToString("N0"), result.Out);
            var households = await context.Set<Bastion.Grids.Household>().CountAsync();
            Assert.InRange(households, 500, 20_000);
            Assert.InRange(await context.Set<Bastion.Grids.HouseholdContact>().CountAsync(), households / 2, households * 5);
            Assert.True(await context.Set<Bastion.Grids.HouseholdContact>().AnyAsync(c => c.RaisedRequestId != null));
            var demoMember = (await context.Users.AsNoTracking().SingleAsync(u => u.UserName == "member")).MemberId;
            Assert.True(await context.Set<Bastion.Grids.Household>().CountAsync(h => h.KeeperMemberId == demoMember) >= 6);

            var users = await context.Users.AsNoTracking().ToListAsync();
            var hasher = new PasswordHasher<BastionUser>();
            foreach (var name in new[] { "admin", "orgdept", "secretary", "secretary2", "member", "discipline" })
            {
                var user = Assert.Single(users, u => u.UserName == name);
                Assert.NotEqual(PasswordVerificationResult.Failed, hasher.VerifyHashedPassword(user, user.PasswordHash!, DemoSeeder.DemoPassword));
                Assert.Contains(name, result.Out);
            }
        }
        Assert.Contains(DemoSeeder.DemoPassword, result.Out);
        Assert.Contains("rows/s", result.Out);

        var again = await CliRun.RunAsync(db, "generate", "--scale", "demo");

        CliRun.AssertCleanFailure(again);
        Assert.Contains("already holds organizations", again.Err);
    }

    [Fact]
    public async Task Generate_WithUnknownScale_ExitsOneNamingTheValidScales_AndWritesNothing()
    {
        await using var db = await TestDatabase.CreateMigratedAsync();

        var result = await CliRun.RunAsync(db, "generate", "--scale", "galaxy");

        CliRun.AssertCleanFailure(result);
        Assert.Contains("galaxy", result.Err);
        Assert.Contains("demo, city, province", result.Err);
        await using var context = db.NewContext();
        Assert.False(await context.Organizations.AnyAsync());
    }
}
