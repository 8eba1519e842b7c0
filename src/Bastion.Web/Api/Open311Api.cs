using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using Bastion.Data;
using Bastion.Grids;
using Bastion.Identity;
using Bastion.Organizations;
using Bastion.Requests;
using Bastion.Security;
using Bastion.Shared;
using Bastion.Web.Security;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Web.Api;

/// <summary>
/// Open311 GeoReport v2 at /open311/v2, so existing Open311 clients work unchanged: discovery, services, service
/// definitions, requests (GET with the spec's filters, POST form-encoded), one request, tokens; every answer in .json
/// or .xml with the spec's element names; errors as the spec's error array. The records are the same as the public
/// page's: service_request_id is the tracking code, service codes are the rule set's category codes.
/// POST needs an api_key (a personal access token); listing requests needs one too and shows the key holder's scope;
/// one request by its (unguessable) id is public, like the tracking page.
/// </summary>
public static class Open311Api
{
    public const string Prefix = "/open311/v2";
    private const string Specification = "http://wiki.open311.org/GeoReport_v2";

    public static IEndpointRouteBuilder MapOpen311Api(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(Prefix).WithTags("Open311").AllowAnonymous();
        api.MapGet("/discovery.{format}", Discovery);
        api.MapGet("/services.{format}", Services);
        api.MapGet("/services/{code}.{format}", ServiceDefinition);
        api.MapGet("/requests.{format}", Requests);
        api.MapPost("/requests.{format}", Post).DisableAntiforgery().WithMetadata(new EnableRateLimitingAttribute(RequestsApi.PublicIntakeRateLimit));
        api.MapGet("/requests/{id}.{format}", Request);
        api.MapGet("/tokens/{id}.{format}", Token);
        return app;
    }

    /// <summary>The rate limiter's refusal of a POST, as the spec's error array in the format asked for.</summary>
    public static Task WriteTooManyAsync(HttpContext http, CancellationToken ct)
    {
        var f = http.Request.Path.Value?.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) == true ? Fmt.Xml : Fmt.Json;
        return Error(f, 429, "Too many requests from this address; wait and try again.").ExecuteAsync(http);
    }

    /// <summary>A list in the document: its XML element names, one for the list and one per item.</summary>
    private sealed record Items(string Item, IEnumerable<object?> Values);

    private static IResult Discovery(string format, HttpContext http)
    {
        if (Format(format) is not { } f) return BadFormat(format);
        var url = $"{http.Request.Scheme}://{http.Request.Host}{Prefix}/";
        var doc = new Dictionary<string, object?>
        {
            ["changeset"] = Stamp(new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc)),
            ["contact"] = "Bastion — the organization department that runs this installation",
            ["key_service"] = "Personal access tokens: sign in and create one at /Account/Tokens; send it as api_key.",
            ["endpoints"] = new Items("endpoint", [new Dictionary<string, object?>
            {
                ["specification"] = Specification, ["url"] = url, ["changeset"] = Stamp(new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc)), ["type"] = "production",
                ["formats"] = new Items("format", ["text/xml", "application/json"]),
            }]),
        };
        return Write(f, "discovery", doc);
    }

    private static IResult Services(string format, HttpContext http)
    {
        if (Format(format) is not { } f) return BadFormat(format);
        var english = IsEnglish(http);
        return Write(f, "services", new Items("service", ServiceRequestRuleSet.Load().Categories.Select(c => (object?)new Dictionary<string, object?>
        {
            ["service_code"] = c.Code, ["service_name"] = c.DisplayName(english),
            ["description"] = english
                ? $"First response within {c.FirstResponseHours} h, resolution within {c.ResolutionHours} h."
                : $"{c.FirstResponseHours}小时内响应，{c.ResolutionHours}小时内办结。",
            ["metadata"] = true, ["type"] = "realtime", ["keywords"] = c.Audience, ["group"] = c.Audience,
        })));
    }

    private static IResult ServiceDefinition(string code, string format)
    {
        if (Format(format) is not { } f) return BadFormat(format);
        if (ServiceRequestRuleSet.Load().Find(code) is not { } c) return Error(f, 404, $"No service with code '{code}'.");
        return Write(f, "service_definition", new Dictionary<string, object?>
        {
            ["service_code"] = c.Code,
            ["attributes"] = new Items("attribute", [new Dictionary<string, object?>
            {
                ["variable"] = true, ["code"] = "grid", ["datatype"] = "string", ["required"] = false,
                ["datatype_description"] = "The grid (网格) code, e.g. XH-03; without it the request goes to the api_key holder's organization.",
                ["order"] = 1, ["description"] = "网格编码 / grid code",
            }]),
        });
    }

    private static async Task<IResult> Requests(string format, HttpContext http, BastionDb db, CancellationToken ct)
    {
        if (Format(format) is not { } f) return BadFormat(format);
        var q = http.Request.Query;
        var key = await KeyHolderAsync(db, q["api_key"].ToString(), http, ct);
        if (key is null) return Error(f, 403, "Listing requests needs a valid api_key.");
        var scopePath = key.Value.Path;
        var upper = TreePath.UpperBound(scopePath);
        var query = db.Set<ServiceRequest>().IgnoreQueryFilters().AsNoTracking()
            .Where(r => db.Organizations.IgnoreQueryFilters().Any(o => o.Id == r.OrganizationId && string.Compare(o.Path, scopePath) >= 0 && string.Compare(o.Path, upper) < 0));

        var errors = new List<string>();
        if (q["service_request_id"].ToString() is { Length: > 0 } ids)
        {
            var codes = ids.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(TrackingCode.Normalize).OfType<string>().ToList();
            query = query.Where(r => codes.Contains(r.TrackingCode));
        }
        else
        {
            if (q["service_code"].ToString() is { Length: > 0 } services)
            {
                var list = services.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();
                query = query.Where(r => list.Contains(r.CategoryCode));
            }
            var start = Date(q["start_date"], "start_date", errors);
            var end = Date(q["end_date"], "end_date", errors);
            // The spec's default window: the last 90 days.
            if (start is null && end is null) start = Clock.UtcNow(db.Time).AddDays(-90);
            if (start is { } s) query = query.Where(r => r.ReceivedAt >= s);
            if (end is { } e) query = query.Where(r => r.ReceivedAt <= e);
            if (q["status"].ToString() is { Length: > 0 } statuses)
            {
                var set = statuses.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(s => s.ToLowerInvariant()).ToHashSet();
                if (set.Any(s => s is not ("open" or "closed"))) errors.Add("status is 'open', 'closed' or both, comma-separated.");
                else if (set.Count == 1 && set.Contains("open")) query = query.Where(r => r.Status == ServiceRequestStatus.Received || r.Status == ServiceRequestStatus.InProgress);
                else if (set.Count == 1) query = query.Where(r => r.Status == ServiceRequestStatus.Answered || r.Status == ServiceRequestStatus.Closed);
            }
        }
        if (errors.Count > 0) return Error(f, 400, errors.ToArray());
        // The spec caps a response at 1000 requests by default.
        var rows = await query.OrderByDescending(r => r.ReceivedAt).ThenByDescending(r => r.Id).Take(1000).ToListAsync(ct);
        return Write(f, "service_requests", new Items("request", await ViewsAsync(db, rows, IsEnglish(http), ct)));
    }

    private static async Task<IResult> Request(string id, string format, HttpContext http, BastionDb db, CancellationToken ct)
    {
        if (Format(format) is not { } f) return BadFormat(format);
        var code = TrackingCode.Normalize(id);
        var r = code is null ? null : await db.Set<ServiceRequest>().IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(x => x.TrackingCode == code, ct);
        if (r is null) return Error(f, 404, $"No service request with id '{id}'.");
        return Write(f, "service_requests", new Items("request", await ViewsAsync(db, [r], IsEnglish(http), ct)));
    }

    /// <summary>Requests are created at once, so a token is the request's id: the lookup answers both.</summary>
    private static async Task<IResult> Token(string id, string format, BastionDb db, CancellationToken ct)
    {
        if (Format(format) is not { } f) return BadFormat(format);
        var code = TrackingCode.Normalize(id);
        if (code is null || !await db.Set<ServiceRequest>().IgnoreQueryFilters().AnyAsync(x => x.TrackingCode == code, ct))
            return Error(f, 404, $"No token '{id}'.");
        return Write(f, "service_requests", new Items("request", [new Dictionary<string, object?> { ["service_request_id"] = code, ["token"] = code }]));
    }

    private static async Task<IResult> Post(string format, HttpContext http, BastionDb db, PiiProtector pii, CancellationToken ct)
    {
        if (Format(format) is not { } f) return BadFormat(format);
        if (!http.Request.HasFormContentType) return Error(f, 400, "Send the request as application/x-www-form-urlencoded (or multipart/form-data).");
        var form = await http.Request.ReadFormAsync(ct);
        string? Field(string name) => form[name].ToString() is { Length: > 0 } v ? v : null;
        var key = await KeyHolderAsync(db, Field("api_key"), http, ct);
        if (key is null) return Error(f, 403, "A valid api_key is required to post a request.");

        var errors = new List<string>();
        if (Field("service_code") is null) errors.Add("service_code is required.");
        double? lat = Number(Field("lat"), "lat", errors), lng = Number(Field("long"), "long", errors);
        long? gridId = null;
        if (Field("attribute[grid]") is { } gridCode)
        {
            var normalized = gridCode.Trim().ToUpperInvariant();
            gridId = await db.Set<Grid>().IgnoreQueryFilters().Where(g => g.Code == normalized).Select(g => (long?)g.Id).FirstOrDefaultAsync(ct);
            if (gridId is null) errors.Add($"attribute[grid]: no grid with code '{gridCode}'.");
        }
        if (errors.Count > 0) return Error(f, 400, errors.ToArray());

        var contact = string.Join(' ', new[] { Field("last_name"), Field("first_name"), Field("phone"), Field("email") }.OfType<string>());
        try
        {
            var r = await SubmitRequest.HandleAsync(db, pii, new SubmitRequest.Command
            {
                CategoryCode = Field("service_code"), Description = Field("description"), AddressText = Field("address_string"), Latitude = lat, Longitude = lng,
                GridId = gridId, OrganizationId = gridId is null ? key.Value.OrganizationId : null, Contact = contact, Source = RequestSource.Open311, RequireLocation = true,
            }, ct);
            return Write(f, "service_requests", new Items("request", [new Dictionary<string, object?>
            {
                ["service_request_id"] = r.TrackingCode, ["token"] = r.TrackingCode,
                ["service_notice"] = $"Tracking page: /public/requests/track?code={r.TrackingCode}", ["account_id"] = null,
            }]));
        }
        catch (ValidationFailedException e)
        {
            return Error(f, 400, e.Errors.SelectMany(kv => kv.Value.Select(m => $"{SpecName(kv.Key)}: {m}")).ToArray());
        }
    }

    private static async Task<List<object?>> ViewsAsync(BastionDb db, IReadOnlyList<ServiceRequest> rows, bool english, CancellationToken ct)
    {
        var orgIds = rows.Select(r => r.OrganizationId).Distinct().ToList();
        var names = await db.Organizations.IgnoreQueryFilters().Where(o => orgIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var rules = ServiceRequestRuleSet.Load();
        return rows.Select(r => (object?)new Dictionary<string, object?>
        {
            ["service_request_id"] = r.TrackingCode,
            ["status"] = r.IsOpen ? "open" : "closed",
            ["status_notes"] = r.PublicAnswer ?? StatusNote(r.Status, english),
            ["service_name"] = rules.Find(r.CategoryCode)?.DisplayName(english) ?? r.CategoryCode,
            ["service_code"] = r.CategoryCode,
            ["description"] = r.Description,
            ["agency_responsible"] = names.GetValueOrDefault(r.OrganizationId),
            ["service_notice"] = null,
            ["requested_datetime"] = Stamp(r.ReceivedAt),
            ["updated_datetime"] = Stamp(r.UpdatedAt),
            ["expected_datetime"] = r.IsOpen ? Stamp(r.ResolutionDueAt) : null,
            ["address"] = r.AddressText,
            ["address_id"] = null,
            ["zipcode"] = null,
            ["lat"] = r.Latitude,
            ["long"] = r.Longitude,
            ["media_url"] = null,
            // Bastion's finer state, as an extension the spec allows.
            ["bastion_status"] = r.Status.ToString(),
        }).ToList();
    }

    private static string StatusNote(ServiceRequestStatus status, bool english) => (status, english) switch
    {
        (ServiceRequestStatus.Received, false) => "已受理，等待办理",
        (ServiceRequestStatus.InProgress, false) => "办理中",
        (ServiceRequestStatus.Answered, false) => "已答复",
        (ServiceRequestStatus.Closed, false) => "已办结",
        (ServiceRequestStatus.Received, true) => "Received, waiting to be taken",
        (ServiceRequestStatus.InProgress, true) => "In progress",
        (ServiceRequestStatus.Answered, true) => "Answered",
        _ => "Closed",
    };

    /// <summary>The api_key (a personal access token) or a bearer token already authenticated: its user's organization and path.</summary>
    private static async Task<(long OrganizationId, string Path)?> KeyHolderAsync(BastionDb db, string? apiKey, HttpContext http, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(apiKey))
        {
            if (http.User.Identity?.IsAuthenticated == true && http.User.Organization() is { } org && http.User.Role() is not BastionRoles.Discipline)
                return await db.Organizations.IgnoreQueryFilters().Where(o => o.Id == org).Select(o => new { o.Id, o.Path }).FirstOrDefaultAsync(ct) is { } o1 ? (o1.Id, o1.Path) : null;
            return null;
        }
        var hash = ApiToken.Hash(apiKey.Trim());
        var now = Clock.UtcNow(db.Time);
        var found = await db.ApiTokens.AsNoTracking().Where(t => t.TokenHash == hash)
            .Join(db.Users, t => t.UserId, u => u.Id, (t, u) => new { Token = t, u.OrganizationId, u.Role, u.LockoutEnd })
            .FirstOrDefaultAsync(ct);
        if (found is null || !found.Token.IsActive(now) || found.Role == BastionRoles.Discipline || found.LockoutEnd > db.Time.GetUtcNow()) return null;
        var path = await db.Organizations.IgnoreQueryFilters().Where(o => o.Id == found.OrganizationId).Select(o => o.Path).FirstOrDefaultAsync(ct);
        return path is null ? null : (found.OrganizationId, path);
    }

    private static string SpecName(string field) => field switch
    {
        nameof(SubmitRequest.Command.CategoryCode) => "service_code",
        nameof(SubmitRequest.Command.Description) => "description",
        nameof(SubmitRequest.Command.AddressText) => "address_string",
        nameof(SubmitRequest.Command.Latitude) => "lat",
        nameof(SubmitRequest.Command.Longitude) => "long",
        nameof(SubmitRequest.Command.GridId) => "attribute[grid]",
        nameof(SubmitRequest.Command.OrganizationId) => "jurisdiction_id",
        nameof(SubmitRequest.Command.Contact) => "first_name",
        _ => field,
    };

    private static double? Number(string? text, string name, List<string> errors)
    {
        if (text is null) return null;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v)) return v;
        errors.Add($"{name} is not a number.");
        return null;
    }

    private static DateTime? Date(string? text, string name, List<string> errors)
    {
        if (string.IsNullOrEmpty(text)) return null;
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var d)) return d.UtcDateTime;
        errors.Add($"{name} is not a w3 date-time (e.g. 2026-01-31T00:00:00Z).");
        return null;
    }

    private static string Stamp(DateTime utc) => new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private static bool IsEnglish(HttpContext http) => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    private enum Fmt { Json, Xml }

    private static Fmt? Format(string format) => format.ToLowerInvariant() switch { "json" => Fmt.Json, "xml" => Fmt.Xml, _ => null };

    private static IResult BadFormat(string format) => Error(Fmt.Json, 400, $"Unknown format '{format}': use .json or .xml.");

    /// <summary>The spec's error array: [{ "code": 400, "description": "…" }] / &lt;errors&gt;&lt;error&gt;…</summary>
    private static IResult Error(Fmt f, int status, params string[] descriptions) =>
        Write(f, "errors", new Items("error", descriptions.Select(d => (object?)new Dictionary<string, object?> { ["code"] = status, ["description"] = d })), status);

    private static readonly JsonSerializerOptions s_json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static IResult Write(Fmt f, string root, object document, int status = 200)
    {
        if (f == Fmt.Json) return Results.Text(JsonSerializer.Serialize(ToJson(document), s_json), "application/json; charset=utf-8", Encoding.UTF8, status);
        var element = new XElement(root, ToXml(document));
        var xml = new XDocument(new XDeclaration("1.0", "utf-8", null), element);
        return Results.Text(xml.Declaration + "\n" + element.ToString(SaveOptions.DisableFormatting), "text/xml; charset=utf-8", Encoding.UTF8, status);
    }

    private static object? ToJson(object? value) => value switch
    {
        Items items => items.Values.Select(ToJson).ToList(),
        Dictionary<string, object?> d => d.ToDictionary(kv => kv.Key, kv => ToJson(kv.Value)),
        _ => value,
    };

    private static IEnumerable<object> ToXml(object? value) => value switch
    {
        Items items => items.Values.Select(v => new XElement(items.Item, ToXml(v))),
        Dictionary<string, object?> d => d.Select(kv => new XElement(kv.Key, ToXml(kv.Value))),
        null => [],
        bool b => [b ? "true" : "false"],
        IFormattable n => [n.ToString(null, CultureInfo.InvariantCulture)],
        _ => [value.ToString() ?? ""],
    };
}
