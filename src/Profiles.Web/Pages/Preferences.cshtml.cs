using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Profiles.Core.Preferences;
using Profiles.Core.Profiles;
using Profiles.Web.Authentication;
using Profiles.Web.Localization;
using Profiles.Web.Preferences;

namespace Profiles.Web.Pages;

/// <summary>Edit the operator-declared preferences. Raw values go to Core, which validates them by declaration.</summary>
public sealed class PreferencesModel(
    IProfileService profiles,
    ICurrentUser currentUser,
    IOptions<PreferencesOptions> declarations,
    IStringLocalizer<SharedResource> localizer,
    TimeProvider timeProvider) : PageModel
{
    /// <summary>Posted values by declared key (<c>Values[time_zone]</c>); undeclared keys are dropped before the service call.</summary>
    [BindProperty]
    public Dictionary<string, string?> Values { get; set; } = new(StringComparer.Ordinal);

    [TempData]
    public string? StatusMessage { get; set; }

    public IReadOnlyList<PreferenceField> Fields => declarations.Value.Fields;

    public Dictionary<string, string> FieldErrors { get; } = new(StringComparer.Ordinal);

    public string? FormError { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var profile = await profiles.GetProfileAsync(currentUser.UserId, cancellationToken);
        ViewData[AccessibilityClasses.ViewDataKey] = AccessibilityClasses.From(profile.UserMetadata);
        Values = Fields.ToDictionary(f => f.Key, f => MetadataText.AsString(profile.UserMetadata, f.Key), StringComparer.Ordinal);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        // An unticked checkbox is not posted at all; it means "false".
        var submitted = Fields.ToDictionary(
            f => f.Key,
            f => f.Type == "checkbox" ? (Values.GetValueOrDefault(f.Key) == "true" ? "true" : "false") : Values.GetValueOrDefault(f.Key),
            StringComparer.Ordinal);

        var result = await profiles.UpdatePreferencesAsync(currentUser.UserId, submitted, cancellationToken);
        if (result.Succeeded)
        {
            FollowLanguagePreference(submitted);
            StatusMessage = result.NothingChanged ? "Status.NothingChanged" : "Status.PreferencesSaved";
            return RedirectToPage();
        }

        if (result.Error is { } error)
        {
            FormError = ErrorMessages.Localize(localizer, error, result.RetryAfter);
        }

        foreach (var (key, fieldError) in result.FieldErrors)
        {
            FieldErrors[key] = ErrorMessages.Localize(localizer, fieldError);
        }

        Values = submitted;
        ViewData[AccessibilityClasses.ViewDataKey] = AccessibilityClasses.From(submitted);
        return Page();
    }

    private void FollowLanguagePreference(Dictionary<string, string?> submitted)
    {
        var field = Fields.FirstOrDefault(f => f.DrivesUiCulture);
        if (field is null || !submitted.TryGetValue(field.Key, out var language) || !PortalCultures.IsSupported(language))
        {
            return;
        }

        Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(language!)),
            new CookieOptions
            {
                Expires = timeProvider.GetUtcNow().AddYears(1),
                HttpOnly = true,
                Secure = Request.IsHttps,
                SameSite = SameSiteMode.Lax,
                IsEssential = true,
                Path = "/",
            });
    }
}
