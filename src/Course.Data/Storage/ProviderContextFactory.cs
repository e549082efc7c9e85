using Microsoft.EntityFrameworkCore;

namespace Course.Data.Storage;

/// <summary>Hands out the configured provider's context as the provider-neutral <see cref="CourseDbContext"/>.</summary>
internal sealed class ProviderContextFactory<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<CourseDbContext>
    where TContext : CourseDbContext
{
    public CourseDbContext CreateDbContext() => inner.CreateDbContext();
}
