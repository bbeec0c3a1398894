using System.Net.Http.Json;
using Microsoft.Extensions.Options;

namespace Profiles.Core.Mail;

/// <summary>Development delivery: the local tenant's <c>POST /outbox</c>, so every email (the tenant's and the portal's) is in
/// one place to read and for tests to follow.</summary>
public sealed class OutboxEmailSender(HttpClient httpClient, IOptions<EmailOptions> options) : IEmailSender
{
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
        using var response = await httpClient.PostAsJsonAsync(url, body, cancellationToken);
        response.EnsureSuccessStatusCode();
    }
}
