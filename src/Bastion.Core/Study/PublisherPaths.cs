using Bastion.Data;
using Bastion.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Bastion.Study;

/// <summary>
/// Study materials, campaigns, question banks and quizzes keep their publisher's tree path (what they are visible
/// under). When an organization moves, the paths under it move too: one UPDATE per table.
/// </summary>
public static class PublisherPaths
{
    public static async Task RewriteAsync(BastionDb db, string oldPrefix, string newPrefix, CancellationToken ct)
    {
        var upper = TreePath.UpperBound(oldPrefix);
        var keep = oldPrefix.Length;
#pragma warning disable CA1845 // translated to SQL: spans do not exist there
        await db.Set<StudyMaterial>().Where(x => string.Compare(x.PublisherPath, oldPrefix) >= 0 && string.Compare(x.PublisherPath, upper) < 0)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.PublisherPath, x => newPrefix + x.PublisherPath.Substring(keep)), ct);
        await db.Set<StudyCampaign>().Where(x => string.Compare(x.PublisherPath, oldPrefix) >= 0 && string.Compare(x.PublisherPath, upper) < 0)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.PublisherPath, x => newPrefix + x.PublisherPath.Substring(keep)), ct);
        await db.Set<QuestionBank>().Where(x => string.Compare(x.PublisherPath, oldPrefix) >= 0 && string.Compare(x.PublisherPath, upper) < 0)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.PublisherPath, x => newPrefix + x.PublisherPath.Substring(keep)), ct);
        await db.Set<Quiz>().Where(x => string.Compare(x.PublisherPath, oldPrefix) >= 0 && string.Compare(x.PublisherPath, upper) < 0)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.PublisherPath, x => newPrefix + x.PublisherPath.Substring(keep)), ct);
#pragma warning restore CA1845
    }
}
