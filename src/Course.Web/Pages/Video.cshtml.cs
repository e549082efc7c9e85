using Course.Core.Chapters;
using Course.Core.Comments;
using Course.Core.Content;
using Course.Data.Content;
using Course.Web.Composition;
using Course.Web.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace Course.Web.Pages;

/// <summary>
/// The video page (<c>/videos/{slug}</c>) and each chapter's own page (<c>/videos/{slug}/chapters/{chapterSlug}</c>):
/// the same player and chapter list, starting at <c>?t=</c>, at the chapter, or at the beginning.
/// </summary>
[OutputCache(PolicyName = CachePolicies.Content)]
public class VideoModel(PublishedContentCache cache, CommentService comments, PublicAddress address) : PageModel
{
    public PublishedContent Published { get; private set; } = PublishedContent.Empty;
    public Video Video { get; private set; } = null!;
    /// <summary>Set on a chapter's own page.</summary>
    public Chapter? Chapter { get; private set; }
    /// <summary>The second the player seeks to when it loads.</summary>
    public int Start { get; private set; }
    public Chapter? CurrentChapter { get; private set; }
    /// <summary>A practice range's end (<c>?end=</c>, after the start): the player pauses there, or repeats with <see cref="Loop"/>.</summary>
    public int? End { get; private set; }
    /// <summary><c>?loop=1</c>: the range from <see cref="Start"/> to <see cref="End"/> repeats.</summary>
    public bool Loop { get; private set; }
    /// <summary>The plain video page (no <c>?t=</c>, not a chapter's page): the player may resume where this browser stopped.</summary>
    public bool Resumable { get; private set; }
    public string CanonicalPath => Chapter is null ? ContentUrls.Video(Video) : ContentUrls.Chapter(Video, Chapter);
    /// <summary>The comments shown: all of the video's, or on a chapter's page those within the chapter.</summary>
    public IReadOnlyList<CommentThread> Comments { get; private set; } = [];
    /// <summary>Visible comments per chapter index, for the chapter list.</summary>
    public IReadOnlyDictionary<int, int> CommentCounts { get; private set; } = new Dictionary<int, int>();

    public async Task<IActionResult> OnGetAsync(string slug, string? chapterSlug, string? t, string? end, string? loop, CancellationToken cancellationToken)
    {
        Published = await ContentAsync(slug, cancellationToken);
        if (Published.FindVideo(slug) is not { } video) return NotFound();
        Video = video;
        if (chapterSlug is not null)
        {
            Chapter = video.Chapters.FirstOrDefault(c => string.Equals(c.Slug, chapterSlug, StringComparison.OrdinalIgnoreCase));
            if (Chapter is null) return NotFound();
        }
        Start = StartSecond(TimeParameter.Parse(t));
        CurrentChapter = ChapterSpans.At(video.Chapters, Start);
        End = TimeParameter.Parse(end) is int last && last > Start ? StartSecond(last) : null;
        Loop = End is not null && loop is "1" or "true";
        Resumable = t is null && Chapter is null;

        var threads = CommentThreads.Of(video, await comments.ListApprovedAsync(video.Key, cancellationToken));
        CommentCounts = CommentThreads.CountByChapter(threads);
        Comments = Chapter is null ? threads : CommentThreads.InChapter(threads, Chapter);
        return Page();
    }

    /// <summary>What the page shows: the published content. The backoffice preview puts a draft in it.</summary>
    protected virtual Task<PublishedContent> ContentAsync(string slug, CancellationToken cancellationToken) => Task.FromResult(cache.Current);

    protected PublishedContentCache Cache => cache;

    // ?t= wins over the chapter; nonsense was already dropped by the parser; past the end is clamped.
    private int StartSecond(int? requested)
    {
        var start = requested ?? Chapter?.Start ?? 0;
        return Video.Duration is int duration ? Math.Min(start, duration) : start;
    }

    /// <summary>Where a chapter ends: its own end, else the video's end when known.</summary>
    public int? ChapterEnd(Chapter chapter) => chapter.End ?? Video.Duration;

    /// <summary>A chapter page's own description (heading paragraph and meta description): its span and what it shows.</summary>
    public string ChapterSummary(Chapter chapter)
    {
        var span = ChapterEnd(chapter) is int end ? $"{new Timestamp(chapter.Start)}–{new Timestamp(end)}" : $"from {new Timestamp(chapter.Start)}";
        var techniques = Published.TechniquesOf(chapter);
        var shows = techniques.Count == 0 ? "" : $" Shows {string.Join(", ", techniques.Select(t => t.Name))}: {techniques[0].Summary}";
        return $"Chapter {chapter.Index + 1} of {Video.Title} ({span}): {chapter.Title}.{shows}";
    }

    /// <summary>At the configured public address, whatever Host the request named.</summary>
    public string AbsoluteUrl(string path) => address.Of(path);
}
