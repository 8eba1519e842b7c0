using System.IO.Compression;
using System.Security.Cryptography;
using Bastion.Data;
using Bastion.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace Bastion.Attachments;

/// <summary>
/// Keeps uploaded files under <c>{data directory}/uploads</c>. A file is accepted only when its content is one of
/// the known types (JPEG, PNG, WebP, PDF, DOCX, XLSX), whatever its name or claimed type says, and when it is no
/// larger than <c>Bastion:Uploads:MaxBytes</c> (10 MB by default). Serving a file is the owning module's business.
/// </summary>
public sealed class AttachmentStore
{
    public const string Field = "file";
    public const long DefaultMaxBytes = 10 * 1024 * 1024;

    private readonly string _root;

    public AttachmentStore(StorageSettings settings, IConfiguration configuration)
    {
        _root = Path.Combine(settings.DataDirectory, "uploads");
        MaxBytes = configuration.GetValue("Bastion:Uploads:MaxBytes", DefaultMaxBytes);
    }

    public long MaxBytes { get; }

    /// <summary>The accepted types, for an <c>accept</c> attribute.</summary>
    public static string AcceptAttribute => ".jpg,.jpeg,.png,.webp,.pdf,.docx,.xlsx";

    /// <summary>Checks and stores the file and adds its <see cref="Attachment"/> row; the caller saves the change.</summary>
    public async Task<Attachment> AddAsync(BastionDb db, long organizationId, string ownerType, long ownerId, string fileName, Stream content, CancellationToken ct = default)
    {
        var name = CleanName(fileName);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
                throw ValidationFailedException.For(Field, $"The file is larger than {MaxBytes / (1024 * 1024.0):0.#} MB.");
            buffer.Write(chunk, 0, read);
        }
        if (buffer.Length == 0) throw ValidationFailedException.For(Field, "The file is empty.");
        var bytes = buffer.ToArray();
        var type = Sniff(bytes) ?? throw ValidationFailedException.For(Field,
            "Only pictures (JPEG, PNG, WebP), PDF, Word (.docx) and Excel (.xlsx) files are accepted.");

        var now = Clock.UtcNow(db.Time);
        var key = $"{now:yyyy}/{now:MM}/{Guid.NewGuid():N}";
        var path = Path.Combine(_root, key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllBytesAsync(path, bytes, ct);

        var attachment = new Attachment
        {
            OrganizationId = organizationId, OwnerType = ownerType, OwnerId = ownerId, FileName = name,
            ContentType = type, Length = bytes.Length, Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)),
            StorageKey = key, UploadedAt = now, UploadedBy = db.Scope.Actor,
        };
        db.Set<Attachment>().Add(attachment);
        return attachment;
    }

    public Stream Open(Attachment attachment) =>
        new FileStream(Path.Combine(_root, attachment.StorageKey), FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);

    public static Task<List<Attachment>> ListAsync(BastionDb db, string ownerType, long ownerId, CancellationToken ct = default) =>
        db.Set<Attachment>().Where(a => a.OwnerType == ownerType && a.OwnerId == ownerId).OrderBy(a => a.Id).ToListAsync(ct);

    /// <summary>The content type the bytes really are, or null when they are none of the accepted ones.</summary>
    public static string? Sniff(ReadOnlySpan<byte> b)
    {
        if (b.StartsWith((byte[])[0xFF, 0xD8, 0xFF])) return "image/jpeg";
        if (b.StartsWith((byte[])[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])) return "image/png";
        if (b.Length >= 12 && b[..4].SequenceEqual("RIFF"u8) && b[8..12].SequenceEqual("WEBP"u8)) return "image/webp";
        if (b.StartsWith("%PDF-"u8)) return "application/pdf";
        if (b.StartsWith((byte[])[0x50, 0x4B, 0x03, 0x04])) return OfficeType(b.ToArray());
        return null;
    }

    private static string? OfficeType(byte[] bytes)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
            if (zip.GetEntry("word/document.xml") is not null) return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
            if (zip.GetEntry("xl/workbook.xml") is not null) return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
            return null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    private static string CleanName(string fileName)
    {
        var name = Path.GetFileName((fileName ?? "").Replace('\\', '/')).Trim();
        name = new string(name.Where(c => !char.IsControl(c)).ToArray());
        if (name.Length == 0) name = "file";
        return name.Length <= 200 ? name : name[^200..];
    }
}
