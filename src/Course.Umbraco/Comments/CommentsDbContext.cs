using Course.Core.Comments;
using Microsoft.EntityFrameworkCore;

namespace Course.Umbraco.Comments;

/// <summary>
/// The package's own tables in the Umbraco site's database (<c>courseComment</c>, and the migration history in
/// <c>courseMigrations</c>), apart from Umbraco's tables. One subclass per provider, each with its migrations.
/// </summary>
public abstract class CommentsDbContext(DbContextOptions options) : DbContext(options)
{
    public const string MigrationsHistoryTable = "courseMigrations";

    public DbSet<CommentRecord> Comments => Set<CommentRecord>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        var comment = model.Entity<CommentRecord>();
        comment.ToTable("courseComment");
        comment.HasKey(c => c.Key);
        comment.Property(c => c.Author).HasMaxLength(CommentRules.MaxAuthorLength).IsRequired();
        comment.Property(c => c.Body).HasMaxLength(CommentRules.MaxBodyLength).IsRequired();
        comment.HasIndex(c => new { c.VideoKey, c.State });
        comment.HasIndex(c => new { c.State, c.CreateDate });
    }
}

public sealed class SqliteCommentsDbContext(DbContextOptions<SqliteCommentsDbContext> options) : CommentsDbContext(options);

public sealed class SqlServerCommentsDbContext(DbContextOptions<SqlServerCommentsDbContext> options) : CommentsDbContext(options);

/// <summary>A stored comment; <see cref="ToComment"/> gives Course.Core's <see cref="Comment"/>.</summary>
public sealed class CommentRecord
{
    public Guid Key { get; set; }
    public Guid VideoKey { get; set; }
    public int? At { get; set; }
    public Guid? ParentKey { get; set; }
    public string Author { get; set; } = "";
    public string Body { get; set; } = "";
    public CommentState State { get; set; }
    public DateTime CreateDate { get; set; }
    public DateTime UpdateDate { get; set; }

    public Comment ToComment() => new()
    {
        Key = Key, VideoKey = VideoKey, At = At, ParentKey = ParentKey, Author = Author, Body = Body, State = State,
        CreateDate = DateTime.SpecifyKind(CreateDate, DateTimeKind.Utc), UpdateDate = DateTime.SpecifyKind(UpdateDate, DateTimeKind.Utc),
    };
}
