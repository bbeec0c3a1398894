using Profiles.LocalTenant.Security;
using static Profiles.LocalTenant.Localization.TenantText;

namespace Profiles.LocalTenant.Login;

/// <summary>Why a password was refused, in the page's language (the check's own message is Auth0's English API text).</summary>
public static class PasswordErrorText
{
    public static string For(PasswordCheck check)
    {
        ArgumentNullException.ThrowIfNull(check);
        return check.ErrorName switch
        {
            "PasswordStrengthError" => T("Password.TooWeak"),
            "PasswordDictionaryError" => T("Password.TooCommon"),
            "PasswordNoUserInfoError" => T("Password.HasUserInfo"),
            "PasswordHistoryError" => T("Password.UsedBefore"),
            _ => check.Message + ".",
        };
    }
}
