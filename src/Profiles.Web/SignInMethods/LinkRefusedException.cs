namespace Profiles.Web.SignInMethods;

/// <summary>The second authorization came back but cannot become a candidate (another user is signed in now); the reason is a
/// <see cref="Core.SignInMethods.LinkRefusal"/> code.</summary>
public sealed class LinkRefusedException : Exception
{
    public LinkRefusedException()
    {
    }

    public LinkRefusedException(string refusal)
        : base(refusal)
    {
    }

    public LinkRefusedException(string refusal, Exception innerException)
        : base(refusal, innerException)
    {
    }
}
