namespace Bastion.Web;

/// <summary>Localized texts of the rural-revitalization pages.</summary>
public sealed class VillagesResource;
