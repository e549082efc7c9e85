using Course.Web.Commands;
using Course.Web.Composition;

var builder = WebApplication.CreateBuilder(args);
builder.AddCourse();

var app = builder.Build();
app.UseCourse();
// `backup` copies the database while the site may be running elsewhere: it needs nothing started.
if (await app.RunCommandAsync(args, siteStarted: false) is { } earlyExitCode) return earlyExitCode;
try
{
    await app.InitializeCourseAsync();
}
catch (Exception e) when (e is Course.Data.Storage.UnusableDatabaseException or Course.Search.Indexing.UnusableIndexFolderException)
{
    // The message says what was found and what to do; a stack trace would only bury it.
    await Console.Error.WriteLineAsync(e.Message);
    return 3;
}
// `create-admin`, `export`, `import`: run against the ready database, then exit instead of serving.
if (await app.RunCommandAsync(args) is { } exitCode) return exitCode;
await app.ReconcileUSyncAsync();
await app.RunAsync();
return 0;

/// <summary>Visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
