namespace Profiles.Core.Tests.Infrastructure;

/// <summary>What the stub saw of one request.</summary>
public sealed record RecordedRequest(HttpMethod Method, Uri Uri, string? Body, string? BearerToken, string? ContentType, int Index)
{
    /// <summary>The path and query exactly as sent (escaped).</summary>
    public string PathAndQuery => Uri.PathAndQuery;
}
