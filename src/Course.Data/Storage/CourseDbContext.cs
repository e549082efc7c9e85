using Course.Core.Captions;
using Course.Core.Comments;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Course.Data.Storage;

/// <summary>
/// The content database, backoffice users included (ASP.NET Core Identity's tables). Each provider has
/// its own subclass so that each keeps its own migrations (<see cref="SqliteCourseDbContext"/>,
/// <see cref="SqlServerCourseDbContext"/>).
/// </summary>
public abstract class CourseDbContext(DbContextOptions options) : IdentityDbContext<IdentityUser>(options)
{
    public DbSet<VideoRecord> Videos => Set<VideoRecord>();
    public DbSet<ChapterRecord> Chapters => Set<ChapterRecord>();
    public DbSet<CaptionRecord> Captions => Set<CaptionRecord>();
    public DbSet<TechniqueRecord> Techniques => Set<TechniqueRecord>();
    public DbSet<CommentRecord> Comments => Set<CommentRecord>();
    public DbSet<ContentVersionRecord> ContentVersions => Set<ContentVersionRecord>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        base.OnModelCreating(model);
        model.Entity<VideoRecord>(video =>
        {
            video.ToTable("Videos");
            video.HasIndex(v => v.Key).IsUnique();
            video.HasIndex(v => v.Slug).IsUnique();
            video.Property(v => v.Title).HasMaxLength(200);
            video.Property(v => v.Slug).HasMaxLength(80);
            video.Property(v => v.Source).HasMaxLength(2000);
            video.Property(v => v.Version).IsConcurrencyToken();
            video.HasMany(v => v.Chapters).WithOne().HasForeignKey(c => c.VideoId).OnDelete(DeleteBehavior.Cascade);
            video.HasMany(v => v.Captions).WithOne().HasForeignKey(c => c.VideoId).OnDelete(DeleteBehavior.Cascade);
            // Captions are part of the video like its chapters: every read of a video brings them.
            video.Navigation(v => v.Captions).AutoInclude();
        });
        model.Entity<CaptionRecord>(caption =>
        {
            caption.ToTable("Captions");
            caption.HasIndex(c => new { c.VideoId, c.Language }).IsUnique();
            caption.Property(c => c.Language).HasMaxLength(35);
            caption.Property(c => c.Label).HasMaxLength(CaptionRules.MaxLabelLength);
        });
        model.Entity<ChapterRecord>(chapter =>
        {
            chapter.ToTable("Chapters");
            chapter.HasIndex(c => new { c.VideoId, c.Index }).IsUnique();
            chapter.Property(c => c.Title).HasMaxLength(200);
            chapter.Property(c => c.Slug).HasMaxLength(80);
        });
        model.Entity<TechniqueRecord>(technique =>
        {
            technique.ToTable("Techniques");
            technique.HasIndex(t => t.Key).IsUnique();
            technique.HasIndex(t => t.Slug).IsUnique();
            technique.Property(t => t.Name).HasMaxLength(200);
            technique.Property(t => t.Slug).HasMaxLength(80);
            technique.Property(t => t.Version).IsConcurrencyToken();
        });
        model.Entity<CommentRecord>(comment =>
        {
            comment.ToTable("Comments");
            comment.HasIndex(c => c.Key).IsUnique();
            // A video page reads its approved comments; the moderation queue reads one state oldest first.
            comment.HasIndex(c => new { c.VideoKey, c.State });
            comment.HasIndex(c => new { c.State, c.CreateDate });
            comment.HasIndex(c => c.ParentKey);
            comment.HasIndex(c => c.IdempotencyKey).IsUnique();
            comment.Property(c => c.Author).HasMaxLength(CommentRules.MaxAuthorLength);
            comment.Property(c => c.Body).HasMaxLength(CommentRules.MaxBodyLength);
            comment.Property(c => c.State).HasConversion<string>().HasMaxLength(16);
            comment.Property(c => c.IdempotencyKey).HasMaxLength(CommentRules.MaxIdempotencyKeyLength);
            // Comments go with their video.
            comment.HasOne<VideoRecord>().WithMany().HasForeignKey(c => c.VideoKey).HasPrincipalKey(v => v.Key).OnDelete(DeleteBehavior.Cascade);
        });
        model.Entity<ContentVersionRecord>(version =>
        {
            version.ToTable("ContentVersions");
            version.HasIndex(v => new { v.NodeKey, v.VersionDate });
            version.Property(v => v.Kind).HasConversion<string>().HasMaxLength(20);
            version.Property(v => v.User).HasMaxLength(256);
        });
    }
}

public sealed class SqliteCourseDbContext(DbContextOptions<SqliteCourseDbContext> options) : CourseDbContext(options);

public sealed class SqlServerCourseDbContext(DbContextOptions<SqlServerCourseDbContext> options) : CourseDbContext(options);
