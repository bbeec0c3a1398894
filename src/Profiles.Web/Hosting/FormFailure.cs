namespace Profiles.Web.Hosting;

/// <summary>Why a posted form was refused before any handler ran; the error page explains it (status 400).</summary>
public enum FormFailure
{
    /// <summary>The antiforgery token is missing, forged or from an older session: the form expired.</summary>
    Expired,

    /// <summary>The token was issued to another user: the user signed in as someone else (e.g. in another tab).</summary>
    OtherUser,

    /// <summary>The form could not be read, or a value holds a NUL or another control character.</summary>
    Malformed,
}
