using Course.Data.USync;

namespace Course.Web.Commands;

/// <summary>
/// <c>export [--folder PATH] [--changed]</c>: writes every node and the schema to the uSync folder (the site's by
/// default); with <c>--changed</c>, rewrites only the files that differ from the database and names them.
/// </summary>
internal sealed class ExportCommand(USyncExport export, USyncFolder siteFolder) : ISiteCommand
{
    public string Name => "export";
    public string Usage => "export [--folder PATH] [--changed]";

    public async Task<int> RunAsync(CommandLine line, TextWriter output, CancellationToken cancellationToken)
    {
        var folder = line.USyncFolder(siteFolder);
        if (line.Flag("changed"))
        {
            var differences = await export.ReconcileAsync(folder, cancellationToken);
            foreach (var difference in differences)
                await output.WriteLineAsync(difference.Drift == USyncDrift.Unreadable ? $"Left {difference}: fix or remove it" : $"Rewrote {difference}");
            await output.WriteLineAsync($"{differences.Count(d => d.Drift != USyncDrift.Unreadable)} files differed from the database in {folder.Root} and were rewritten.");
            return differences.Any(d => d.Drift == USyncDrift.Unreadable) ? 1 : 0;
        }
        var count = await export.ExportAllAsync(folder, cancellationToken);
        await output.WriteLineAsync($"Exported {count} nodes to {folder.Root}.");
        return 0;
    }
}
