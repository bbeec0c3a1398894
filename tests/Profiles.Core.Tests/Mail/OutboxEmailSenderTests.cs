using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Profiles.Core.Mail;
using Profiles.Core.Tests.Infrastructure;

namespace Profiles.Core.Tests.Mail;

public sealed class OutboxEmailSenderTests
{
    private static readonly IOptions<EmailOptions> Options = Microsoft.Extensions.Options.Options.Create(new EmailOptions
    {
        Delivery = EmailDelivery.LocalTenantOutbox,
        From = "no-reply@profiles.invalid",
        OutboxUrl = "http://127.0.0.1:5301",
    });

    [Fact]
    public async Task Posts_one_message_to_the_tenant_outbox_with_its_kind()
    {
        var handler = new StubHandler(() => StubHandler.Json(HttpStatusCode.Created, "{}"));
        var sender = new OutboxEmailSender(new HttpClient(handler), Options);

        await sender.SendAsync(new EmailMessage("alice@example.com", "Your code", "123456", "email_change_code"), default);

        var request = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("http://127.0.0.1:5301/outbox", request.Uri.ToString());
        using var body = JsonDocument.Parse(request.Body!);
        Assert.Equal("alice@example.com", body.RootElement.GetProperty("to").GetString());
        Assert.Equal("portal:email_change_code", body.RootElement.GetProperty("kind").GetString());
        Assert.Equal("123456", body.RootElement.GetProperty("body").GetString());
    }

    [Fact]
    public async Task A_failure_is_reported_and_not_retried()
    {
        var handler = new StubHandler(() => new HttpResponseMessage(HttpStatusCode.InternalServerError), () => StubHandler.Json(HttpStatusCode.Created, "{}"));
        var sender = new OutboxEmailSender(new HttpClient(handler), Options);

        await Assert.ThrowsAsync<HttpRequestException>(() =>
            sender.SendAsync(new EmailMessage("alice@example.com", "Subject", "Body", "notice"), default));
        Assert.Single(handler.Requests);
    }
}
