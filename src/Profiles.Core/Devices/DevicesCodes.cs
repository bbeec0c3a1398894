namespace Profiles.Core.Devices;

/// <summary>Why a devices operation did not do what was asked, and which success it was.</summary>
public static class DevicesCodes
{
    /// <summary>Auth0's sessions are not available (plan without the sessions API, missing scope, or switched off): only the
    /// portal's own sessions are listed and ended.</summary>
    public const string SessionsUnavailable = "sessions_unavailable";

    /// <summary>Auth0 did not answer; nothing was ended.</summary>
    public const string Unavailable = "unavailable";

    /// <summary>The session asked for is this device's: signing out here is the sign-out button's job.</summary>
    public const string ThisDevice = "this_device";

    /// <summary>Success: one device signed out.</summary>
    public const string SignedOut = "signed_out";

    /// <summary>Success: every other device signed out.</summary>
    public const string SignedOutEverywhereElse = "signed_out_everywhere_else";
}
