namespace Profiles.Core.Data;

/// <summary>A deletion worker's claim on a request was taken over by another worker (it expired while this one was stopped);
/// caught by <see cref="DeletionProcessor"/>, never seen outside it.</summary>
internal sealed class DeletionClaimLostException : Exception
{
    public DeletionClaimLostException()
        : base("The deletion request was taken over by another worker.")
    {
    }

    public DeletionClaimLostException(string message)
        : base(message)
    {
    }

    public DeletionClaimLostException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
