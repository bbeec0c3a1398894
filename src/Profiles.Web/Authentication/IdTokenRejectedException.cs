namespace Profiles.Web.Authentication;

/// <summary>The ID token from the token endpoint failed validation; the sign-in is refused and shown as a friendly error.</summary>
public sealed class IdTokenRejectedException : Exception
{
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
