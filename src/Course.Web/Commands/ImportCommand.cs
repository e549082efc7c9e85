using Course.Data.USync;

namespace Course.Web.Commands;

/// <summary>
/// <c>import [--folder PATH]</c>: reads the uSync folder's content into the database. Each broken file is
/// reported by name and line and skipped; the rest import, and the exit code is 1 so scripts notice.
/// </summary>
internal sealed class ImportCommand(USyncImport import, USyncFolder siteFolder) : ISiteCommand
{
    public string Name => "import";
    public string Usage => "import [--folder PATH]";

    public async Task<int> RunAsync(CommandLine line, TextWriter output, CancellationToken cancellationToken)
    {
        var folder = line.USyncFolder(siteFolder);
        var report = await import.ImportAsync(folder, cancellationToken);
        foreach (var problem in report.Problems) await output.WriteLineAsync($"Skipped {problem}");
        await output.WriteLineAsync($"Imported {report.Imported} nodes from {folder.Root}; skipped {report.Problems.Count} files.");
        return report.Problems.Count == 0 ? 0 : 1;
    }
}
