using Microsoft.Extensions.Localization;
using Profiles.Core.Authenticators;
using Profiles.Web.Localization;

namespace Profiles.Web.Authenticators;

/// <summary>A method in plain words: "Authenticator app", "Passkey (synced)", "iCloud Keychain".</summary>
public sealed class AuthenticatorText(IStringLocalizer<AuthenticatorsResource> localizer)
{
    public string Kind(AuthenticatorKind kind) => localizer["Kind." + kind].Value;

    /// <summary>The heading: the nickname when there is one, else what it is.</summary>
    public string Title(Authenticator method)
    {
        ArgumentNullException.ThrowIfNull(method);
        return method.Nickname ?? method.MadeBy ?? Kind(method.Kind);
    }

    public string? Storage(PasskeyStorage? storage) => storage is { } known ? localizer["Passkey." + known].Value : null;
}
