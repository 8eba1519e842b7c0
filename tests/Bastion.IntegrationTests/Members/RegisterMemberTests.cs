using System.Net;
using System.Text.Json;
using Bastion.Identity;
using Bastion.IntegrationTests.Infrastructure;
using Bastion.Members;
using Microsoft.EntityFrameworkCore;

namespace Bastion.IntegrationTests.Members;

/// <summary>Registering and correcting members through the API: every refusal names its field and saves nothing.</summary>
public sealed class RegisterMemberTests(BastionAppFixture app) : IClassFixture<BastionAppFixture>
{
    private BastionFactory Factory => app.Factory;

    private async Task<(MembersTree Tree, HttpClient SecretaryA)> SetUpAsync()
    {
        var tree = await MembersTree.BuildAsync(app.Database);
        var secretary = await Factory.CreateApiClientAsync(await Factory.CreateUserAsync(BastionRoles.BranchSecretary, tree.A.Id));
        return (tree, secretary);
    }

    private static async Task<string[]> FieldErrorsAsync(HttpResponseMessage response, string field)
    {
        var problem = await Http.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out var messages), problem.ToString());
        return messages.EnumerateArray().Select(m => m.GetString()!).ToArray();
    }

    [Fact]
    public async Task Register_WhenRecordIsValid_StoresItEncryptedAndAnswersMasked()
    {
        var (tree, secretary) = await SetUpAsync();
        var residentId = MembersTree.NewResidentId(Gender.Female);

        using var response = await Http.PostJsonAsync(secretary, $"/api/v1/organizations/{tree.A.Id}/members", MembersTree.Body("王芳", residentId.ToLowerInvariant()));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var member = await Http.JsonAsync(response);
        Assert.Equal(ResidentId.Mask(residentId), member.GetProperty("residentId").GetString());
        Assert.Equal("138****5678", member.GetProperty("phone").GetString());
        Assert.Equal("Female", member.GetProperty("gender").GetString());
        Assert.Equal("Bachelor", member.GetProperty("education").GetString());
        await using var db = app.Database.NewContext();
        var stored = await db.Members.SingleAsync(m => m.Id == member.GetProperty("id").GetInt64());
        Assert.Equal(TestData.Pii(app.Database).LookupHash(residentId), stored.ResidentIdHash);
        Assert.Equal("13812345678", TestData.Pii(app.Database).Decrypt(stored.PhoneCipher!));
        Assert.Equal("汉族", stored.Ethnicity);
    }

    [Fact]
    public async Task Register_InGroup_KeepsMemberInGroupsBranch()
    {
        var (tree, secretary) = await SetUpAsync();

        using var response = await Http.PostJsonAsync(secretary, $"/api/v1/organizations/{tree.GroupA.Id}/members", MembersTree.Body("李雷", MembersTree.NewResidentId()));

        var member = await Http.JsonAsync(response);
        Assert.Equal(tree.A.Id, member.GetProperty("organizationId").GetInt64());
    }

    [Fact]
    public async Task Register_WhenCheckCharacterIsWrong_IsRefusedOnResidentIdAndNothingSaved()
    {
        var (tree, secretary) = await SetUpAsync();
        var valid = MembersTree.NewResidentId();
        var wrong = valid[..17] + (valid[17] == '0' ? '1' : '0');

        using var response = await Http.PostJsonAsync(secretary, $"/api/v1/organizations/{tree.A.Id}/members", MembersTree.Body("张三", wrong));

        var messages = await FieldErrorsAsync(response, "ResidentId");
        Assert.Contains(messages, m => m.Contains("check character", StringComparison.Ordinal));
        Assert.Equal(0, await MembersTree.CountMembersAsync(app.Database, tree.A.Id));
    }

    [Fact]
    public async Task Register_WhenBirthDateInNumberIsImpossible_IsRefusedOnResidentIdAndNothingSaved()
    {
        var (tree, secretary) = await SetUpAsync();
        var first17 = "110101" + "19990230" + "123";
        var impossible = first17 + ResidentId.CheckCharacter(first17);

        using var response = await Http.PostJsonAsync(secretary, $"/api/v1/organizations/{tree.A.Id}/members", MembersTree.Body("张三", impossible));

        var messages = await FieldErrorsAsync(response, "ResidentId");
        Assert.Contains(messages, m => m.Contains("19990230", StringComparison.Ordinal));
        Assert.Equal(0, await MembersTree.CountMembersAsync(app.Database, tree.A.Id));
    }

    [Fact]
    public async Task Register_WhenNumberIsRegisteredInSiblingBranchOutOfSight_IsRefusedWithoutSayingWhere()
    {
        var (tree, secretary) = await SetUpAsync();
        var (_, taken) = await TestData.AddMemberAsync(app.Database, tree.B);

        using var response = await Http.PostJsonAsync(secretary, $"/api/v1/organizations/{tree.A.Id}/members", MembersTree.Body("重复", taken));

        var text = await response.Content.ReadAsStringAsync();
        var messages = await FieldErrorsAsync(response, "ResidentId");
        Assert.Contains(messages, m => m.Contains("already registered", StringComparison.Ordinal));
        Assert.DoesNotContain(tree.B.Name, text, StringComparison.Ordinal);
        Assert.Equal(0, await MembersTree.CountMembersAsync(app.Database, tree.A.Id));
    }

    [Fact]
    public async Task Register_WhenBirthDateAndGenderDisagreeWithNumber_IsRefusedOnThoseFields()
    {
        var (tree, secretary) = await SetUpAsync();
        var residentId = MembersTree.NewResidentId(Gender.Male);

        using var response = await Http.PostJsonAsync(secretary, $"/api/v1/organizations/{tree.A.Id}/members",
            MembersTree.Body("张三", residentId, birthDate: "1970-05-05", gender: "Female"));

        var problem = await Http.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("BirthDate", out _));
        Assert.True(problem.GetProperty("errors").TryGetProperty("Gender", out _));
        Assert.Equal(0, await MembersTree.CountMembersAsync(app.Database, tree.A.Id));
    }

    [Fact]
    public async Task Register_WhenYoungerThan18OnJoining_IsRefusedOnJoinedOn()
    {
        var (tree, secretary) = await SetUpAsync();

        using var response = await Http.PostJsonAsync(secretary, $"/api/v1/organizations/{tree.A.Id}/members",
            MembersTree.Body("少年", MembersTree.NewResidentId(birthYear: 2000), joinedOn: "2017-01-01", fullOn: "2018-01-01"));

        await FieldErrorsAsync(response, "JoinedOn");
    }

    [Fact]
    public async Task Register_InSiblingBranch_IsNotFound()
    {
        var (tree, secretary) = await SetUpAsync();

        using var response = await Http.PostJsonAsync(secretary, $"/api/v1/organizations/{tree.B.Id}/members", MembersTree.Body("越界", MembersTree.NewResidentId()));

        await Http.ProblemAsync(response, HttpStatusCode.NotFound);
        Assert.Equal(0, await MembersTree.CountMembersAsync(app.Database, tree.B.Id));
    }

    [Fact]
    public async Task Register_InCommittee_IsRefusedOnOrganization()
    {
        var tree = await MembersTree.BuildAsync(app.Database);
        var department = await Factory.CreateApiClientAsync(await Factory.CreateUserAsync(BastionRoles.OrganizationDepartment, tree.C.Id));

        using var response = await Http.PostJsonAsync(department, $"/api/v1/organizations/{tree.C.Id}/members", MembersTree.Body("委员", MembersTree.NewResidentId()));

        await FieldErrorsAsync(response, "OrganizationId");
    }

    [Fact]
    public async Task Update_WhenNumberChangesToOneRegisteredElsewhere_IsRefusedAndRecordUnchanged()
    {
        var (tree, secretary) = await SetUpAsync();
        var (member, residentId) = await TestData.AddMemberAsync(app.Database, tree.A);
        var (_, taken) = await TestData.AddMemberAsync(app.Database, tree.B);

        using var refused = await Http.PutJsonAsync(secretary, $"/api/v1/members/{member.Id}", MembersTree.Body("改号", taken, joinedOn: "1985-01-01", fullOn: "1986-01-01"));

        await FieldErrorsAsync(refused, "ResidentId");
        await using var db = app.Database.NewContext();
        var stored = await db.Members.SingleAsync(m => m.Id == member.Id);
        Assert.Equal(member.Name, stored.Name);
        Assert.Equal(TestData.Pii(app.Database).LookupHash(residentId), stored.ResidentIdHash);
    }

    [Fact]
    public async Task Update_WhenResidentIdLeftBlank_KeepsNumberAndSavesOtherFields()
    {
        var (tree, secretary) = await SetUpAsync();
        var (member, residentId) = await TestData.AddMemberAsync(app.Database, tree.A);

        using var response = await Http.PutJsonAsync(secretary, $"/api/v1/members/{member.Id}", MembersTree.Body("新名字", "", joinedOn: "1990-03-01", fullOn: "1991-03-01", phone: null));

        var updated = await Http.JsonAsync(response);
        Assert.Equal("新名字", updated.GetProperty("name").GetString());
        Assert.Equal(ResidentId.Mask(residentId), updated.GetProperty("residentId").GetString());
        Assert.Equal(JsonValueKind.Null, updated.GetProperty("phone").ValueKind);
    }

    [Fact]
    public async Task List_WithFilters_ReturnsOnlyMatchingMembers()
    {
        var (tree, secretary) = await SetUpAsync();
        await Http.JsonAsync(await Http.PostJsonAsync(secretary, $"/api/v1/organizations/{tree.A.Id}/members", MembersTree.Body("欧阳正", MembersTree.NewResidentId())));
        await Http.JsonAsync(await Http.PostJsonAsync(secretary, $"/api/v1/organizations/{tree.A.Id}/members",
            MembersTree.Body("欧阳预", MembersTree.NewResidentId(), category: "Probationary", joinedOn: "2025-12-01", fullOn: null)));
        await Http.JsonAsync(await Http.PostJsonAsync(secretary, $"/api/v1/organizations/{tree.A.Id}/members", MembersTree.Body("司马正", MembersTree.NewResidentId())));

        var byName = await Http.GetJsonAsync(secretary, $"/api/v1/organizations/{tree.A.Id}/members?name=欧阳");
        var probationary = await Http.GetJsonAsync(secretary, $"/api/v1/organizations/{tree.A.Id}/members?category=Probationary");
        var both = await Http.GetJsonAsync(secretary, $"/api/v1/organizations/{tree.A.Id}/members?name=欧阳&category=Full&status=Active");

        Assert.Equal(["欧阳正", "欧阳预"], byName.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()).Order());
        Assert.Equal(["欧阳预"], probationary.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()));
        Assert.Equal(["欧阳正"], both.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()));
    }
}
