using Course.Data.USync;

namespace Course.Web.Commands;

/// <summary>
/// <c>usync-check [--folder PATH]</c>: names every content file that differs from the database (missing,
/// stale, orphaned, unreadable) without changing anything; exits 1 when there is any, so scripts notice.
/// <c>export --changed</c> repairs them.
/// </summary>
internal sealed class USyncCheckCommand(USyncExport export, USyncFolder siteFolder) : ISiteCommand
{
    public string Name => "usync-check";
    public string Usage => "usync-check [--folder PATH]";

    public async Task<int> RunAsync(CommandLine line, TextWriter output, CancellationToken cancellationToken)
    {
        var folder = line.USyncFolder(siteFolder);
        var differences = await export.CompareAsync(folder, cancellationToken);
        foreach (var difference in differences) await output.WriteLineAsync(difference.ToString());
        await output.WriteLineAsync(differences.Count == 0
            ? $"{folder.Root} is in step with the database."
            : $"{differences.Count} files of {folder.Root} differ from the database: run export --changed to rewrite them.");
        return differences.Count == 0 ? 0 : 1;
    }
}
