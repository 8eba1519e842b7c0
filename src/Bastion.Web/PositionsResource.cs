namespace Bastion.Web;

/// <summary>Marker for the Positions (职务) module's localized texts.</summary>
public sealed class PositionsResource;
