namespace Bastion.Web;

/// <summary>Marker for the emergency call-ups (应急动员) module's localized texts.</summary>
public sealed class CallUpsResource;
