using Course.Data.Content;
using Course.Data.Servers;

namespace Course.Data.USync;

/// <summary>What an import did: how many nodes it wrote and which files it skipped, by name and line.</summary>
public sealed record USyncImportReport(int Imported, IReadOnlyList<USyncProblem> Problems);

/// <summary>
/// Imports a uSync folder's content into the database (matching nodes by key), then refreshes this node as a save
/// would, so the published cache and search follow: the whole import is one batch. Broken files are skipped.
/// </summary>
public sealed class USyncImport(ContentImporter importer, ContentRefresher refresher)
{
    public async Task<USyncImportReport> ImportAsync(USyncFolder folder, CancellationToken cancellationToken = default)
    {
        var content = folder.ReadContent();
        var (imported, instruction) = await importer.ImportAsync(content, cancellationToken);
        // Writing back the files just read would only churn them (uSync pauses its own handlers during an import likewise).
        using (USyncExport.Pause())
            await refresher.RefreshAsync(instruction, CancellationToken.None);
        return new(imported, content.Problems);
    }
}
