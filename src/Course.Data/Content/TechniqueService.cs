using Course.Core.Content;
using Course.Core.Editing;
using Course.Core.Notifications;
using Course.Data.Storage;
using Microsoft.EntityFrameworkCore;

namespace Course.Data.Content;

/// <summary>Technique pages through the generic <see cref="ContentService{TContent, TRecord}"/>. New techniques are published at once unless asked otherwise.</summary>
public sealed class TechniqueService(ContentWriting writing) : ContentService<Technique, TechniqueRecord>(writing)
{
    protected override ContentKind Kind => ContentKind.Technique;
    protected override string Noun => "technique";
    protected override DbSet<TechniqueRecord> Rows(CourseDbContext db) => db.Techniques;
    protected override IQueryable<TechniqueRecord> Ordered(IQueryable<TechniqueRecord> rows) => rows.OrderBy(t => t.Name);
    protected override Technique ToContent(TechniqueRecord record) => record.ToTechnique();
    protected override void Store(CourseDbContext db, TechniqueRecord record, Technique content) => record.CopyFrom(content);
    protected override Technique Restored(Technique current, Technique snapshot) =>
        snapshot with { Key = current.Key, Published = current.Published, CreateDate = current.CreateDate };

    public async Task<EditResult<Technique>> CreateAsync(TechniqueInput input, bool publish = true, CancellationToken cancellationToken = default)
    {
        var errors = new InputErrors();
        if (TechniqueInputRules.Check(input, errors) is not { } fields) return EditResult<Technique>.Invalid(errors);
        var now = Writing.Clock.GetUtcNow().UtcDateTime;
        var technique = Apply(new Technique { Key = Guid.NewGuid(), Name = "", Slug = "", CreateDate = now }, fields) with
        {
            Published = publish,
            UpdateDate = now,
        };
        return await CreateAsync(technique, [], cancellationToken);
    }

    /// <summary>Replaces the technique's fields. Every change takes <c>expectedVersion</c>: the version the caller saw, or null to save over any.</summary>
    public async Task<EditResult<Technique>> UpdateAsync(string slug, TechniqueInput input, int? expectedVersion = null, CancellationToken cancellationToken = default)
    {
        var errors = new InputErrors();
        if (TechniqueInputRules.Check(input with { Slug = input.Slug ?? slug }, errors) is not { } fields) return EditResult<Technique>.Invalid(errors);
        return await ChangeAsync(slug, expectedVersion, ContentChange.Saved, t => Apply(t, fields), [], cancellationToken);
    }

    private static Technique Apply(Technique technique, TechniqueFields fields) => technique with
    {
        Name = fields.Name, Slug = fields.Slug, Summary = fields.Summary, Body = fields.Body,
        Muscles = fields.Muscles, Regions = fields.Regions,
    };
}
