namespace Bastion.Web;

/// <summary>Marker for the Compliance (组织生活落实情况) module's localized texts.</summary>
public sealed class ComplianceResource;
