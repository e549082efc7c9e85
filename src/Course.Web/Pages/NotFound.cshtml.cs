using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Course.Web.Pages;

/// <summary>The page shown for every unknown address (re-executed by the status code pages middleware).</summary>
public sealed class NotFoundModel : PageModel
{
    public void OnGet() => Response.StatusCode = StatusCodes.Status404NotFound;
}
