namespace Bastion.Web;

/// <summary>Marker for the texts of the requests (诉求), grids (网格) and public intake pages: Resources/RequestsResource.{zh-CN,en}.resx.</summary>
public sealed class RequestsResource;
