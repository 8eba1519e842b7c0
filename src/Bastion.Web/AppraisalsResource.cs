namespace Bastion.Web;

/// <summary>Marker for the democratic appraisal (民主评议党员) module's localized texts.</summary>
public sealed class AppraisalsResource;
