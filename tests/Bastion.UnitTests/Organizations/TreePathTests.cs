using Bastion.Organizations;

namespace Bastion.UnitTests.Organizations;

public class TreePathTests
{
    [Fact]
    public void Child_WhenParentIsNull_StartsAtRoot()
    {
        Assert.Equal("/1/", TreePath.Child(null, 1));
    }

    [Fact]
    public void Child_WhenParentGiven_AppendsIdAndSlash()
    {
        Assert.Equal("/1/17/", TreePath.Child("/1/", 17));
        Assert.Equal("/1/17/2031/", TreePath.Child("/1/17/", 2031));
    }

    [Fact]
    public void Child_WhenIdIsLarge_WritesAllDigitsWithoutGrouping()
    {
        Assert.Equal("/9223372036854775807/", TreePath.Child(TreePath.Everything, long.MaxValue));
    }

    [Fact]
    public void UpperBound_WhenGivenPath_AppendsTilde()
    {
        Assert.Equal("/1/17/~", TreePath.UpperBound("/1/17/"));
    }

    [Theory]
    [InlineData("/1/", "/1/", true)]
    [InlineData("/1/", "/1/17/", true)]
    [InlineData("/1/", "/1/17/2031/", true)]
    [InlineData("/1/17/", "/1/17/2031/", true)]
    [InlineData("/", "/5/6/", true)]
    [InlineData("/1/17/", "/1/170/", false)]
    [InlineData("/1/17/", "/1/1/", false)]
    [InlineData("/1/17/", "/1/", false)]
    [InlineData("/1/17/2031/", "/1/17/", false)]
    [InlineData("/2/", "/1/2/", false)]
    public void Contains_WhenComparingPaths_MatchesOnlyDescendantsAndSelf(string ancestor, string path, bool expected)
    {
        Assert.Equal(expected, TreePath.Contains(ancestor, path));
    }

    [Theory]
    [InlineData("/1/17/2031/", new long[] { 1, 17, 2031 })]
    [InlineData("/42/", new long[] { 42 })]
    [InlineData("/", new long[0])]
    public void Ids_WhenGivenPath_ReturnsIdsRootFirst(string path, long[] expected)
    {
        Assert.Equal(expected, TreePath.Ids(path));
    }

    [Fact]
    public void Ids_WhenPathBuiltWithChild_RoundTrips()
    {
        var path = TreePath.Child(TreePath.Child(TreePath.Child(null, 3), 300), 30);

        Assert.Equal([3L, 300L, 30L], TreePath.Ids(path));
    }

    [Fact]
    public void UpperBound_WhenPathsGenerated_DescendantsSortInsideRangeAndOthersOutside()
    {
        var random = new Random(4242);
        // Ids that share prefixes on purpose (1, 17, 170, 1700 …) so that sibling leaks would show.
        long[] tricky = [1, 2, 7, 9, 10, 11, 17, 19, 70, 71, 99, 100, 170, 171, 179, 1700, 17000, 9999];
        long NextId() => random.Next(3) == 0 ? tricky[random.Next(tricky.Length)] : random.Next(1, 100_000);

        var paths = new List<string>();
        for (var i = 0; i < 3000; i++)
        {
            var path = TreePath.Child(null, NextId());
            var depth = random.Next(0, 6);
            for (var d = 0; d < depth; d++) path = TreePath.Child(path, NextId());
            paths.Add(path);
        }
        paths.AddRange(["/1/", "/1/17/", "/1/170/", "/1/17/2031/", "/1/170/5/", "/1/1/", "/1/171/", "/17/", "/170/", "/1/16/"]);

        foreach (var p in paths.Take(300).Append("/1/17/").Append("/1/"))
        {
            var upper = TreePath.UpperBound(p);
            foreach (var q in paths)
            {
                var inRange = string.CompareOrdinal(q, p) >= 0 && string.CompareOrdinal(q, upper) < 0;
                var expected = IsDescendantOrSelf(p, q);
                Assert.True(inRange == expected, $"path {q} vs subtree [{p}, {upper}): in range = {inRange}, descendant = {expected}");
                Assert.Equal(expected, TreePath.Contains(p, q));
            }
        }
    }

    [Fact]
    public void UpperBound_WhenSiblingSharesPrefix_SiblingSortsOutside()
    {
        var p = "/1/17/";
        var upper = TreePath.UpperBound(p);

        foreach (var sibling in new[] { "/1/170/", "/1/170/3/", "/1/171/", "/1/179999/" })
        {
            Assert.False(string.CompareOrdinal(sibling, p) >= 0 && string.CompareOrdinal(sibling, upper) < 0, sibling);
        }
        var ordered = new[] { "/1/170/", "/1/17/99/", "/1/16/", "/1/17/", "/1/18/", "/1/17/1/" }.Order(StringComparer.Ordinal).ToList();
        var from = ordered.IndexOf("/1/17/");
        Assert.Equal(["/1/17/", "/1/17/1/", "/1/17/99/"], ordered.Skip(from).TakeWhile(s => string.CompareOrdinal(s, upper) < 0));
    }

    // Independent of TreePath: compares the id sequences.
    private static bool IsDescendantOrSelf(string ancestor, string path)
    {
        var a = ancestor.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var b = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return a.Length <= b.Length && a.SequenceEqual(b.Take(a.Length));
    }
}
