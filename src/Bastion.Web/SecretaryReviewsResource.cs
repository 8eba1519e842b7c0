namespace Bastion.Web;

/// <summary>Marker for the secretaries' review (书记抓基层党建工作述职评议考核) module's localized texts.</summary>
public sealed class SecretaryReviewsResource;
