namespace Bastion.Web;

/// <summary>Marker for the Directives (决策部署落实) module's localized texts.</summary>
public sealed class DirectivesResource;
