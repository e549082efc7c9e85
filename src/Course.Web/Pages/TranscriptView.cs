using Course.Core.Content;

namespace Course.Web.Pages;

/// <summary>What the transcript partial shows: a published video's caption tracks.</summary>
public sealed record TranscriptView(Video Video);
