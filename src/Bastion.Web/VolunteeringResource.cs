namespace Bastion.Web;

/// <summary>Marker for the volunteering and pioneer posts (志愿服务, 党员先锋岗) module's localized texts.</summary>
public sealed class VolunteeringResource;
