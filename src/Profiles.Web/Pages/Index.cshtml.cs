using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Profiles.Core.Authenticators;
using Profiles.Core.Preferences;
using Profiles.Core.Profiles;
using Profiles.Web.Authentication;
using Profiles.Web.Localization;
using Profiles.Web.Overview;
using Profiles.Web.Preferences;

namespace Profiles.Web.Pages;

/// <summary>The account overview for a signed-in user; the welcome page otherwise.</summary>
public sealed class IndexModel(
    OverviewProfileReader overview,
    IAuthenticatorsService authenticators,
    ICurrentUser currentUser,
    AppMetadataPresenter appMetadata,
    IOptions<ProfileOptions> profileOptions,
    IStringLocalizer<SharedResource> localizer) : PageModel
{
    [TempData]
    public string? StatusMessage { get; set; }

    public UserProfile? Profile { get; private set; }

    /// <summary>How many second factors the user has; null when Auth0 could not say (the line is left out).</summary>
    public int? SecondFactors { get; private set; }

    /// <summary>True when Auth0 could not give the profile and the page shows the sign-in's ID token instead.</summary>
    public bool FromIdToken { get; private set; }

    /// <summary>The operator-declared <c>app_metadata</c> values, formatted for the UI language.</summary>
    public IReadOnlyList<AppMetadataItem> AppMetadataItems { get; private set; } = [];

    /// <summary>The stored picture when it passes the same rule as the editor's input (<see cref="PictureUrl"/>); otherwise null
    /// and the page shows <see cref="Initials"/> instead.</summary>
    public string? AvatarUrl => PictureUrl.IsAllowed(Profile?.Picture, profileOptions.Value.AllowDataImagePictures) ? Profile!.Picture : null;

    /// <summary>Up to two initials from the name (or the email address) for the picture-less avatar.</summary>
    public string Initials
    {
        get
        {
            var source = Profile?.Name ?? Profile?.Email ?? "";
            var letters = source.Split([' ', '.', '@', '-', '_'], StringSplitOptions.RemoveEmptyEntries)
                .Select(part => part.EnumerateRunes().FirstOrDefault())
                .Where(rune => Rune.IsLetterOrDigit(rune))
                .Take(2)
                .Select(rune => rune.ToString().ToUpperInvariant());
            return string.Concat(letters);
        }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!currentUser.IsAuthenticated)
        {
            return Page();
        }

        (Profile, FromIdToken) = await overview.ReadAsync(cancellationToken);
        ViewData[AccessibilityClasses.ViewDataKey] = AccessibilityClasses.From(Profile.UserMetadata);
        SecondFactors = FromIdToken ? null : await authenticators.CountSecondFactorsAsync(currentUser.UserId, cancellationToken);
        AppMetadataItems = appMetadata.Present(Profile, CultureInfo.CurrentUICulture, localizer["Common.Yes"], localizer["Common.No"]);
        return Page();
    }
}
