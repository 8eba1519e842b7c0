using System.Net;
using System.Text.Json;
using Bastion.Audit;
using Bastion.Identity;
using Bastion.IntegrationTests.Infrastructure;
using Bastion.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Bastion.IntegrationTests;

/// <summary>Every change through the API appends a chained audit event naming who did what (DESIGN §3).</summary>
public sealed class AuditTests(BastionAppFixture app) : IClassFixture<BastionAppFixture>
{
    [Fact]
    public async Task CreateAndRenameThroughApi_AppendEventsWithActorAndChange()
    {
        var root = await TestData.AddRootAsync(app.Database);
        var user = await app.Factory.CreateUserAsync(BastionRoles.OrganizationDepartment, root.Id);
        var client = await app.Factory.CreateApiClientAsync(user);
        var actor = $"{user.UserName}#{user.Id}";
        var name = TestData.Unique("新建党委");

        using var created = await Http.PostJsonAsync(client, "/api/v1/organizations", new { parentId = root.Id, name, kind = "Committee" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await Http.JsonAsync(created)).GetProperty("id").GetInt64();
        Assert.Equal($"/api/v1/organizations/{id}", created.Headers.Location?.OriginalString);
        await using (var check = app.Database.NewContext())
        {
            var stored = await check.Organizations.AsNoTracking().SingleAsync(o => o.Id == id);
            Assert.Equal((root.Path + id + "/", root.Id, 1, root.Id), (stored.Path, stored.ParentId, stored.Depth, stored.RegionId));
        }

        var afterCreate = await EventsAsync(id);
        var create = Assert.Single(afterCreate, e => e.Action == AuditActions.Create);
        Assert.Equal(actor, create.Actor);
        Assert.Equal(name, JsonDocument.Parse(create.Changes).RootElement.GetProperty("Name").GetString());
        Assert.All(afterCreate, e => Assert.Equal(actor, e.Actor));

        var renamed = TestData.Unique("改名党委");
        using (var rename = await Http.PutJsonAsync(client, $"/api/v1/organizations/{id}/name", new { name = renamed }))
            Assert.Equal(renamed, (await Http.JsonAsync(rename)).GetProperty("name").GetString());

        var update = Assert.Single(await EventsAsync(id), e => e.Seq > afterCreate.Max(a => a.Seq));
        Assert.Equal(AuditActions.Update, update.Action);
        Assert.Equal(actor, update.Actor);
        var change = JsonDocument.Parse(update.Changes).RootElement;
        Assert.Equal([name, renamed], change.GetProperty("Name").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal(["Name"], change.EnumerateObject().Select(p => p.Name));

        await using var db = app.Database.NewContext();
        var verdict = await VerifyAuditChain.RunAsync(db);
        Assert.True(verdict.Intact, verdict.Problem);
    }

    [Fact]
    public async Task RevealOfResidentId_IsAuditedWithTheActor()
    {
        var root = await TestData.AddRootAsync(app.Database);
        var branch = await TestData.AddOrganizationAsync(app.Database, root, OrganizationKind.Branch);
        var (member, residentId) = await TestData.AddMemberAsync(app.Database, branch);
        var user = await app.Factory.CreateUserAsync(BastionRoles.BranchSecretary, branch.Id);
        var client = await app.Factory.CreateApiClientAsync(user);

        using var response = await client.PostAsync($"/api/v1/members/{member.Id}/resident-id/reveal", null);

        Assert.Equal(residentId, (await Http.JsonAsync(response)).GetProperty("residentId").GetString());
        await using var db = app.Database.NewContext();
        var memberId = member.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var reveal = await db.AuditEvents.SingleAsync(e => e.Entity == "Member" && e.EntityId == memberId && e.Action == AuditActions.Reveal);
        Assert.Equal($"{user.UserName}#{user.Id}", reveal.Actor);
        Assert.DoesNotContain(residentId, reveal.Changes);
    }

    [Fact]
    public async Task ConcurrentChangesThroughApi_KeepTheChainIntactAndGapless()
    {
        var root = await TestData.AddRootAsync(app.Database);
        var branches = new List<Organization>();
        for (var i = 0; i < 12; i++) branches.Add(await TestData.AddOrganizationAsync(app.Database, root, OrganizationKind.Branch));
        var clients = new List<HttpClient>();
        for (var i = 0; i < 3; i++) clients.Add(await app.Factory.CreateApiClientAsync(await app.Factory.CreateUserAsync(BastionRoles.OrganizationDepartment, root.Id)));

        var responses = await Task.WhenAll(branches.Select((b, i) =>
            Http.PutJsonAsync(clients[i % clients.Count], $"/api/v1/organizations/{b.Id}/name", new { name = $"并发改名{i}" })));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        foreach (var r in responses) r.Dispose();
        await using var db = app.Database.NewContext();
        var verdict = await VerifyAuditChain.RunAsync(db);
        Assert.True(verdict.Intact, verdict.Problem);
        var ids = branches.Select(b => b.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(branches.Count, await db.AuditEvents.CountAsync(e => e.Entity == nameof(Organization) && ids.Contains(e.EntityId) && e.Changes.Contains("并发改名")));
    }

    [Fact]
    public async Task NewUserAndToken_AreAuditedWithoutTheirSecrets()
    {
        var root = await TestData.AddRootAsync(app.Database);

        var user = await app.Factory.CreateUserAsync(BastionRoles.BranchSecretary, root.Id);
        var token = await app.Factory.CreateTokenAsync(user);

        await using var db = app.Database.NewContext();
        var userId = user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var tokenId = token.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var userEvent = await db.AuditEvents.FirstAsync(e => e.Entity == "BastionUser" && e.EntityId == userId && e.Action == AuditActions.Create);
        var tokenEvent = await db.AuditEvents.FirstAsync(e => e.Entity == "ApiToken" && e.EntityId == tokenId && e.Action == AuditActions.Create);
        var stored = await db.Users.AsNoTracking().SingleAsync(u => u.Id == user.Id);
        Assert.Contains(user.UserName, userEvent.Changes);
        Assert.DoesNotContain("PasswordHash", userEvent.Changes);
        Assert.DoesNotContain(stored.PasswordHash!, userEvent.Changes);
        Assert.DoesNotContain("SecurityStamp", userEvent.Changes);
        Assert.DoesNotContain(token.Secret, tokenEvent.Changes);
        Assert.DoesNotContain(ApiToken.Hash(token.Secret), tokenEvent.Changes);
    }

    private async Task<List<AuditEvent>> EventsAsync(long organizationId)
    {
        await using var db = app.Database.NewContext();
        var key = organizationId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await db.AuditEvents.AsNoTracking().Where(e => e.Entity == nameof(Organization) && e.EntityId == key).OrderBy(e => e.Seq).ToListAsync();
    }
}

/// <summary>
/// Tampering with stored events is found (DESIGN §3). Each test edits the log with raw SQL, so each gets its own database.
/// </summary>
public sealed class AuditChainTamperingTests
{
    private static async Task<(TestDatabase Database, long LastSeq)> DatabaseWithEventsAsync()
    {
        var database = await TestDatabase.CreateMigratedAsync();
        var root = await TestData.AddRootAsync(database);
        var committee = await TestData.AddOrganizationAsync(database, root, OrganizationKind.Committee);
        await TestData.AddOrganizationAsync(database, committee, OrganizationKind.Branch);
        await TestData.AddOrganizationAsync(database, committee, OrganizationKind.Branch);
        await using var db = database.NewContext();
        var verdict = await VerifyAuditChain.RunAsync(db);
        Assert.True(verdict.Intact, verdict.Problem);
        var lastSeq = await db.AuditEvents.MaxAsync(e => e.Seq);
        Assert.Equal(lastSeq, verdict.EventsChecked);
        Assert.True(lastSeq >= 6, $"only {lastSeq} events");
        return (database, lastSeq);
    }

    [Fact]
    public async Task Verify_AfterRowIsEdited_ReportsThatEvent()
    {
        var (database, lastSeq) = await DatabaseWithEventsAsync();
        await using var _ = database;
        var seq = lastSeq / 2;
        await using var db = database.NewContext();

        await db.Database.ExecuteSqlAsync($$"""UPDATE "AuditEvents" SET "Changes" = '{"Name":"forged"}' WHERE "Seq" = {{seq}}""");

        var verdict = await VerifyAuditChain.RunAsync(db);
        Assert.False(verdict.Intact);
        Assert.Equal(seq, verdict.FirstBadSeq);
        Assert.Contains("altered", verdict.Problem);
    }

    [Fact]
    public async Task Verify_AfterActorIsEdited_ReportsThatEvent()
    {
        var (database, lastSeq) = await DatabaseWithEventsAsync();
        await using var _ = database;
        await using var db = database.NewContext();

        await db.Database.ExecuteSqlAsync($"""UPDATE "AuditEvents" SET "Actor" = 'someone-else' WHERE "Seq" = {lastSeq}""");

        var verdict = await VerifyAuditChain.RunAsync(db);
        Assert.False(verdict.Intact);
        Assert.Equal(lastSeq, verdict.FirstBadSeq);
    }

    [Fact]
    public async Task Verify_AfterMiddleRowIsDeleted_ReportsItMissing()
    {
        var (database, lastSeq) = await DatabaseWithEventsAsync();
        await using var _ = database;
        var seq = lastSeq / 2;
        await using var db = database.NewContext();

        await db.Database.ExecuteSqlAsync($"""DELETE FROM "AuditEvents" WHERE "Seq" = {seq}""");

        var verdict = await VerifyAuditChain.RunAsync(db);
        Assert.False(verdict.Intact);
        Assert.Equal(seq, verdict.FirstBadSeq);
        Assert.Contains("missing", verdict.Problem);
    }

    [Fact]
    public async Task Verify_AfterNewestRowIsDeleted_ReportsTheHeadMismatch()
    {
        var (database, lastSeq) = await DatabaseWithEventsAsync();
        await using var _ = database;
        await using var db = database.NewContext();

        await db.Database.ExecuteSqlAsync($"""DELETE FROM "AuditEvents" WHERE "Seq" = {lastSeq}""");

        var verdict = await VerifyAuditChain.RunAsync(db);
        Assert.False(verdict.Intact);
        Assert.Equal(lastSeq, verdict.FirstBadSeq);
        Assert.Contains("head", verdict.Problem);
        Assert.Equal(lastSeq - 1, verdict.EventsChecked);
    }

    [Fact]
    public async Task Verify_AfterRehashingAnEditedRow_ReportsTheNextEvent()
    {
        // A forger who recomputes the edited event's own hash still breaks the link to the event after it.
        var (database, lastSeq) = await DatabaseWithEventsAsync();
        await using var _ = database;
        var seq = lastSeq / 2;
        await using var db = database.NewContext();
        var e = await db.AuditEvents.AsNoTracking().SingleAsync(x => x.Seq == seq);
        var forged = AuditEvent.ComputeHash(e.PrevHash, e.Seq, e.At, e.Actor, e.Entity, e.EntityId, e.Action, "{}");

        await db.Database.ExecuteSqlAsync($$"""UPDATE "AuditEvents" SET "Changes" = '{}', "Hash" = {{forged}} WHERE "Seq" = {{seq}}""");

        var verdict = await VerifyAuditChain.RunAsync(db);
        Assert.False(verdict.Intact);
        Assert.Equal(seq + 1, verdict.FirstBadSeq);
    }
}
