using Course.Core.Notifications;
using Course.Data.Content;

namespace Course.Data.USync;

/// <summary>What an import did: how many nodes it wrote and which files it skipped, by name and line.</summary>
public sealed record USyncImportReport(int Imported, IReadOnlyList<USyncProblem> Problems);

/// <summary>
/// Imports a uSync folder's content into the database (matching nodes by key), then tells every
/// handler, as a save would, so the published cache and search follow. Broken files are skipped.
/// </summary>
public sealed class USyncImport(ContentImporter importer, INotificationPublisher notifications)
{
    public async Task<USyncImportReport> ImportAsync(USyncFolder folder, CancellationToken cancellationToken = default)
    {
        var content = folder.ReadContent();
        var imported = await importer.ImportAsync(content, cancellationToken);
        using (USyncExport.Pause())
        {
            var nodes = content.Techniques.Select(t => (Kind: ContentKind.Technique, t.Key, t.Published))
                .Concat(content.Videos.Select(v => (Kind: ContentKind.Video, v.Key, v.Published)));
            foreach (var (kind, key, published) in nodes)
            {
                var change = published ? ContentChange.Published : ContentChange.Saved;
                await notifications.PublishAsync(new ContentChangedNotification(kind, key, change), cancellationToken);
            }
        }
        return new(imported, content.Problems);
    }
}
