namespace Bastion.Web;

/// <summary>Marker for the Standardization (标准化规范化建设) module's localized texts.</summary>
public sealed class StandardizationResource;
