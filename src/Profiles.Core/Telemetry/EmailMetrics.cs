using System.Diagnostics.Metrics;

namespace Profiles.Core.Telemetry;

/// <summary>The portal's instruments for the emails it sends itself. Tags: the email's fixed kind and the delivery; never an
/// address.</summary>
public sealed class EmailMetrics
{
    public const string SentName = "profiles.email.sent";
    public const string FailedName = "profiles.email.failed";

    private readonly Counter<long> _sent;
    private readonly Counter<long> _failed;

    public EmailMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(PortalTelemetry.MeterName);
        _sent = meter.CreateCounter<long>(SentName, "{email}", "Emails the portal handed to its delivery (SMTP or the local tenant's outbox), by kind.");
        _failed = meter.CreateCounter<long>(FailedName, "{email}", "Emails the portal could not hand over, by kind and error type.");
    }

    public void RecordSent(string kind, string delivery) =>
        _sent.Add(1, new KeyValuePair<string, object?>("kind", kind), new KeyValuePair<string, object?>("delivery", delivery));

    /// <summary><paramref name="errorType"/> is a fixed word (timeout, refused, network, ...), never a server message.</summary>
    public void RecordFailed(string kind, string delivery, string errorType) =>
        _failed.Add(1, new KeyValuePair<string, object?>("kind", kind), new KeyValuePair<string, object?>("delivery", delivery),
            new KeyValuePair<string, object?>("error_type", errorType));
}
