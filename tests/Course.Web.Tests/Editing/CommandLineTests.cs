using Course.Web.Commands;
using Course.Web.Tests.Site;

namespace Course.Web.Tests.Editing;

/// <summary>The site's commands from a real command line: Program dispatches them before serving, and exits.</summary>
public sealed class CommandLineTests : IDisposable
{
    private readonly SiteFolder site = new();

    public void Dispose() => site.Dispose();

    [Fact]
    public async Task Export_and_create_admin_run_against_a_fresh_database_and_exit()
    {
        var exported = Path.Combine(site.Folder, "exported");

        var (exportCode, exportOutput) = await site.RunAsync("export", "--folder", exported);
        var (adminCode, adminOutput) = await site.RunAsync("--contentRoot", site.Folder, "create-admin", "--email", "cli@example.com", "--password", "Command-line-pass-1");
        var (againCode, _) = await site.RunAsync("--urls=http://127.0.0.1:0", "create-admin", "--email", "cli@example.com", "--password", "Command-line-pass-1");

        Assert.True(exportCode == 0, exportOutput);
        Assert.Contains("Exported 13 nodes", exportOutput);
        Assert.Equal(
            Directory.GetFiles(site.ContentFolder).Select(Path.GetFileName).Order(),
            Directory.GetFiles(Path.Combine(exported, "v17", "Content")).Select(Path.GetFileName).Order());
        Assert.True(adminCode == 0, adminOutput);
        Assert.Contains("Created cli@example.com.", adminOutput);
        Assert.Equal(1, againCode);
    }

    [Theory]
    [InlineData(new string[0], null, "")]
    [InlineData(new[] { "--urls", "http://127.0.0.1:5000" }, null, "")]
    [InlineData(new[] { "usync-check" }, "usync-check", "")]
    [InlineData(new[] { "export", "--folder", "out", "--changed" }, "export", "folder=out changed=")]
    // Host options before the command take a value each; the command is the first word after them (before, a site
    // started as `--contentRoot PATH usync-check` served on port 5000 instead of checking, and never exited).
    [InlineData(new[] { "--contentRoot", "/srv/course", "usync-check" }, "usync-check", "")]
    [InlineData(new[] { "--environment=Production", "export", "--prune" }, "export", "prune=")]
    public void The_command_is_the_first_word_after_the_hosts_options(string[] args, string? name, string options)
    {
        var line = CommandLine.Parse(args);

        Assert.Equal(name, line?.Name);
        Assert.Equal(options, line is null ? "" : string.Join(' ', line.Options.Select(o => $"{o.Key}={o.Value}")));
    }

    [Fact]
    public void A_word_after_the_commands_name_that_is_not_an_option_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => CommandLine.Parse(["--contentRoot", "/srv", "export", "out"]));
        Assert.Contains("'out' is not an option", error.Message);
    }
}
