namespace Course.Core.Chapters;

/// <summary>A chapter as read from a description, before it becomes content.</summary>
/// <param name="Line">1-based line of the description it came from; 0 for the implied Introduction.</param>
/// <param name="Start">Start in whole seconds.</param>
/// <param name="Title">The title exactly as authored, without the time and its separator.</param>
public sealed record ParsedChapter(int Line, int Start, string Title);
