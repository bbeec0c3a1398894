namespace Profiles.Web.Telemetry;

/// <summary>
/// The Prometheus scrape endpoint. Off by default; when on, it is served by a listener of its own on
/// <see cref="Address"/>:<see cref="Port"/>, never on the portal's public port, so metrics stay on the management network.
/// </summary>
public sealed class PrometheusOptions
{
    public const string SectionName = "Profiles:Telemetry:Prometheus";

    public bool Enabled { get; set; }

    /// <summary>The IP address the scrape listener binds to: loopback unless the operator opens it (e.g. <c>0.0.0.0</c>).</summary>
    public string Address { get; set; } = "127.0.0.1";

    /// <summary>The scrape listener's port (Prometheus exporters conventionally use 9464); 0 picks a free one.</summary>
    public int Port { get; set; } = 9464;

    public string Path { get; set; } = "/metrics";
}
