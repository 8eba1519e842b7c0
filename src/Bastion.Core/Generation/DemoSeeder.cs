using Bastion.Data;
using Bastion.Identity;
using Bastion.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Generation;

/// <summary>Fills an empty database with a generated dataset and the demo accounts, one per role.</summary>
public static class DemoSeeder
{
    public const string DemoPassword = "Demo@2026";

    public sealed record DemoLogin(string UserName, string Role, string Organization);

    public sealed record Outcome(int Organizations, int Members, IReadOnlyList<DemoLogin> Logins);

    public static async Task<bool> IsEmptyAsync(BastionDb db, CancellationToken ct = default) =>
        !await db.Organizations.IgnoreQueryFilters().AnyAsync(ct);

    public static readonly IReadOnlyList<string> DemoUserNames = ["admin", "orgdept", "secretary", "secretary2", "member", "discipline", "discipline-city", "discipline-town"];

    /// <summary>The demo accounts present in the database, for printing at start-up.</summary>
    public static async Task<IReadOnlyList<DemoLogin>> ExistingLoginsAsync(BastionDb db, CancellationToken ct = default)
    {
        var users = await db.Users.AsNoTracking().Where(u => DemoUserNames.Contains(u.UserName!))
            .Select(u => new { u.UserName, u.Role, Organization = db.Organizations.IgnoreQueryFilters().Where(o => o.Id == u.OrganizationId).Select(o => o.Name).First() })
            .ToListAsync(ct);
        return users.OrderBy(u => DemoUserNames.ToList().IndexOf(u.UserName!)).Select(u => new DemoLogin(u.UserName!, u.Role, u.Organization)).ToList();
    }

    public static async Task<Outcome> SeedAsync(
        BastionDb db, UserManager<BastionUser> users, PiiProtector pii, ScaleProfile scale, int seed,
        IProgress<DemoLoader.Progress>? progress = null, CancellationToken ct = default)
    {
        if (!await IsEmptyAsync(db, ct))
            throw new InvalidOperationException("The database already holds organizations; generating needs an empty database.");

        var data = DemoDataset.Build(scale, seed, pii, Shared.Clock.UtcNow(db.Time));
        await DemoLoader.LoadAsync(db, data, scale.Name, seed, progress, ct);

        var secretaryMember = data.Members.First(m => m.OrganizationId == data.FirstVillageBranch.Id);
        var plainMember = data.Members.Last(m => m.OrganizationId == data.FirstVillageBranch.Id);
        var accounts = new (string UserName, string DisplayName, string Role, Organizations.Organization Org, long? MemberId)[]
        {
            ("admin", "系统管理员", BastionRoles.SystemAdmin, data.Root, null),
            ("orgdept", "县委组织部组织员", BastionRoles.OrganizationDepartment, data.FirstCounty, null),
            ("secretary", secretaryMember.Name, BastionRoles.BranchSecretary, data.FirstVillageBranch, secretaryMember.Id),
            ("secretary2", data.Members.First(m => m.OrganizationId == data.SecondVillageBranch.Id).Name, BastionRoles.BranchSecretary, data.SecondVillageBranch, null),
            ("member", plainMember.Name, BastionRoles.Member, data.FirstVillageBranch, plainMember.Id),
            ("discipline", "县纪委监委干部", BastionRoles.Discipline, data.FirstCounty, null),
            ("discipline-city", "市纪委监委干部", BastionRoles.Discipline, data.DisciplineCity, null),
            ("discipline-town", "镇纪委干部", BastionRoles.Discipline, data.DisciplineTownship, null),
        };
        var logins = new List<DemoLogin>();
        foreach (var a in accounts)
        {
            await UserAccounts.CreateAsync(users, db, new UserAccounts.NewUser
            {
                UserName = a.UserName, DisplayName = a.DisplayName, Password = DemoPassword, Role = a.Role,
                OrganizationId = a.Org.Id, MemberId = a.MemberId,
            }, ct);
            logins.Add(new DemoLogin(a.UserName, a.Role, a.Org.Name));
        }
        await Requests.DemoRequestOwners.AssignAsync(db, data.FirstVillageBranch.Id, "secretary", ct);
        await AssessAsync(db, ct);
        await data.SeedSecretaryReviewsAsync(db, users, ct);
        return new Outcome(data.Organizations.Count, data.MembersLoaded, logins);
    }

    /// <summary>
    /// The strength index of the generated year: the last three closed quarters, the running quarter and the running year,
    /// so dashboards open with a trend.
    /// </summary>
    private static async Task AssessAsync(BastionDb db, CancellationToken ct)
    {
        var today = Shared.Clock.Today(db.Time);
        var quarter = Compliance.Period.Of(Compliance.PeriodKind.Quarter, today);
        var periods = new List<Compliance.Period> { Compliance.Period.Of(Compliance.PeriodKind.Year, today), quarter };
        for (var i = 0; i < 3; i++) periods.Add(quarter = Strength.RunAssessment.Previous(quarter));
        foreach (var period in periods.OrderBy(p => p.End))
            await Strength.RunAssessment.HandleAsync(db, period, "demo", ct: ct);
    }
}
