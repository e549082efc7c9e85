namespace Course.Web.Commands;

/// <summary>A command of the site (<c>dotnet run --project src/Course.Web -- NAME --option value</c>), run instead of serving.</summary>
public interface ISiteCommand
{
    string Name { get; }
    /// <summary>One line for the usage text, e.g. <c>export [--folder PATH]</c>.</summary>
    string Usage { get; }
    /// <summary>False for a command that runs before the site starts (no migration, index or uSync step), e.g. <c>backup</c>.</summary>
    bool NeedsStartedSite => true;
    /// <summary>Runs (with a ready database unless <see cref="NeedsStartedSite"/> is false); returns the process exit code.</summary>
    Task<int> RunAsync(CommandLine line, TextWriter output, CancellationToken cancellationToken);
}

/// <summary>A command name followed by <c>--name value</c> options and <c>--name</c> flags.</summary>
public sealed record CommandLine(string Name, IReadOnlyDictionary<string, string> Options)
{
    /// <summary>
    /// Null when the arguments name no command (the site serves); an option of the command without a value is a flag.
    /// Host options (<c>--contentRoot PATH</c>, <c>--urls URL</c>, <c>--key=value</c>) may come before the command's
    /// name: each takes a value, so <c>--contentRoot PATH usync-check</c> runs the command instead of serving.
    /// </summary>
    public static CommandLine? Parse(IReadOnlyList<string> args)
    {
        var name = 0;
        while (name < args.Count && args[name].StartsWith('-')) name += args[name].Contains('=') ? 1 : 2;
        if (name >= args.Count) return null;
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = name + 1; i < args.Count; i++)
        {
            if (!args[i].StartsWith("--"))
                throw new ArgumentException($"'{args[i]}' is not an option: write --name value or --name.");
            options[args[i][2..]] = i + 1 < args.Count && !args[i + 1].StartsWith("--") ? args[++i] : "";
        }
        return new(args[name], options);
    }

    public string? Option(string name) => Options.GetValueOrDefault(name);

    public bool Flag(string name) => Options.ContainsKey(name);

    /// <summary>The folder <c>--folder PATH</c> names, or the site's own.</summary>
    public Data.USync.USyncFolder USyncFolder(Data.USync.USyncFolder siteFolder) =>
        Option("folder") is { } path ? new(Path.GetFullPath(path)) : siteFolder;
}

/// <summary>Finds the named command and runs it, or prints what there is.</summary>
public sealed class CommandDispatcher(IEnumerable<ISiteCommand> commands)
{
    public async Task<int> RunAsync(CommandLine line, TextWriter output, CancellationToken cancellationToken = default)
    {
        if (commands.FirstOrDefault(c => c.Name == line.Name) is { } command)
            return await command.RunAsync(line, output, cancellationToken);
        await output.WriteLineAsync($"No command '{line.Name}'. Commands:");
        foreach (var known in commands) await output.WriteLineAsync("  " + known.Usage);
        return 2;
    }
}

public static class SiteCommands
{
    public static IServiceCollection AddSiteCommands(this IServiceCollection services)
    {
        services.AddScoped<ISiteCommand, CreateAdminCommand>();
        services.AddScoped<ISiteCommand, ExportCommand>();
        services.AddScoped<ISiteCommand, ImportCommand>();
        services.AddScoped<ISiteCommand, USyncCheckCommand>();
        services.AddScoped<ISiteCommand, BackupCommand>();
        services.AddScoped<CommandDispatcher>();
        return services;
    }

    /// <summary>
    /// Runs the command the arguments name, if any, when it belongs to this stage (<paramref name="siteStarted"/>):
    /// null means none was run and the site should go on starting or serve.
    /// </summary>
    public static async Task<int?> RunCommandAsync(this WebApplication app, string[] args, bool siteStarted = true)
    {
        CommandLine? line;
        try
        {
            line = CommandLine.Parse(args);
        }
        catch (ArgumentException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return 2;
        }
        if (line is null) return null;
        await using var scope = app.Services.CreateAsyncScope();
        var named = scope.ServiceProvider.GetServices<ISiteCommand>().FirstOrDefault(c => c.Name == line.Name);
        if ((named?.NeedsStartedSite ?? true) != siteStarted) return null;
        return await scope.ServiceProvider.GetRequiredService<CommandDispatcher>().RunAsync(line, Console.Out, app.Lifetime.ApplicationStopping);
    }
}
