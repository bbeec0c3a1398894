using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Profiles.Web.Pages.Data;

/// <summary>Shown after an immediate deletion, to a visitor who is already signed out.</summary>
public sealed class GoodbyeModel : PageModel
{
    public void OnGet()
    {
    }
}
