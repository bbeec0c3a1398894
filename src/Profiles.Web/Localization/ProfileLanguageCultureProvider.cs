using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Options;
using Profiles.Core.Management;
using Profiles.Core.Preferences;
using Profiles.Core.Profiles;
using Profiles.Web.Authentication;
using Profiles.Web.Preferences;

namespace Profiles.Web.Localization;

/// <summary>
/// For a signed-in user, the UI language is the one stored in their profile (the preference that <c>DrivesUiCulture</c>),
/// so it follows them to every browser and device. The profile comes from the per-user cache the pages use anyway, so this
/// adds no Management API call.
/// </summary>
public sealed class ProfileLanguageCultureProvider : RequestCultureProvider
{
    public override async Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (httpContext.User.Identity?.IsAuthenticated != true)
        {
            return null;
        }

        var services = httpContext.RequestServices;
        var field = services.GetRequiredService<IOptions<PreferencesOptions>>().Value.UiLanguageField;
        if (field is null)
        {
            return null;
        }

        try
        {
            var userId = services.GetRequiredService<ICurrentUser>().UserId;
            var profile = await services.GetRequiredService<IProfileService>().GetProfileAsync(userId, httpContext.RequestAborted);
            var language = MetadataText.AsString(profile.UserMetadata, field.Key);
            return services.GetRequiredService<PortalLanguages>().IsSupported(language) ? new ProviderCultureResult(language) : null;
        }
        catch (ManagementApiException)
        {
            // Auth0 unreachable or rate limited: fall back to the cookie and the browser's languages; the page reports the problem.
            return null;
        }
    }
}
