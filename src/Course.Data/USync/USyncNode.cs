using Course.Core.Content;

namespace Course.Data.USync;

/// <summary>A content node read from a uSync file: one of Course's document types.</summary>
public abstract record USyncNode(Guid Key, string Name);

public sealed record USyncVideo(Video Video) : USyncNode(Video.Key, Video.Title);

public sealed record USyncTechnique(Technique Technique) : USyncNode(Technique.Key, Technique.Name);

/// <summary>What a uSync folder's <c>Content</c> holds: the nodes that read cleanly and the files that did not.</summary>
public sealed record USyncContent(
    IReadOnlyList<Video> Videos,
    IReadOnlyList<Technique> Techniques,
    IReadOnlyList<USyncProblem> Problems);
