namespace Bastion.Web;

/// <summary>Marker for the texts of the rectification module (整顿软弱涣散基层党组织): Resources/RectificationResource.{zh-CN,en}.resx.</summary>
public sealed class RectificationResource;
