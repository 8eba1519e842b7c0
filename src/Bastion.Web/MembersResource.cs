namespace Bastion.Web;

/// <summary>The words of the Members pages (Resources/MembersResource.zh-CN.resx, .en.resx).</summary>
public sealed class MembersResource;
