namespace Bastion.Organizations;

/// <summary>
/// Materialized paths such as "/1/17/2031/". A subtree is every path in [p, p + "~"):
/// paths hold only digits and '/', which all sort below '~' in ordinal (and PostgreSQL "C") order.
/// </summary>
public static class TreePath
{
    public const string Everything = "/";

    public static string Child(string? parentPath, long id) =>
        (parentPath ?? "/") + id.ToString(System.Globalization.CultureInfo.InvariantCulture) + "/";

    /// <summary>The exclusive upper bound of the subtree rooted at <paramref name="path"/>.</summary>
    public static string UpperBound(string path) => path + "~";

    public static bool Contains(string ancestorPath, string path) =>
        path.StartsWith(ancestorPath, StringComparison.Ordinal);

    /// <summary>Ids along the path, root first.</summary>
    public static IReadOnlyList<long> Ids(string path) =>
        path.Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Select(s => long.Parse(s, System.Globalization.CultureInfo.InvariantCulture))
            .ToList();
}
