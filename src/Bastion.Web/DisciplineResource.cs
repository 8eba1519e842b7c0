namespace Bastion.Web;

/// <summary>Marker for the texts of the discipline module (正风肃纪) and its public report pages: Resources/DisciplineResource.{zh-CN,en}.resx.</summary>
public sealed class DisciplineResource;
