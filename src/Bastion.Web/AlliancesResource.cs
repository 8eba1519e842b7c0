namespace Bastion.Web;

/// <summary>Marker for the texts of the joint-building (联建共建) pages: Resources/AlliancesResource.{zh-CN,en}.resx.</summary>
public sealed class AlliancesResource;
