namespace Profiles.Web.Support;

/// <summary>The reference a user reads out or pastes to support: the first eight characters of the request's correlation id,
/// which operators search the logs by (correlation ids starting with it). Short enough to say on the phone, and unique enough
/// among the requests of one day.</summary>
public static class SupportReference
{
    public const int Length = 8;

    public static string From(string? correlationId)
    {
        var id = (correlationId ?? "").Trim();
        return id.Length <= Length ? id : id[..Length];
    }
}
