namespace Course.Web.Commands;

/// <summary>A command of the site (<c>dotnet run --project src/Course.Web -- NAME --option value</c>), run instead of serving.</summary>
public interface ISiteCommand
{
    string Name { get; }
    /// <summary>One line for the usage text, e.g. <c>export [--folder PATH]</c>.</summary>
    string Usage { get; }
    /// <summary>Runs with a ready database; returns the process exit code.</summary>
    Task<int> RunAsync(CommandLine line, TextWriter output, CancellationToken cancellationToken);
}

/// <summary>A command name followed by <c>--name value</c> options.</summary>
public sealed record CommandLine(string Name, IReadOnlyDictionary<string, string> Options)
{
    /// <summary>Null when the arguments name no command (the site serves); options need a value each.</summary>
    public static CommandLine? Parse(IReadOnlyList<string> args)
    {
        if (args.Count == 0 || args[0].StartsWith('-')) return null;
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 1; i < args.Count; i++)
        {
            if (!args[i].StartsWith("--") || i + 1 >= args.Count)
                throw new ArgumentException($"'{args[i]}' is not an option: write --name value.");
            options[args[i][2..]] = args[++i];
        }
        return new(args[0], options);
    }

    public string? Option(string name) => Options.GetValueOrDefault(name);

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
        services.AddScoped<CommandDispatcher>();
        return services;
    }

    /// <summary>Runs the command the arguments name, if any: null means none was named and the site should serve.</summary>
    public static async Task<int?> RunCommandAsync(this WebApplication app, string[] args)
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
        return await scope.ServiceProvider.GetRequiredService<CommandDispatcher>().RunAsync(line, Console.Out, app.Lifetime.ApplicationStopping);
    }
}
