using Course.Core.Content;
using Course.Data.Content;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Course.Web.Pages.Backoffice;

/// <summary>Every video, drafts included, with its state.</summary>
public sealed class IndexModel(VideoService videos) : PageModel
{
    public IReadOnlyList<Video> Videos { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Videos = await videos.ListAsync(cancellationToken);
}
