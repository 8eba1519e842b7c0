using Bastion.Audit;

namespace Bastion.UnitTests.Audit;

public class AuditEventTests
{
    private static readonly DateTime At = new DateTime(2025, 6, 30, 8, 15, 42, DateTimeKind.Utc).AddTicks(1_234_560);

    private static AuditEvent Sample(string prevHash = AuditEvent.GenesisHash, long seq = 1) => new()
    {
        Seq = seq,
        At = At,
        Actor = "admin",
        Entity = "Organization",
        EntityId = "17",
        Action = AuditActions.Create,
        Changes = """{"Name":"江北省委"}""",
        PrevHash = prevHash,
        Hash = "",
    };

    [Fact]
    public void ComputeHash_WhenCalledTwice_IsDeterministic()
    {
        var a = Sample().ComputeHash();
        var b = Sample().ComputeHash();

        Assert.Equal(a, b);
        Assert.Matches("^[0-9a-f]{64}$", a);
    }

    [Fact]
    public void ComputeHash_WhenInstanceAndStaticGivenSameFields_Agree()
    {
        var e = Sample();

        Assert.Equal(
            AuditEvent.ComputeHash(e.PrevHash, e.Seq, e.At, e.Actor, e.Entity, e.EntityId, e.Action, e.Changes),
            e.ComputeHash());
    }

    // Stored chains must keep verifying after upgrades: the canonical form is a persistence format.
    // Expected value: SHA-256 of the eight fields joined by '\n', computed outside .NET.
    [Fact]
    public void ComputeHash_WhenGivenKnownEvent_MatchesPinnedValue()
    {
        Assert.Equal("a3b4a22792aacb6624e565f997515baf5839af9e6e4813fcfd04e04552ce0039", Sample().ComputeHash());
    }

    public static TheoryData<string, Action<AuditEvent>> Mutations => new()
    {
        { "PrevHash", e => e.PrevHash = "1" + e.PrevHash[1..] },
        { "Seq", e => e.Seq++ },
        { "At (one microsecond)", e => e.At = e.At.AddTicks(10) },
        { "At (one second)", e => e.At = e.At.AddSeconds(1) },
        { "Actor", e => e.Actor = "admin2" },
        { "Entity", e => e.Entity = "Member" },
        { "EntityId", e => e.EntityId = "18" },
        { "Action", e => e.Action = AuditActions.Delete },
        { "Changes", e => e.Changes = """{"Name":"江北省委 "}""" },
        { "Changes (empty)", e => e.Changes = "" },
    };

    [Theory]
    [MemberData(nameof(Mutations))]
    public void ComputeHash_WhenAnyFieldChanges_Changes(string field, Action<AuditEvent> mutate)
    {
        var original = Sample().ComputeHash();
        var changed = Sample();

        mutate(changed);

        Assert.True(original != changed.ComputeHash(), $"changing {field} kept the hash");
    }

    [Fact]
    public void ComputeHash_WhenOnlyTicksBelowMicrosecondDiffer_IsUnchanged()
    {
        // Both databases store microseconds; a value read back must verify against the hash written before.
        var written = Sample();
        var readBack = Sample();
        readBack.At = readBack.At.AddTicks(9);

        Assert.Equal(written.ComputeHash(), readBack.ComputeHash());
    }

    [Fact]
    public void ComputeHash_WhenDateTimeKindDiffers_IsUnchanged()
    {
        // SQLite reads DateTime back with Kind = Unspecified.
        var utc = Sample();
        var unspecified = Sample();
        unspecified.At = DateTime.SpecifyKind(unspecified.At, DateTimeKind.Unspecified);

        Assert.Equal(utc.ComputeHash(), unspecified.ComputeHash());
    }

    [Fact]
    public void ComputeHash_WhenChained_EachEventLinksToThePrevious()
    {
        var chain = BuildChain(5);

        Assert.Equal(AuditEvent.GenesisHash, chain[0].PrevHash);
        for (var i = 1; i < chain.Count; i++) Assert.Equal(chain[i - 1].Hash, chain[i].PrevHash);
        Assert.Equal(chain.Count, chain.Select(e => e.Hash).Distinct().Count());
        Assert.True(IsIntact(chain));
    }

    [Fact]
    public void ComputeHash_WhenEarlierEventIsEdited_ChainNoLongerVerifies()
    {
        var chain = BuildChain(5);

        chain[2].Changes = """{"Name":"forged"}""";

        Assert.False(IsIntact(chain));
    }

    [Fact]
    public void ComputeHash_WhenEditedEventIsRehashed_NextLinkBreaks()
    {
        var chain = BuildChain(5);

        chain[2].Actor = "someone-else";
        chain[2].Hash = chain[2].ComputeHash();

        Assert.NotEqual(chain[2].Hash, chain[3].PrevHash);
        Assert.False(IsIntact(chain));
    }

    [Fact]
    public void ComputeHash_WhenSamePayloadFollowsDifferentPredecessor_Differs()
    {
        var first = Sample(prevHash: AuditEvent.GenesisHash).ComputeHash();
        var second = Sample(prevHash: first).ComputeHash();

        Assert.NotEqual(first, second);
    }

    private static List<AuditEvent> BuildChain(int count)
    {
        var chain = new List<AuditEvent>();
        var prev = AuditEvent.GenesisHash;
        for (var i = 1; i <= count; i++)
        {
            var e = Sample(prev, i);
            e.EntityId = i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            e.Hash = e.ComputeHash();
            chain.Add(e);
            prev = e.Hash;
        }
        return chain;
    }

    private static bool IsIntact(IReadOnlyList<AuditEvent> chain)
    {
        var prev = AuditEvent.GenesisHash;
        foreach (var e in chain)
        {
            if (e.PrevHash != prev || e.ComputeHash() != e.Hash) return false;
            prev = e.Hash;
        }
        return true;
    }
}
