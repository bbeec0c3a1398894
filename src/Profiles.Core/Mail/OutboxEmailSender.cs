using System.Net.Http.Json;
using Microsoft.Extensions.Options;
using Profiles.Core.Management;

namespace Profiles.Core.Mail;

/// <summary>Development delivery: the local tenant's <c>POST /outbox</c>, so every email (the tenant's and the portal's) is in
/// one place to read and for tests to follow.</summary>
public sealed class OutboxEmailSender(HttpClientSource http, IOptions<EmailOptions> options) : IEmailSender
{
    /// <summary>Name of the outbox <see cref="HttpClient"/> (its timeout is <c>Email:TimeoutSeconds</c>).</summary>
    public const string HttpClientName = "Profiles.Email.Outbox";

    public OutboxEmailSender(HttpClient httpClient, IOptions<EmailOptions> options)
        : this(new HttpClientSource(httpClient), options)
    {
    }

    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var settings = options.Value;
        var url = new Uri(new Uri(settings.OutboxUrl!.TrimEnd('/') + "/"), "outbox");
        var body = new Dictionary<string, string?>
        {
            ["to"] = message.To,
            ["subject"] = message.Subject,
            ["body"] = message.TextBody,
            ["kind"] = "portal:" + message.Kind,
        };
        using var response = await http.Get().PostAsJsonAsync(url, body, cancellationToken);
        response.EnsureSuccessStatusCode();
    }
}
