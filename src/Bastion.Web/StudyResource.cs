namespace Bastion.Web;

/// <summary>Marker for the Study (学习教育) module's localized texts.</summary>
public sealed class StudyResource;
