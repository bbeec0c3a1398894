namespace Profiles.Web.Authentication;

/// <summary>The ID token from the token endpoint failed validation; the sign-in is refused and shown as a friendly error.</summary>
public sealed class IdTokenRejectedException : Exception
{
    /// <summary>A re-authentication came back as another user than the one signed in.</summary>
    public const string OtherAccountMessage = "The re-authentication signed in a different account.";

    public IdTokenRejectedException()
    {
    }

    public IdTokenRejectedException(string message)
        : base(message)
    {
    }

    public IdTokenRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
