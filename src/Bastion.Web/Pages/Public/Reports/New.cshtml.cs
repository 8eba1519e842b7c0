using Bastion.Attachments;
using Bastion.Data;
using Bastion.Security;
using Bastion.Web.Api;
using Bastion.Web.Pages.Discipline;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Bastion.Web.Pages.Public.Reports;

/// <summary>The public report page (问题线索举报): no account, rate-limited per client like the public intake.</summary>
[AllowAnonymous]
[EnableRateLimiting(RequestsApi.PublicIntakeRateLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = 64 * 1024 * 1024)]
public sealed class NewModel(BastionDb db, PiiProtector pii, AttachmentStore store) : ReportFormModel(db, pii, store)
{
    public override string TrackLink => "/public/reports/track";
}
