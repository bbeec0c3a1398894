namespace Profiles.Core.Resilience;

/// <summary>Marks single requests whose method looks idempotent but whose effect is not, e.g. a PATCH that sets a password
/// (a repeat trips password history) or asks Auth0 to send a verification email.</summary>
public static class RetryableRequest
{
    /// <summary>When set to false, the request is retried only on 429 (not processed), never after a 5xx or a timeout.</summary>
    public static readonly HttpRequestOptionsKey<bool> SafeToRepeatKey = new("Profiles.SafeToRepeat");

    /// <summary>Marks <paramref name="request"/> as unsafe to repeat after a server failure.</summary>
    public static void MarkNotSafeToRepeat(HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Options.Set(SafeToRepeatKey, false);
    }

    /// <summary>The method's idempotency, unless the request was marked otherwise.</summary>
    public static bool IsSafeToRepeat(HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return ManagementResiliencePipeline.IsIdempotent(request.Method)
            && (!request.Options.TryGetValue(SafeToRepeatKey, out var safe) || safe);
    }
}
