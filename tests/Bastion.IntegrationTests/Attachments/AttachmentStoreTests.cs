using Bastion.Attachments;
using Bastion.IntegrationTests.Infrastructure;
using Bastion.Organizations;
using Bastion.Shared;
using Microsoft.Extensions.Configuration;

namespace Bastion.IntegrationTests.Attachments;

public sealed class AttachmentStoreTests
{
    [Fact]
    public async Task AFileAboveTheLimit_OrOfAnUnknownType_IsRefusedOnTheFileField_AndAPdfIsKeptAsSent()
    {
        await using var database = await TestDatabase.CreateMigratedAsync();
        var root = await TestData.AddRootAsync(database);
        var store = new AttachmentStore(database.Settings, new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Bastion:Uploads:MaxBytes"] = "1024" }).Build());
        await using var db = database.NewContext();

        var big = new byte[2048];
        "%PDF-1.7"u8.CopyTo(big);
        var tooBig = await Assert.ThrowsAsync<ValidationFailedException>(() => store.AddAsync(db, root.Id, "Test", 1, "big.pdf", new MemoryStream(big)));
        Assert.Contains("larger than", tooBig.Errors[AttachmentStore.Field][0], StringComparison.Ordinal);
        var html = await Assert.ThrowsAsync<ValidationFailedException>(() => store.AddAsync(db, root.Id, "Test", 1, "photo.jpg", new MemoryStream("<script>x</script>"u8.ToArray())));
        Assert.True(html.Errors.ContainsKey(AttachmentStore.Field));

        var pdf = "%PDF-1.7 minutes"u8.ToArray();
        var saved = await store.AddAsync(db, root.Id, "Test", 1, "../../etc/会议记录.pdf", new MemoryStream(pdf));
        await db.SaveChangesAsync();
        Assert.Equal("会议记录.pdf", saved.FileName);
        Assert.Equal("application/pdf", saved.ContentType);
        var listed = Assert.Single(await AttachmentStore.ListAsync(db, "Test", 1));
        await using var read = store.Open(listed);
        using var copy = new MemoryStream();
        await read.CopyToAsync(copy);
        Assert.Equal(pdf, copy.ToArray());
    }
}
