namespace Bastion.Web;

/// <summary>Marker for the member development (发展党员) module's localized texts.</summary>
public sealed class DevelopmentResource;
