using System.Net;

namespace Profiles.Web.Tests.Deployment.ScaleOut;

/// <summary>One profile save as the browser saw it: the name it sent, when it started (relative to the burst), the status and
/// the instance that answered, and whether the page said the save had failed.</summary>
public sealed record SaveAttempt(string Name, TimeSpan StartedAt, HttpStatusCode? Status, string Upstream, bool ShowsFormError, string? TransportError)
{
    /// <summary>Post-redirect-get back to the profile page: the portal reports the save as done.</summary>
    public bool Succeeded { get; init; }

    /// <summary>A failure the user is told about: the page's error message, or the proxy's error page when the instance that had
    /// the request died with it.</summary>
    public bool FailedVisibly => !Succeeded && TransportError is null &&
                                 (ShowsFormError || Status is HttpStatusCode.BadGateway or HttpStatusCode.GatewayTimeout);

    public override string ToString() =>
        $"{Name}: {(Status is null ? TransportError : ((int)Status).ToString(System.Globalization.CultureInfo.InvariantCulture))} via {Upstream}{(ShowsFormError ? " (form error)" : "")}";
}
