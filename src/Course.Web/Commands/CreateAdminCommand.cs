using Course.Web.Security;

namespace Course.Web.Commands;

/// <summary><c>create-admin --email EMAIL --password PASSWORD</c>: a backoffice user who can edit everything.</summary>
internal sealed class CreateAdminCommand(EditorAccounts accounts) : ISiteCommand
{
    public string Name => "create-admin";
    public string Usage => "create-admin --email EMAIL --password PASSWORD";

    public async Task<int> RunAsync(CommandLine line, TextWriter output, CancellationToken cancellationToken)
    {
        if (line.Option("email") is not { Length: > 0 } email || line.Option("password") is not { Length: > 0 } password)
        {
            await output.WriteLineAsync("Usage: " + Usage);
            return 2;
        }
        var result = await accounts.CreateAsync(email.Trim(), password);
        await output.WriteLineAsync(result.Succeeded ? $"Created {email.Trim()}." : $"Not created: {EditorAccounts.Describe(result)}");
        return result.Succeeded ? 0 : 1;
    }
}
