namespace Bastion.Web;

/// <summary>Marker for the dues module's texts: Resources/DuesResource.{zh-CN,en}.resx.</summary>
public sealed class DuesResource;
