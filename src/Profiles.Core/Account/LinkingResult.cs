namespace Profiles.Core.Account;

/// <summary>The outcome of a linking operation: success (with a preview when one was asked for) or a refusal code from
/// <see cref="LinkRefusal"/>.</summary>
public sealed record LinkingResult(bool Succeeded, string? Refusal, LinkPreview? Preview = null, TimeSpan? RetryAfter = null)
{
    public static LinkingResult Ok(LinkPreview? preview = null) => new(true, null, preview);

    public static LinkingResult Refused(string refusal, TimeSpan? retryAfter = null) => new(false, refusal, null, retryAfter);

    /// <summary>Temporary failures leave the pending link in place so the user can try again.</summary>
    public bool IsTemporary => Refusal is LinkRefusal.RateLimited or LinkRefusal.Unavailable;
}
