using Bastion.Data;
using Bastion.Grids;
using Bastion.Organizations;
using Bastion.Security;
using Bastion.Shared;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Requests;

/// <summary>
/// Receives a request from the public page, an Open311 client or staff. No account is needed, so everything here reads
/// past the data scope explicitly: the grid's organization gets the request, or the organization chosen.
/// </summary>
public static class SubmitRequest
{
    public sealed record Command
    {
        public string? CategoryCode { get; init; }
        public string? Description { get; init; }
        public string? AddressText { get; init; }
        public double? Latitude { get; init; }
        public double? Longitude { get; init; }
        public long? GridId { get; init; }
        /// <summary>Used when no grid is given.</summary>
        public long? OrganizationId { get; init; }
        public string? Contact { get; init; }
        public RequestSource Source { get; init; } = RequestSource.Web;
        /// <summary>Requests that need a location (Open311) say so; the page asks for a grid or organization instead.</summary>
        public bool RequireLocation { get; init; }
    }

    public static async Task<ServiceRequest> HandleAsync(BastionDb db, PiiProtector pii, Command command, CancellationToken ct = default)
    {
        var rules = ServiceRequestRuleSet.Load();
        var errors = Validate(command, rules);
        var routed = await RouteAsync(db, command, errors, ct);
        if (errors.Count > 0) throw new ValidationFailedException(errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));

        var category = rules.Find(command.CategoryCode)!;
        var now = Clock.UtcNow(db.Time);
        var (firstDue, resolutionDue) = ServiceRequestRules.Deadlines(category, now);
        var contact = ServiceRequestRules.CleanText(command.Contact);
        var request = new ServiceRequest
        {
            OrganizationId = routed!.Value.OrganizationId, RegionId = routed.Value.RegionId, GridId = routed.Value.GridId,
            TrackingCode = await UniqueCodeAsync(db, ct), CategoryCode = category.Code,
            Description = ServiceRequestRules.CleanText(command.Description), AddressText = Blank(ServiceRequestRules.CleanText(command.AddressText)),
            Latitude = command.Latitude, Longitude = command.Longitude,
            ContactCipher = contact.Length == 0 ? null : pii.Encrypt(contact), ContactMasked = contact.Length == 0 ? null : ServiceRequestRules.MaskContact(contact),
            Source = command.Source, RuleSetVersion = rules.Version, ReceivedAt = now, FirstResponseDueAt = firstDue, ResolutionDueAt = resolutionDue, UpdatedAt = now,
        };
        // Its own transaction, unless the caller's (a household contact raising a request) is already open.
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        db.Set<ServiceRequest>().Add(request);
        await db.SaveChangesAsync(ct);
        db.Set<RequestEvent>().Add(new RequestEvent
        {
            RequestId = request.Id, Kind = RequestEventKind.Received, At = now, OrganizationId = request.OrganizationId, IsPublic = true,
        });
        await db.SaveChangesAsync(ct);
        if (transaction is not null) await transaction.CommitAsync(ct);
        return request;
    }

    private static Dictionary<string, List<string>> Validate(Command c, ServiceRequestRuleSet rules)
    {
        var errors = new Dictionary<string, List<string>>();
        void Error(string field, string message) => (errors.TryGetValue(field, out var list) ? list : errors[field] = []).Add(message);
        if (rules.Find(c.CategoryCode) is null) Error(nameof(Command.CategoryCode), "Choose a service category.");
        var description = ServiceRequestRules.CleanText(c.Description);
        if (description.Length == 0) Error(nameof(Command.Description), "Describe the problem.");
        else if (description.Length > ServiceRequestRules.MaxDescription) Error(nameof(Command.Description), $"The description may have at most {ServiceRequestRules.MaxDescription} characters.");
        if (c.AddressText?.Trim().Length > ServiceRequestRules.MaxAddress) Error(nameof(Command.AddressText), $"The address may have at most {ServiceRequestRules.MaxAddress} characters.");
        if (c.Contact?.Trim().Length > ServiceRequestRules.MaxContact) Error(nameof(Command.Contact), $"The contact may have at most {ServiceRequestRules.MaxContact} characters.");
        if ((c.Latitude is null) != (c.Longitude is null)) Error(nameof(Command.Latitude), "Give both latitude and longitude, or neither.");
        if (c.Latitude is < -90 or > 90 || c.Latitude is double.NaN) Error(nameof(Command.Latitude), "The latitude lies between -90 and 90.");
        if (c.Longitude is < -180 or > 180 || c.Longitude is double.NaN) Error(nameof(Command.Longitude), "The longitude lies between -180 and 180.");
        if (c.RequireLocation && c.Latitude is null && string.IsNullOrWhiteSpace(c.AddressText))
            Error(nameof(Command.AddressText), "Give the location: lat and long, or an address.");
        return errors;
    }

    private static async Task<(long OrganizationId, long RegionId, long? GridId)?> RouteAsync(BastionDb db, Command c, Dictionary<string, List<string>> errors, CancellationToken ct)
    {
        var organizations = db.Organizations.IgnoreQueryFilters().Where(o => o.Status == OrganizationStatus.Active);
        if (c.GridId is { } gridId)
        {
            var grid = await db.Set<Grid>().IgnoreQueryFilters().Where(g => g.Id == gridId && g.IsActive)
                .Join(organizations, g => g.OrganizationId, o => o.Id, (g, o) => new { g.Id, g.OrganizationId, o.RegionId }).FirstOrDefaultAsync(ct);
            if (grid is not null) return (grid.OrganizationId, grid.RegionId, grid.Id);
            errors[nameof(Command.GridId)] = ["The grid does not exist or no longer takes requests."];
            return null;
        }
        if (c.OrganizationId is { } orgId)
        {
            var org = await organizations.Where(o => o.Id == orgId && o.Kind != OrganizationKind.Group).Select(o => new { o.Id, o.RegionId }).FirstOrDefaultAsync(ct);
            if (org is not null) return (org.Id, org.RegionId, null);
            errors[nameof(Command.OrganizationId)] = ["The organization does not exist or does not take requests."];
            return null;
        }
        errors[nameof(Command.GridId)] = ["Choose your grid, or the community, village or organization the request is for."];
        return null;
    }

    private static async Task<string> UniqueCodeAsync(BastionDb db, CancellationToken ct)
    {
        // 49 random bits: a clash is rare enough that a second draw settles it.
        while (true)
        {
            var code = TrackingCode.New();
            if (!await db.Set<ServiceRequest>().IgnoreQueryFilters().AnyAsync(r => r.TrackingCode == code, ct)) return code;
        }
    }

    private static string? Blank(string text) => text.Length == 0 ? null : text;
}
