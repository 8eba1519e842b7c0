using Bastion.Requests;
using Bastion.Shared;

namespace Bastion.UnitTests.Requests;

public class ServiceRequestRulesTests
{
    private static readonly DateTime T0 = new(2026, 3, 1, 8, 0, 0, DateTimeKind.Utc);
    private static readonly ServiceRequestRuleSet Rules = ServiceRequestRuleSet.Load();

    private static ServiceRequest NewRequest(string category = "public-facilities")
    {
        var c = Rules.Find(category)!;
        var (first, resolution) = ServiceRequestRules.Deadlines(c, T0);
        return new ServiceRequest
        {
            TrackingCode = TrackingCode.New(), CategoryCode = category, Description = "x", RuleSetVersion = Rules.Version,
            ReceivedAt = T0, FirstResponseDueAt = first, ResolutionDueAt = resolution, UpdatedAt = T0,
        };
    }

    [Fact]
    public void RuleSet_EveryCategory_HasASourceAndPositiveDeadlines()
    {
        Assert.Equal("service-requests.national.2024", Rules.Version);
        Assert.All(Rules.Categories, c =>
        {
            Assert.False(string.IsNullOrWhiteSpace(c.Source));
            Assert.InRange(c.FirstResponseHours, 1, c.ResolutionHours);
        });
        Assert.Equal(7, Rules.ReopenWindowDays);
        Assert.Equal(2, Rules.Find("safety-hazard")!.FirstResponseHours);
    }

    [Fact]
    public void Parse_WhenFirstResponseIsDueAfterResolution_FailsLoudly()
    {
        const string json = """
            {"id":"x","version":"x.1","effectiveFrom":"2024-01-01","title":"t","source":"s","reopenWindowDays":7,"reopenDescription":"d","reopenSource":"s",
             "remindBeforeHours":24,"remindDescription":"d","remindSource":"s",
             "categories":[{"code":"a","name":"甲","nameEn":"A","audience":"citizen","firstResponseHours":48,"resolutionHours":24,"source":"s"}]}
            """;
        Assert.Contains("first response", Assert.Throws<InvalidOperationException>(() => ServiceRequestRuleSet.Parse(json)).Message);
    }

    [Fact]
    public void RequiredEscalationLevel_FollowsTheMissedDeadlines()
    {
        var r = NewRequest();
        Assert.Equal(0, ServiceRequestRules.RequiredEscalationLevel(r, T0.AddHours(24)));
        Assert.Equal(1, ServiceRequestRules.RequiredEscalationLevel(r, T0.AddHours(24).AddSeconds(1)));
        ServiceRequestRules.Take(r, 7, T0.AddHours(30));
        Assert.Equal(0, ServiceRequestRules.RequiredEscalationLevel(r, T0.AddHours(30)));
        Assert.Equal(2, ServiceRequestRules.RequiredEscalationLevel(r, T0.AddHours(168).AddSeconds(1)));
        ServiceRequestRules.Reply(r, 7, "done", T0.AddHours(169));
        Assert.Equal(0, ServiceRequestRules.RequiredEscalationLevel(r, T0.AddDays(30)));
    }

    [Theory]
    [InlineData("/1/17/2031/40/", 1, 2031L)]
    [InlineData("/1/17/2031/40/", 2, 17L)]
    [InlineData("/1/17/", 5, 1L)]
    public void AncestorUp_ClimbsThePath_StoppingAtTheRoot(string path, int levels, long expected) =>
        Assert.Equal(expected, ServiceRequestRules.AncestorUp(path, levels));

    [Fact]
    public void AncestorUp_AtTheRoot_IsNobody() => Assert.Null(ServiceRequestRules.AncestorUp("/1/", 1));

    [Fact]
    public void Handover_WhenNotAccepted_KeepsTheOwner_AndOnlyTheProposedOwnerAccepts()
    {
        var r = NewRequest();
        ServiceRequestRules.Take(r, 1, T0);
        ServiceRequestRules.RequestHandover(r, 1, 2, "另有归属", T0);
        Assert.Equal(1, r.OwnerUserId);
        Assert.Equal("OnlyTheProposedOwnerAccepts", Assert.Throws<DomainRuleException>(() => ServiceRequestRules.AcceptHandover(r, 3, T0)).Rule);
        Assert.Equal("OneHandoverAtATime", Assert.Throws<DomainRuleException>(() => ServiceRequestRules.RequestHandover(r, 1, 3, "再转", T0)).Rule);
        ServiceRequestRules.DeclineHandover(r, 2, T0);
        Assert.Equal(1, r.OwnerUserId);
        Assert.Null(r.PendingHandoverToUserId);
        ServiceRequestRules.RequestHandover(r, 1, 2, "再试一次", T0);
        ServiceRequestRules.AcceptHandover(r, 2, T0);
        Assert.Equal(2, r.OwnerUserId);
    }

    [Fact]
    public void Take_WhenOwned_IsNotPossible() =>
        Assert.Equal("RequestAlreadyHasOwner", Assert.Throws<DomainRuleException>(() =>
        {
            var r = NewRequest();
            ServiceRequestRules.Take(r, 1, T0);
            ServiceRequestRules.Take(r, 2, T0);
        }).Rule);

    [Fact]
    public void Rate_BeforeTheAnswer_OrTwice_IsNotPossible()
    {
        var r = NewRequest();
        Assert.Equal("OnlyAnsweredRequestsAreRated", Assert.Throws<DomainRuleException>(() => ServiceRequestRules.Rate(r, 5, null, T0)).Rule);
        ServiceRequestRules.Take(r, 1, T0);
        ServiceRequestRules.Reply(r, 1, "ok", T0);
        Assert.Throws<ValidationFailedException>(() => ServiceRequestRules.Rate(r, 6, null, T0));
        ServiceRequestRules.Rate(r, 4, null, T0);
        Assert.Equal("OneRatingPerAnswer", Assert.Throws<DomainRuleException>(() => ServiceRequestRules.Rate(r, 5, null, T0)).Rule);
    }

    [Fact]
    public void Reopen_ResetsTheResolutionDeadline_AndClearsTheRating()
    {
        var r = NewRequest();
        ServiceRequestRules.Take(r, 1, T0);
        ServiceRequestRules.Reply(r, 1, "ok", T0.AddDays(1));
        ServiceRequestRules.Rate(r, 1, "没解决", T0.AddDays(2));
        ServiceRequestRules.Reopen(r, Rules, Rules.Find(r.CategoryCode)!, "没解决", T0.AddDays(3));
        Assert.Equal(ServiceRequestStatus.InProgress, r.Status);
        Assert.Null(r.Rating);
        Assert.Equal(T0.AddDays(3).AddHours(168), r.ResolutionDueAt);
        Assert.Equal(1, r.OwnerUserId);
    }

    [Theory]
    [InlineData("k7qm-x4tr-9b", "K7QMX4TR9B")]
    [InlineData(" K7QM X4TR 9B ", "K7QMX4TR9B")]
    [InlineData("K7QM-X4TR-9", null)]
    [InlineData("O7QM-X4TR-9B", null)]
    [InlineData(null, null)]
    public void TrackingCode_Normalize_IsForgivingButStrict(string? typed, string? expected) => Assert.Equal(expected, TrackingCode.Normalize(typed));

    [Fact]
    public void TrackingCode_New_IsValidAndRandom()
    {
        var codes = Enumerable.Range(0, 1000).Select(_ => TrackingCode.New()).ToList();
        Assert.All(codes, c => Assert.Equal(c, TrackingCode.Normalize(c)));
        Assert.Equal(1000, codes.Distinct().Count());
        Assert.Equal("K7QM-X4TR-9B", TrackingCode.Display("K7QMX4TR9B"));
    }

    [Theory]
    [InlineData("王女士 13812345678", "138****5678")]
    [InlineData("li@example.com", "l********")]
    [InlineData("x", "*")]
    public void MaskContact_HidesTheContact(string contact, string masked) => Assert.Equal(masked, ServiceRequestRules.MaskContact(contact));

    [Fact]
    public void CleanText_RemovesControlCharacters_KeepsMarkupAsText() =>
        Assert.Equal("a\nb<script>", ServiceRequestRules.CleanText("  a\n\u0000b<script>\u0007 "));
}
