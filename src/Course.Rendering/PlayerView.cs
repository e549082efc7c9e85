using Course.Core.Content;

namespace Course.Rendering;

/// <summary>
/// What the player element needs (<c>Pages/Shared/_Player.cshtml</c> of the site, linked into the Umbraco package): the
/// video, the second it starts at, a practice range's end and whether it repeats, whether it may resume where the
/// viewer stopped, and the poster picture if the host has one.
/// </summary>
public sealed record PlayerView(Video Video, int Start, int? End = null, bool Loop = false, bool Resumable = false, string? Poster = null);
