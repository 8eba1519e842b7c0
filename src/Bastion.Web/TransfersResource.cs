namespace Bastion.Web;

/// <summary>Marker for the transfers module's texts: Resources/TransfersResource.{zh-CN,en}.resx.</summary>
public sealed class TransfersResource;
