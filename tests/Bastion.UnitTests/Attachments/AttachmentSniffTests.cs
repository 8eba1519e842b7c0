using System.IO.Compression;
using Bastion.Attachments;

namespace Bastion.UnitTests.Attachments;

public sealed class AttachmentSniffTests
{
    [Theory]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10 }, "image/jpeg")]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0 }, "image/png")]
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31, 0x2E, 0x37 }, "application/pdf")]
    public void KnownSignatures_AreRecognized(byte[] bytes, string type) => Assert.Equal(type, AttachmentStore.Sniff(bytes));

    [Fact]
    public void AScriptOrAnExecutable_CalledPhotoJpg_IsRefused()
    {
        Assert.Null(AttachmentStore.Sniff("<script>alert(1)</script>"u8));
        Assert.Null(AttachmentStore.Sniff([0x4D, 0x5A, 0x90, 0x00]));
    }

    [Fact]
    public void AZip_IsAcceptedOnlyWhenItIsAWordOrExcelDocument()
    {
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", AttachmentStore.Sniff(Zip("word/document.xml")));
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", AttachmentStore.Sniff(Zip("xl/workbook.xml")));
        Assert.Null(AttachmentStore.Sniff(Zip("payload.exe")));
    }

    private static byte[] Zip(string entry)
    {
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
            using (var w = new StreamWriter(zip.CreateEntry(entry).Open())) w.Write("<x/>");
        return ms.ToArray();
    }
}
