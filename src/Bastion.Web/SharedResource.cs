namespace Bastion.Web;

/// <summary>Marker for the one resource file pair every page and message uses: Resources/SharedResource.{zh-CN,en}.resx.</summary>
public sealed class SharedResource;
