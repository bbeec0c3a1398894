using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Profiles.Core.Profiles;
using Profiles.Web.Authentication;
using Profiles.Web.Hosting;
using Profiles.Web.Localization;
using Profiles.Web.Preferences;

namespace Profiles.Web.Pages;

/// <summary>Edit the root profile fields (post-redirect-get; Core validates and sends only what changed).</summary>
public sealed class ProfileModel(IProfileService profiles, ICurrentUser currentUser, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public bool IsReadOnly { get; private set; }

    public string PrimaryConnection { get; private set; } = "";

    public string? FormError => this.FormError();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var profile = await LoadAsync(cancellationToken);
        Input = InputModel.From(profile);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            var result = await profiles.UpdateProfileAsync(currentUser.UserId, Input.ToEdit(), cancellationToken);
            if (this.ApplyResult(result, ErrorMessages.For(localizer), key => InputModel.PropertyFor(key) is { } property ? $"{nameof(Input)}.{property}" : null))
            {
                StatusMessage = result.Code == ProfileSuccessCodes.NothingChanged ? "Status.NothingChanged" : "Status.ProfileSaved";
                return RedirectToPage();
            }
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task<UserProfile> LoadAsync(CancellationToken cancellationToken)
    {
        var profile = await profiles.GetProfileAsync(currentUser.UserId, cancellationToken);
        IsReadOnly = profile.ProfileIsReadOnly;
        PrimaryConnection = profile.PrimaryConnection;
        ViewData[AccessibilityClasses.ViewDataKey] = AccessibilityClasses.From(profile.UserMetadata);
        return profile;
    }

    /// <summary>The editable root fields. There is deliberately no user id here: it comes from the principal.</summary>
    public sealed class InputModel
    {
        private static readonly Dictionary<string, string> PropertiesByKey = new(StringComparer.OrdinalIgnoreCase)
        {
            ["name"] = nameof(Name),
            ["nickname"] = nameof(Nickname),
            ["givenname"] = nameof(GivenName),
            ["familyname"] = nameof(FamilyName),
            ["picture"] = nameof(Picture),
        };

        public string? Name { get; set; }

        public string? Nickname { get; set; }

        public string? GivenName { get; set; }

        public string? FamilyName { get; set; }

        public string? Picture { get; set; }

        public static InputModel From(UserProfile profile) => new()
        {
            Name = profile.Name,
            Nickname = profile.Nickname,
            GivenName = profile.GivenName,
            FamilyName = profile.FamilyName,
            Picture = profile.Picture,
        };

        public ProfileEdit ToEdit() => new(Name, Nickname, GivenName, FamilyName, Picture);

        /// <summary>Core names fields as Auth0 does (<c>given_name</c>) or as .NET does (<c>GivenName</c>); both map here.</summary>
        public static string? PropertyFor(string key) =>
            PropertiesByKey.TryGetValue(key.Replace("_", "", StringComparison.Ordinal), out var property) ? property : null;
    }
}
