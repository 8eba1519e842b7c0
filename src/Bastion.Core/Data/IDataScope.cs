using Bastion.Organizations;

namespace Bastion.Data;

/// <summary>
/// Who is acting and which part of the organization tree they may touch. The DbContext's query
/// filters read it on every query of organization-owned data: the one security boundary.
/// </summary>
public interface IDataScope
{
    /// <summary>Materialized path of the subtree root; <see cref="TreePath.Everything"/> for unrestricted work.</summary>
    string Path { get; }

    /// <summary>Who acts, as written into the audit log.</summary>
    string Actor { get; }
}

public sealed class FixedDataScope(string path, string actor) : IDataScope
{
    public string Path { get; } = path;
    public string Actor { get; } = actor;

    /// <summary>Unrestricted scope for the CLI, background jobs and start-up work.</summary>
    public static FixedDataScope System(string actor = "system") => new(TreePath.Everything, actor);

    /// <summary>A scope that sees nothing (anonymous requests).</summary>
    public static FixedDataScope Nothing { get; } = new("/none/", "anonymous");
}

/// <summary>Marks data that belongs to one organization; the data-scope filter limits it to the subtree.</summary>
public interface IOrganizationOwned
{
    long OrganizationId { get; }
}
