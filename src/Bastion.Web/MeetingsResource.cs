namespace Bastion.Web;

/// <summary>Marker for the Meetings (组织生活) module's localized texts.</summary>
public sealed class MeetingsResource;
