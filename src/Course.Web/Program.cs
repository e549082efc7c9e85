using Course.Web.Composition;

var builder = WebApplication.CreateBuilder(args);
builder.AddCourse();

var app = builder.Build();
app.UseCourse();
await app.InitializeCourseAsync();
await app.RunAsync();

/// <summary>Visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
