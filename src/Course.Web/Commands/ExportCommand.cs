using Course.Data.USync;

namespace Course.Web.Commands;

/// <summary>
/// <c>export [--folder PATH] [--changed] [--prune]</c>: writes every node and the schema to the uSync folder (the site's
/// by default); with <c>--changed</c>, rewrites only the files that differ from the database and names them. Files of
/// nodes the database does not have (an editor's new file, say) are named and left, unless <c>--prune</c> removes them.
/// </summary>
internal sealed class ExportCommand(USyncExport export, USyncFolder siteFolder) : ISiteCommand
{
    public string Name => "export";
    public string Usage => "export [--folder PATH] [--changed] [--prune]";

    public async Task<int> RunAsync(CommandLine line, TextWriter output, CancellationToken cancellationToken)
    {
        var folder = line.USyncFolder(siteFolder);
        var prune = line.Flag("prune");
        var changed = line.Flag("changed");
        var exported = changed ? 0 : await export.ExportAllAsync(folder, cancellationToken);
        // After a full export only orphaned and unreadable files can still differ.
        var differences = await export.ReconcileAsync(folder, prune, cancellationToken);
        foreach (var difference in differences) await output.WriteLineAsync(Outcome(difference, prune));
        var rewritten = differences.Count(d => d.Drift is USyncDrift.Missing or USyncDrift.Stale);
        await output.WriteLineAsync(changed
            ? $"{rewritten} files differed from the database in {folder.Root} and were rewritten."
            : $"Exported {exported} nodes to {folder.Root}.");
        return differences.Any(d => d.Drift == USyncDrift.Unreadable) ? 1 : 0;
    }

    private static string Outcome(USyncDifference difference, bool prune) => difference.Drift switch
    {
        USyncDrift.Unreadable => $"Left {difference}: fix or remove it",
        USyncDrift.Orphaned when prune => $"Removed {difference}",
        USyncDrift.Orphaned => $"Left {difference}: the database has no such node; import it, or remove it with --prune",
        _ => $"Rewrote {difference}",
    };
}
