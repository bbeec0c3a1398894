namespace Profiles.Core.Authenticators;

/// <summary>Which Auth0 API the page works through.</summary>
public enum AuthenticatorSource
{
    /// <summary>The My Account API with the user's own token: enrolment happens in the portal.</summary>
    MyAccount,

    /// <summary>The Management API: listing and removal here, enrolment on Auth0's own page through an enrolment ticket.</summary>
    Management,
}
