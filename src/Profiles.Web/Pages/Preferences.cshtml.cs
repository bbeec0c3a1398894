using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Profiles.Core.Consent;
using Profiles.Core.Preferences;
using Profiles.Core.Profiles;
using Profiles.Web.Authentication;
using Profiles.Web.Hosting;
using Profiles.Web.Localization;
using Profiles.Web.Preferences;

namespace Profiles.Web.Pages;

/// <summary>Edit the operator-declared preferences. Raw values go to Core, which validates them by declaration.</summary>
public sealed class PreferencesModel(
    IProfileService profiles,
    IConsentService consents,
    ICurrentUser currentUser,
    IOptions<PreferencesOptions> declarations,
    IStringLocalizer<SharedResource> localizer,
    IStringLocalizer<ConsentResource> consentText,
    TimeProvider timeProvider,
    PortalLanguages languages) : PageModel
{
    private JsonObject _userMetadata = [];

    /// <summary>Posted values by declared key (<c>Values[time_zone]</c>); undeclared keys are dropped before the service call.</summary>
    [BindProperty]
    public Dictionary<string, string?> Values { get; set; } = new(StringComparer.Ordinal);

    [TempData]
    public string? StatusMessage { get; set; }

    public IReadOnlyList<PreferenceField> Fields => declarations.Value.Fields;

    /// <summary>The error shown next to the preference <paramref name="key"/>, if any.</summary>
    public string? FieldError(string key) => this.ErrorFor(FieldKey(key));

    public string? FormError => this.FormError();

    /// <summary>Consents given under an earlier wording, by key: shown unticked, with a notice, because they no longer count.</summary>
    public IReadOnlyDictionary<string, ConsentState> Renewals { get; private set; } = new Dictionary<string, ConsentState>();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var profile = await profiles.GetProfileAsync(currentUser.UserId, cancellationToken);
        ViewData[AccessibilityClasses.ViewDataKey] = AccessibilityClasses.From(profile.UserMetadata);
        Values = Fields.ToDictionary(f => f.Key, f => MetadataText.AsString(profile.UserMetadata, f.Key), StringComparer.Ordinal);
        if (Fields.Any(f => f.Consent is not null))
        {
            Renewals = (await consents.GetOverviewAsync(profile, cancellationToken)).Current
                .Where(c => c.NeedsRenewal)
                .ToDictionary(c => c.Field.Key, StringComparer.Ordinal);
        }

        foreach (var key in Renewals.Keys)
        {
            Values[key] = "false";
        }

        _userMetadata = profile.UserMetadata;
    }

    /// <summary>The notice under a consent waiting for renewal, if <paramref name="key"/> is one.</summary>
    public string? RenewalNotice(string key) =>
        Renewals.TryGetValue(key, out var state)
            ? consentText["Consent.PreferencesNotice", UserClock.Format(state.Since.GetValueOrDefault(), _userMetadata)].Value
            : null;

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        // An unticked checkbox is not posted at all; it means "false".
        var submitted = Fields.ToDictionary(
            f => f.Key,
            f => f.Type == "checkbox" ? (Values.GetValueOrDefault(f.Key) == "true" ? "true" : "false") : Values.GetValueOrDefault(f.Key),
            StringComparer.Ordinal);

        var result = await consents.SavePreferencesAsync(currentUser.UserId, submitted, cancellationToken);
        if (this.ApplyResult(result, ErrorMessages.For(localizer), FieldKey))
        {
            FollowLanguagePreference(submitted);
            StatusMessage = result.Code == ProfileSuccessCodes.NothingChanged ? "Status.NothingChanged" : "Status.PreferencesSaved";
            return RedirectToPage();
        }

        Values = submitted;
        ViewData[AccessibilityClasses.ViewDataKey] = AccessibilityClasses.From(submitted);
        return Page();
    }

    /// <summary>The ModelState key of a preference's input (the form posts <c>Values[key]</c>).</summary>
    private static string FieldKey(string key) => $"{nameof(Values)}[{key}]";

    private void FollowLanguagePreference(Dictionary<string, string?> submitted)
    {
        var field = Fields.FirstOrDefault(f => f.DrivesUiCulture);
        if (field is null || !submitted.TryGetValue(field.Key, out var language) || !languages.IsSupported(language))
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
