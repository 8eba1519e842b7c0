using Bastion.Attachments;
using Bastion.Data;
using Bastion.Security;
using Microsoft.AspNetCore.Mvc;

namespace Bastion.Web.Pages.Discipline;

/// <summary>
/// The member page for filing a report (any signed-in person). Even here an anonymous report records nothing about
/// who filed it: the report is written under the anonymous actor, and the member's account is not consulted.
/// </summary>
[RequestFormLimits(MultipartBodyLengthLimit = 64 * 1024 * 1024)]
public sealed class ReportModel(BastionDb db, PiiProtector pii, AttachmentStore store) : ReportFormModel(db, pii, store)
{
    public override string TrackLink => "/public/reports/track";
}
