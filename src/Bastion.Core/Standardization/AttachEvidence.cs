using Bastion.Attachments;
using Bastion.Data;

namespace Bastion.Standardization;

/// <summary>Attaches evidence (a picture, PDF, Word or Excel file) to an inspection item of a draft, from above the branch.</summary>
public static class AttachEvidence
{
    public static async Task<Attachment> HandleAsync(
        BastionDb db, AttachmentStore store, string? actorRole, long assessmentId, string code, string fileName, Stream content, CancellationToken ct = default)
    {
        var (assessment, item) = await InspectItem.LoadAsync(db, actorRole, assessmentId, code, ct);
        var attachment = await store.AddAsync(db, assessment.OrganizationId, InspectItem.AttachmentOwner, item.Id, fileName, content, ct);
        await db.SaveChangesAsync(ct);
        item.EvidenceId = attachment.Id;
        await db.SaveChangesAsync(ct);
        return attachment;
    }
}
