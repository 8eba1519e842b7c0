using Bastion.Data;
using Bastion.Organizations;

namespace Bastion.Web.Security;

/// <summary>The data scope of the current request, set once by <see cref="DataScopeMiddleware"/> from the signed-in user.</summary>
public sealed class HttpDataScope : IDataScope
{
    public string Path { get; private set; } = FixedDataScope.Nothing.Path;
    public string Actor { get; private set; } = "anonymous";

    internal void Set(string path, string actor)
    {
        Path = path;
        Actor = actor;
    }

    /// <summary>Unrestricted scope for work the application does itself (start-up, background jobs).</summary>
    public void UseSystem(string actor) => Set(TreePath.Everything, actor);
}
