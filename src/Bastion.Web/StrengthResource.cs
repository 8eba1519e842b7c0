namespace Bastion.Web;

/// <summary>Marker for the Organizational Strength Index (组织力指数) module's localized texts.</summary>
public sealed class StrengthResource;
