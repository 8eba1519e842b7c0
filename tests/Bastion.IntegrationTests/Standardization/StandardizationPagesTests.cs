using System.Net;
using Bastion.IntegrationTests.Infrastructure;

namespace Bastion.IntegrationTests.Standardization;

public sealed class StandardizationPagesTests(BastionAppFixture app) : IClassFixture<BastionAppFixture>
{
    [Fact]
    public async Task Pages_LetTheUpperLevelAssessInspectAndConfirm_WithErrorsBesideTheFields()
    {
        var kit = await StandardizationKit.CreateAsync(app);
        var browser = await app.Factory.SignInAsync(kit.UpperUser);
        var branchUrl = $"/Standardization/Branch?org={kit.Branch.Id}";

        var token = await BastionFactory.AntiforgeryTokenAsync(browser, branchUrl);
        using (var blank = await browser.PostAsync($"{branchUrl}&handler=Assess", BastionFactory.Form((BastionFactory.AntiforgeryField, token), ("Year", ""))))
        {
            Assert.Equal(HttpStatusCode.BadRequest, blank.StatusCode);
            var html = await blank.Content.ReadAsStringAsync();
            Assert.Contains("id=\"Year-error\"", html);
            Assert.Contains("请填写考评年度", html);
        }
        using (var future = await browser.PostAsync($"{branchUrl}&handler=Assess", BastionFactory.Form((BastionFactory.AntiforgeryField, token), ("Year", (DateTime.Now.Year + 1).ToString()))))
        {
            Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
            Assert.Contains("考评年度尚未开始", await future.Content.ReadAsStringAsync());
        }
        using var start = await browser.PostAsync($"{branchUrl}&handler=Assess", BastionFactory.Form((BastionFactory.AntiforgeryField, token), ("Year", StandardizationKit.Year.ToString())));
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        var assessmentUrl = start.Headers.Location!.OriginalString;

        var page = await browser.GetStringAsync(assessmentUrl);
        Assert.Contains("21/23 = 91.3%", page);
        Assert.Contains("正式党员8人，支委2人", page);
        Assert.Contains("data-testid=\"inspect-form\"", page);

        token = BastionFactory.AntiforgeryToken(page);
        var id = assessmentUrl.Split('/').Last();
        using (var noNote = await browser.PostAsync($"/Standardization/Assessment/{id}?handler=Inspect&code=venue", new MultipartFormDataContent
               {
                   { new StringContent(token), BastionFactory.AntiforgeryField }, { new StringContent("false"), "Met" }, { new StringContent(""), "Note" },
               }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, noNote.StatusCode);
            Assert.Contains("invalid-feedback", await noNote.Content.ReadAsStringAsync());
        }
        using (var confirm = await browser.PostAsync($"/Standardization/Assessment/{id}?handler=Confirm", BastionFactory.Form((BastionFactory.AntiforgeryField, token))))
        {
            Assert.Equal(HttpStatusCode.BadRequest, confirm.StatusCode);
            Assert.Contains("还有检查项目未填写", await confirm.Content.ReadAsStringAsync());
        }
        foreach (var code in StandardizationKit.StandardizationRuleSetItems())
        {
            using var ok = await browser.PostAsync($"/Standardization/Assessment/{id}?handler=Inspect&code={code}", new MultipartFormDataContent
            {
                { new StringContent(token), BastionFactory.AntiforgeryField }, { new StringContent("true"), "Met" }, { new StringContent("现场查看"), "Note" },
            });
            Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        }
        using (var confirmed = await browser.PostAsync($"/Standardization/Assessment/{id}?handler=Confirm", BastionFactory.Form((BastionFactory.AntiforgeryField, token))))
            Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);

        var branch = await browser.GetStringAsync(branchUrl);
        Assert.Contains("data-testid=\"history-row\"", branch);
        Assert.Contains("data-category=\"Standard\"", branch); // 30 + 54 = 84
        var list = await browser.GetStringAsync($"/Standardization?org={kit.Township.Id}");
        Assert.Contains(kit.Branch.Name, list);
        Assert.Contains("data-testid=\"nav-standardization\"", list);
    }

    [Fact]
    public async Task Pages_ShowTheBranchSecretaryItsCategory_WithoutTheInspectionForms()
    {
        var kit = await StandardizationKit.CreateAsync(app, seed: false);
        var id = await kit.AssessAsync();
        var browser = await app.Factory.SignInAsync(kit.SecretaryUser);

        var branch = await browser.GetStringAsync($"/Standardization/Branch?org={kit.Branch.Id}");
        Assert.DoesNotContain("data-testid=\"assess-form\"", branch);
        var page = await browser.GetStringAsync($"/Standardization/Assessment/{id}");
        Assert.Contains("data-testid=\"item\"", page);
        Assert.DoesNotContain("data-testid=\"inspect-form\"", page);
        Assert.DoesNotContain("data-testid=\"confirm-form\"", page);
        var rules = await browser.GetStringAsync("/Standardization/Rules");
        Assert.Contains("班子建设", rules);
    }
}
