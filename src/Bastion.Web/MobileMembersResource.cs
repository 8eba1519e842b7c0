namespace Bastion.Web;

/// <summary>Marker for the mobile members module's texts: Resources/MobileMembersResource.{zh-CN,en}.resx.</summary>
public sealed class MobileMembersResource;
