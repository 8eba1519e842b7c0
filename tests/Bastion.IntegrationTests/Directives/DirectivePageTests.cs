using System.Net;
using Bastion.Identity;
using Bastion.IntegrationTests.Cascades;
using Bastion.IntegrationTests.Infrastructure;

namespace Bastion.IntegrationTests.Directives;

/// <summary>The directive pages: issue form with errors beside fields, roll-up table, the target's submit form, the inbox.</summary>
public sealed class DirectivePageTests(BastionAppFixture app) : IClassFixture<BastionAppFixture>
{
    private BastionFactory Factory => app.Factory;

    [Fact]
    public async Task IssuePage_ThenRollUpTable_ThenVillageSubmitsOnItsPage_AndCountsMoveUp()
    {
        var tree = await CascadeTree.BuildAsync(app.Database);
        var county = await Factory.SignInAsync(await Factory.CreateUserAsync(BastionRoles.OrganizationDepartment, tree.C.Id));

        var token = await BastionFactory.AntiforgeryTokenAsync(county, $"/Directives/Issue?org={tree.C.Id}");
        using (var bad = await county.PostAsync($"/Directives/Issue?org={tree.C.Id}", BastionFactory.Form(
                   (BastionFactory.AntiforgeryField, token), ("Title", ""), ("Mode", "Filter"))))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            var html = await bad.Content.ReadAsStringAsync();
            Assert.Contains("id=\"Title-error\"", html);
        }
        using (var noKinds = await county.PostAsync($"/Directives/Issue?org={tree.C.Id}", BastionFactory.Form(
                   (BastionFactory.AntiforgeryField, token), ("Title", "x"), ("Body", "y"), ("ReportRequirements", "z"),
                   ("DueOn", DateTime.Today.AddDays(9).ToString("yyyy-MM-dd")), ("Mode", "Filter"))))
        {
            Assert.Equal(HttpStatusCode.BadRequest, noKinds.StatusCode);
            Assert.Contains("data-testid=\"targets-error\"", await noKinds.Content.ReadAsStringAsync());
        }
        using var ok = await county.PostAsync($"/Directives/Issue?org={tree.C.Id}", BastionFactory.Form(
            (BastionFactory.AntiforgeryField, token), ("Title", "村级组织换届准备"), ("Body", "**按要求**完成<script>x()</script>"),
            ("DueOn", DateTime.Today.AddDays(9).ToString("yyyy-MM-dd")), ("ReportRequirements", "工作方案"),
            ("Mode", "Filter"), ("Kinds", "Branch"), ("UnitTypes", "Rural")));
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var details = ok.Headers.Location!.OriginalString;
        var page = await county.GetStringAsync(details);
        Assert.Contains("<strong>按要求</strong>", page);
        Assert.DoesNotContain("<script>x()", page);
        Assert.Contains($"data-org=\"{tree.C.Id}\" data-total=\"5\" data-completed=\"0\" data-overdue=\"0\" data-notstarted=\"5\"", page);
        Assert.Contains($"data-org=\"{tree.T2.Id}\" data-total=\"3\"", page);

        var village = await Factory.SignInAsync(await Factory.CreateUserAsync(BastionRoles.BranchSecretary, tree.V1b.Id));
        var inbox = await village.GetStringAsync("/Directives");
        Assert.Contains("村级组织换届准备", inbox);
        var targetLink = System.Text.RegularExpressions.Regex.Match(inbox, "href=\"(/Directives/Target/\\d+)\"").Groups[1].Value;
        var targetToken = await BastionFactory.AntiforgeryTokenAsync(village, targetLink);
        using (var empty = await village.PostAsync(targetLink + "?handler=Submit", new MultipartFormDataContent { { new StringContent(targetToken), BastionFactory.AntiforgeryField } }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
            Assert.Contains("is-invalid", await empty.Content.ReadAsStringAsync());
        }
        using (var submit = await village.PostAsync(targetLink + "?handler=Submit", new MultipartFormDataContent
               { { new StringContent(targetToken), BastionFactory.AntiforgeryField }, { new StringContent("方案已制定"), "Text" } }))
            Assert.Equal(HttpStatusCode.Redirect, submit.StatusCode);

        // The county accepts on the same page; the county's row shows it at once.
        var countyToken = await BastionFactory.AntiforgeryTokenAsync(county, targetLink);
        using (var accept = await county.PostAsync(targetLink + "?handler=Accept", BastionFactory.Form((BastionFactory.AntiforgeryField, countyToken))))
            Assert.Equal(HttpStatusCode.Redirect, accept.StatusCode);
        page = await county.GetStringAsync(details);
        Assert.Contains($"data-org=\"{tree.C.Id}\" data-total=\"5\" data-completed=\"1\" data-overdue=\"0\" data-notstarted=\"4\"", page);
        Assert.Contains($"data-org=\"{tree.T1.Id}\" data-total=\"2\" data-completed=\"1\"", page);

        using var other = await Factory.SignInAsync(await Factory.CreateUserAsync(BastionRoles.BranchSecretary, tree.V2a.Id)).ContinueWith(t => t.Result.GetAsync(targetLink)).Unwrap();
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
    }
}
