using Bastion.Attachments;
using Bastion.Data;
using Bastion.Grids;
using Bastion.Requests;
using Bastion.Security;
using Bastion.Shared;
using Bastion.Web.Api;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Web.Pages.Public.Requests;

/// <summary>
/// The public intake (民有所呼): anyone raises a request without an account. Rate-limited per client, a honeypot field
/// for bots, photos checked by size and real type before anything is saved, and the form keeps what was typed when
/// something is wrong.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(RequestsApi.PublicIntakeRateLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = 64 * 1024 * 1024)]
public sealed class NewModel(BastionDb db, PiiProtector pii, AttachmentStore store) : PageModel
{
    public const int MaxPhotos = 3;
    public const string OwnerType = "ServiceRequest";

    [BindProperty] public string? CategoryCode { get; set; }
    [BindProperty] public string? Description { get; set; }
    [BindProperty] public string? AddressText { get; set; }
    [BindProperty] public double? Latitude { get; set; }
    [BindProperty] public double? Longitude { get; set; }
    [BindProperty] public long? GridId { get; set; }
    [BindProperty] public long? OrganizationId { get; set; }
    [BindProperty] public string? Contact { get; set; }
    /// <summary>Hidden from people; a bot that fills it in is refused.</summary>
    [BindProperty] public string? Website { get; set; }
    [BindProperty] public List<IFormFile> Photos { get; set; } = [];

    public IDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();
    public IReadOnlyList<GridView> Grids { get; private set; } = [];
    public IReadOnlyList<(long Id, string Name)> Organizations { get; private set; } = [];
    public long MaxPhotoBytes => store.MaxBytes;

    public async Task OnGetAsync(string? audience, CancellationToken ct)
    {
        if (audience == "enterprise") CategoryCode = ServiceRequestRuleSet.Load().Categories.FirstOrDefault(c => c.Audience == "enterprise")?.Code;
        await LoadListsAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        foreach (var (key, entry) in ModelState)
            if (entry.Errors.Count > 0) Errors[key] = ["The value is not valid."];
        if (!string.IsNullOrEmpty(Website)) Errors["Form"] = ["The request could not be accepted."];
        var photos = await CheckPhotosAsync(ct);
        try
        {
            if (Errors.Count > 0) throw new ValidationFailedException(Errors);
            var request = await SubmitRequest.HandleAsync(db, pii, new SubmitRequest.Command
            {
                CategoryCode = CategoryCode, Description = Description, AddressText = AddressText, Latitude = Latitude, Longitude = Longitude,
                GridId = GridId, OrganizationId = GridId is null ? OrganizationId : null, Contact = Contact, Source = RequestSource.Web,
            }, ct);
            foreach (var photo in photos)
            {
                await using var stream = photo.OpenReadStream();
                await store.AddAsync(db, request.OrganizationId, OwnerType, request.Id, photo.FileName, stream, ct);
            }
            if (photos.Count > 0) await db.SaveChangesAsync(ct);
            return Redirect($"/public/requests/track?code={request.TrackingCode}&received=true");
        }
        catch (ValidationFailedException e) { Errors = e.Errors; }
        await LoadListsAsync(ct);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    /// <summary>Pictures only (JPEG, PNG, WebP, by content), each within the upload limit, at most <see cref="MaxPhotos"/>.</summary>
    private async Task<List<IFormFile>> CheckPhotosAsync(CancellationToken ct)
    {
        var photos = Photos.Where(p => p.Length > 0 || p.FileName.Length > 0).ToList();
        var problems = new List<string>();
        if (photos.Count > MaxPhotos) problems.Add($"At most {MaxPhotos} photos.");
        foreach (var photo in photos)
        {
            if (photo.Length == 0) { problems.Add($"{photo.FileName}: the file is empty."); continue; }
            if (photo.Length > store.MaxBytes) { problems.Add($"{photo.FileName}: the photo is larger than {store.MaxBytes / (1024 * 1024)} MB."); continue; }
            var head = new byte[16];
            await using var stream = photo.OpenReadStream();
            var read = await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, ct);
            if (AttachmentStore.Sniff(head.AsSpan(0, read)) is not { } type || !type.StartsWith("image/", StringComparison.Ordinal))
                problems.Add($"{photo.FileName}: only JPEG, PNG or WebP pictures.");
        }
        if (problems.Count > 0) Errors[nameof(Photos)] = [.. problems];
        return photos;
    }

    private async Task LoadListsAsync(CancellationToken ct)
    {
        Grids = await GridQueries.PublicAsync(db, ct);
        Organizations = Grids.GroupBy(g => g.OrganizationId).Select(g => (g.Key, g.First().OrganizationName)).ToList();
    }
}
