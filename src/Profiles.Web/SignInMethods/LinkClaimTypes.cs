namespace Profiles.Web.SignInMethods;

/// <summary>Claims of the candidate cookie (the second account's ID token claims are kept under their JWT names).</summary>
public static class LinkClaimTypes
{
    /// <summary>The portal user who started the link.</summary>
    public const string Initiator = "link_initiator";

    /// <summary>The connection the user chose.</summary>
    public const string Connection = "link_connection";
}
