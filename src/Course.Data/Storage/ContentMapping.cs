using System.Text;
using Course.Core.Captions;
using Course.Core.Comments;
using Course.Core.Content;

namespace Course.Data.Storage;

/// <summary>
/// Rows to domain content and back. <c>Version</c> is read but never copied back: only the content
/// services move it on (<see cref="Content.OptimisticConcurrency"/>), so a snapshot cannot rewind it.
/// </summary>
internal static class ContentMapping
{
    public static Video ToVideo(this VideoRecord record) => new()
    {
        Key = record.Key,
        Title = record.Title,
        Slug = record.Slug,
        Source = record.Source,
        Duration = record.Duration,
        Description = record.Description,
        Published = record.Published,
        HasUnpublishedChanges = record.PublishedSnapshot is not null,
        SortOrder = record.SortOrder,
        Version = record.Version,
        CreateDate = DateTime.SpecifyKind(record.CreateDate, DateTimeKind.Utc),
        UpdateDate = DateTime.SpecifyKind(record.UpdateDate, DateTimeKind.Utc),
        Chapters = ChapterSpans.WithEnds(
            record.Chapters.Select(c => new Chapter
            {
                Key = c.Key,
                Index = c.Index,
                Title = c.Title,
                Slug = c.Slug,
                Start = c.Start,
                Notes = c.Notes,
                TechniqueKeys = c.TechniqueKeys.ToList(),
            }).ToList(),
            record.Duration),
        Captions = record.Captions.OrderBy(c => c.SortOrder).Select(c => new CaptionTrack
        {
            Key = c.Key,
            Language = c.Language,
            Label = c.Label,
            // Stored as normalised WebVTT, written by WebVttWriter: it always reads back.
            Cues = CaptionRules.Check(Encoding.UTF8.GetBytes(c.WebVtt), CaptionFormat.WebVtt, null).Cues,
        }).ToList(),
    };

    public static void CopyFrom(this VideoRecord record, Video video)
    {
        record.Key = video.Key;
        record.Title = video.Title;
        record.Slug = video.Slug;
        record.Source = video.Source;
        record.Duration = video.Duration;
        record.Description = video.Description;
        record.Published = video.Published;
        record.SortOrder = video.SortOrder;
        record.CreateDate = video.CreateDate;
        record.UpdateDate = video.UpdateDate;
        record.Chapters = video.Chapters.Select(c => new ChapterRecord
        {
            Key = c.Key,
            Index = c.Index,
            Title = c.Title,
            Slug = c.Slug,
            Start = c.Start,
            Notes = c.Notes,
            TechniqueKeys = c.TechniqueKeys.ToList(),
        }).ToList();
        // Tracks are updated in place by key; one dropped from the list is deleted as an orphan.
        var captions = record.Captions.ToDictionary(c => c.Key);
        record.Captions = video.Captions.Select((track, index) =>
        {
            var caption = captions.GetValueOrDefault(track.Key) ?? new CaptionRecord { Key = track.Key };
            caption.SortOrder = index;
            caption.Language = track.Language;
            caption.Label = track.Label;
            caption.WebVtt = track.ToWebVtt();
            return caption;
        }).ToList();
    }

    public static Technique ToTechnique(this TechniqueRecord record) => new()
    {
        Key = record.Key,
        Name = record.Name,
        Slug = record.Slug,
        Summary = record.Summary,
        Body = record.Body,
        Muscles = record.Muscles.ToList(),
        Regions = record.Regions.ToList(),
        Published = record.Published,
        HasUnpublishedChanges = record.PublishedSnapshot is not null,
        CreateDate = DateTime.SpecifyKind(record.CreateDate, DateTimeKind.Utc),
        UpdateDate = DateTime.SpecifyKind(record.UpdateDate, DateTimeKind.Utc),
        Version = record.Version,
    };

    public static void CopyFrom(this TechniqueRecord record, Technique technique)
    {
        record.Key = technique.Key;
        record.Name = technique.Name;
        record.Slug = technique.Slug;
        record.Summary = technique.Summary;
        record.Body = technique.Body;
        record.Muscles = technique.Muscles.ToList();
        record.Regions = technique.Regions.ToList();
        record.Published = technique.Published;
        record.CreateDate = technique.CreateDate;
        record.UpdateDate = technique.UpdateDate;
    }

    public static Comment ToComment(this CommentRecord record) => new()
    {
        Key = record.Key,
        VideoKey = record.VideoKey,
        ParentKey = record.ParentKey,
        At = record.At,
        Author = record.Author,
        Body = record.Body,
        State = record.State,
        CreateDate = DateTime.SpecifyKind(record.CreateDate, DateTimeKind.Utc),
        UpdateDate = DateTime.SpecifyKind(record.UpdateDate, DateTimeKind.Utc),
    };

    public static void CopyFrom(this CommentRecord record, Comment comment)
    {
        record.Key = comment.Key;
        record.VideoKey = comment.VideoKey;
        record.ParentKey = comment.ParentKey;
        record.At = comment.At;
        record.Author = comment.Author;
        record.Body = comment.Body;
        record.State = comment.State;
        record.CreateDate = comment.CreateDate;
        record.UpdateDate = comment.UpdateDate;
    }
}
