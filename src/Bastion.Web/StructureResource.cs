namespace Bastion.Web;

/// <summary>Marker for the texts of the organization-attributes, structure-findings and coverage pages: Resources/StructureResource.{zh-CN,en}.resx.</summary>
public sealed class StructureResource;
