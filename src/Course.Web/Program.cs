using Course.Web.Commands;
using Course.Web.Composition;

var builder = WebApplication.CreateBuilder(args);
builder.AddCourse();

var app = builder.Build();
app.UseCourse();
await app.InitializeCourseAsync();
// `create-admin`, `export`, `import`: run against the ready database, then exit instead of serving.
if (await app.RunCommandAsync(args) is { } exitCode) return exitCode;
await app.RunAsync();
return 0;

/// <summary>Visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
