namespace Course.Tests;

/// <summary>
/// Runs only where a SQL Server is at hand; reported as skipped, with the reason, elsewhere. Shared by the test projects
/// that have SQL Server scenarios (linked into each: there is no common test library).
/// </summary>
public sealed class SqlServerFactAttribute : FactAttribute
{
    public const string Variable = "COURSE_TEST_SQLSERVER";

    public SqlServerFactAttribute()
    {
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(Variable)))
            Skip = $"No SQL Server: set {Variable} to a connection string (a database of that name is created and dropped).";
    }
}
