using System.Globalization;
using System.Net;
using System.Reflection;
using System.Resources;
using System.Text.RegularExpressions;
using Bastion.Identity;
using Bastion.IntegrationTests.Infrastructure;
using Bastion.Meetings;
using Bastion.Organizations;
using Bastion.Shared;
using Bastion.Transfers;
using Bastion.Web;

namespace Bastion.IntegrationTests;

/// <summary>
/// Every named business rule has a plain sentence in RulesResource (zh-CN and en), and a page shows it for a refusal
/// under the Chinese UI, the use case's detailed English message under English.
/// </summary>
public sealed partial class RuleMessagesTests(BastionAppFixture app) : IClassFixture<BastionAppFixture>
{
    private static readonly string[] Cultures = ["zh-CN", "en"];

    /// <summary>Rule names declared as constants in Bastion.Core: fields named …Rule, and the rule names of TransferRules.</summary>
    private static List<string> RuleConstants() =>
        typeof(DomainRuleException).Assembly.GetTypes()
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(f => f.IsLiteral && f.FieldType == typeof(string)
                && (f.Name.EndsWith("Rule", StringComparison.Ordinal) || f.DeclaringType == typeof(TransferRules)))
            .Select(f => (string)f.GetRawConstantValue()!)
            .Distinct().Order(StringComparer.Ordinal).ToList();

    /// <summary>Rule names written inline, <c>new DomainRuleException("…", …)</c>, in the sources of Bastion.Core and Bastion.Web.</summary>
    private static List<string> InlineRuleNames()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Bastion.slnx"))) dir = dir.Parent;
        Assert.NotNull(dir);
        return new[] { "src/Bastion.Core", "src/Bastion.Web" }
            .SelectMany(p => Directory.EnumerateFiles(Path.Combine(dir.FullName, p), "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => InlineRule().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .Distinct().Order(StringComparer.Ordinal).ToList();
    }

    [GeneratedRegex("""new DomainRuleException\("([^"]+)",""")]
    private static partial Regex InlineRule();

    private static List<string> Missing(IEnumerable<string> rules, string culture)
    {
        var manager = new ResourceManager("Bastion.Web.Resources.RulesResource", typeof(RulesResource).Assembly);
        var set = manager.GetResourceSet(CultureInfo.GetCultureInfo(culture), createIfNotExists: true, tryParents: false);
        Assert.NotNull(set);
        return rules.Where(r => string.IsNullOrWhiteSpace(set.GetString(r))).Select(r => $"{culture}: {r}").ToList();
    }

    [Fact]
    public void EveryRuleConstant_HasASentence_InChineseAndEnglish()
    {
        var rules = RuleConstants();
        Assert.Contains(VoteRules.GeneralMeetingQuorumRule, rules);
        Assert.Contains(TransferRules.Expired, rules);
        Assert.True(rules.Count >= 40, $"only {rules.Count} rule constants found");
        Assert.Empty(Cultures.SelectMany(c => Missing(rules, c)));
    }

    [Fact]
    public void EveryInlineRuleName_HasASentence_InChineseAndEnglish()
    {
        var rules = InlineRuleNames();
        Assert.Contains("service-full", rules);
        Assert.Contains("Study.NotAMember", rules);
        Assert.Empty(Cultures.SelectMany(c => Missing(rules, c)));
    }

    [Fact]
    public async Task RecordPage_MeetingInTheFuture_ShowsTheChineseRule_AndTheEnglishDetailUnderEnglish()
    {
        var root = await TestData.AddRootAsync(app.Database);
        var branch = await TestData.AddOrganizationAsync(app.Database, root, OrganizationKind.Branch);
        var secretary = await app.Factory.SignInAsync(await app.Factory.CreateUserAsync(BastionRoles.BranchSecretary, branch.Id));
        var start = DateTime.UtcNow.AddDays(3);
        static string Local(DateTime utc) => utc.ToLocalTime().ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
        var token = await BastionFactory.AntiforgeryTokenAsync(secretary, $"/Meetings/Plan?org={branch.Id}");
        using var planned = await secretary.PostAsync($"/Meetings/Plan?org={branch.Id}", BastionFactory.Form(
            ("Kind", "ThemePartyDay"), ("Topic", "主题党日：重温入党誓词"), ("StartsAt", Local(start)), ("EndsAt", Local(start.AddHours(2))),
            ("Place", "党员活动室"), (BastionFactory.AntiforgeryField, token)));
        Assert.Equal(HttpStatusCode.Redirect, planned.StatusCode);
        var id = long.Parse(planned.Headers.Location!.OriginalString.Split('/')[3].Split('?')[0], CultureInfo.InvariantCulture);

        const string chinese = "会议开始之后才能登记为已召开。";
        var recordToken = await BastionFactory.AntiforgeryTokenAsync(secretary, $"/Meetings/Record/{id}");
        using (var zh = await secretary.PostAsync($"/Meetings/Record/{id}", BastionFactory.Form(
                   ("Minutes", "提前登记"), (BastionFactory.AntiforgeryField, recordToken))))
        {
            Assert.Equal(HttpStatusCode.BadRequest, zh.StatusCode);
            var html = await zh.Content.ReadAsStringAsync();
            Assert.Contains(chinese, html);
            Assert.DoesNotContain("in the future", html);
        }

        using (var en = await secretary.PostAsync($"/Meetings/Record/{id}?culture=en", BastionFactory.Form(
                   ("Minutes", "提前登记"), (BastionFactory.AntiforgeryField, recordToken))))
        {
            Assert.Equal(HttpStatusCode.BadRequest, en.StatusCode);
            var html = await en.Content.ReadAsStringAsync();
            Assert.Contains("in the future; it can be recorded as held only once it has started.", html);
            Assert.DoesNotContain(chinese, html);
        }

        // The API keeps its detailed English message and the rule's name, with the plain sentence beside them.
        var client = await app.Factory.CreateApiClientAsync(await app.Factory.CreateUserAsync(BastionRoles.BranchSecretary, branch.Id));
        using var refused = await Http.PostJsonAsync(client, $"/api/v1/meetings/{id}/record", new { attendance = Array.Empty<object>() });
        var problem = await Http.ProblemAsync(refused, HttpStatusCode.Conflict);
        Assert.Equal(MeetingRules.NotHeldInFutureRule, problem.GetProperty("rule").GetString());
        Assert.Contains("in the future", problem.GetProperty("detail").GetString());
        Assert.Equal(chinese, problem.GetProperty("ruleText").GetString());
        using var refusedEn = await Http.PostJsonAsync(client, $"/api/v1/meetings/{id}/record?culture=en", new { attendance = Array.Empty<object>() });
        Assert.Equal("A meeting is recorded as held only once it has started.",
            (await Http.ProblemAsync(refusedEn, HttpStatusCode.Conflict)).GetProperty("ruleText").GetString());
    }
}
