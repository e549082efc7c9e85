using Course.Core.Content;
using Course.Data.Content;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Course.Web.Pages.Backoffice.Techniques;

/// <summary>Every technique, drafts included, with its state.</summary>
public sealed class IndexModel(TechniqueService techniques) : PageModel
{
    public IReadOnlyList<Technique> Techniques { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Techniques = await techniques.ListAsync(cancellationToken);
}
