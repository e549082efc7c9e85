using Course.Data.USync;

namespace Course.Web.Commands;

/// <summary><c>export [--folder PATH]</c>: writes every node and the schema to the uSync folder (the site's by default).</summary>
internal sealed class ExportCommand(USyncExport export, USyncFolder siteFolder) : ISiteCommand
{
    public string Name => "export";
    public string Usage => "export [--folder PATH]";

    public async Task<int> RunAsync(CommandLine line, TextWriter output, CancellationToken cancellationToken)
    {
        var folder = line.USyncFolder(siteFolder);
        var count = await export.ExportAllAsync(folder, cancellationToken);
        await output.WriteLineAsync($"Exported {count} nodes to {folder.Root}.");
        return 0;
    }
}
