using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Profiles.Web.Pages;

/// <summary>Unexpected failures end here, with the correlation id the operator can look up in the logs.</summary>
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel : PageModel
{
    public string CorrelationId { get; private set; } = "";

    public void OnGet() => CorrelationId = HttpContext.TraceIdentifier;

    public void OnPost() => CorrelationId = HttpContext.TraceIdentifier;
}
