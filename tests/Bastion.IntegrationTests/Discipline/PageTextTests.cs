using System.Net;
using System.Text.RegularExpressions;
using Bastion.IntegrationTests.Infrastructure;

namespace Bastion.IntegrationTests.Discipline;

/// <summary>Every text on the discipline pages comes from the resources, in Chinese and in English.</summary>
public sealed partial class PageTextTests(BastionAppFixture app) : IClassFixture<BastionAppFixture>
{
    private BastionFactory Factory => app.Factory;

    [Theory]
    [InlineData("zh-CN", "问题线索举报")]
    [InlineData("en", "Report misconduct")]
    public async Task Pages_ShowNoResourceKeys(string culture, string title)
    {
        var t = await DisciplineTestData.BuildAsync(Factory);
        var filed = await DisciplineTestData.FileAsync(Factory, t.Branch.Id, "页面文字检查", t.Secretary.Name, anonymous: false);
        var anonymous = Factory.CreateBrowser();
        var staff = await Factory.SignInAsync(t.TownshipDiscipline);
        var member = await Factory.SignInAsync(t.BranchMemberUser);
        var admin = await Factory.SignInAsync(t.Admin);
        foreach (var (client, page) in new[]
        {
            (anonymous, "/public/reports/new"), (anonymous, "/public/reports/track"), (member, "/Discipline/Report"),
            (staff, "/Discipline"), (staff, $"/Discipline/Details/{filed.Id}"), (staff, "/Discipline/Statistics"), (admin, $"/Discipline/Statistics?org={t.County.Id}"),
        })
        {
            using var response = await client.GetAsync($"{page}{(page.Contains('?') ? '&' : '?')}culture={culture}");
            var html = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{page}: {(int)response.StatusCode}");
            Assert.DoesNotMatch(ResourceKey(), html);
            if (page.Contains("new") || page.Contains("Report")) Assert.Contains(title, html);
        }
    }

    [GeneratedRegex(@">\s*(Report|Receipt|Track|Field|Status|Outcome|Disposition|Event|Error|Index|Details|Statistics|Nav)\.[A-Za-z.]+\s*<")]
    private static partial Regex ResourceKey();
}
