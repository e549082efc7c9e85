using Course.Data.USync;

namespace Course.Web.Commands;

/// <summary>
/// <c>usync-check [--folder PATH]</c>: names every content file that differs from the database (missing,
/// stale, orphaned, unreadable) without changing anything; exits 1 when there is any, so scripts notice.
/// <c>export --changed</c> rewrites the missing and stale ones; orphaned ones only go with <c>--prune</c>.
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
            : $"{differences.Count} files of {folder.Root} differ from the database: export --changed rewrites missing and stale files; "
              + "orphaned ones (no such node in the database) are left until imported or removed with export --changed --prune.");
        return differences.Count == 0 ? 0 : 1;
    }
}
