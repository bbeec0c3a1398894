using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using Profiles.Core.Logging;
using Profiles.Web.Tests.Infrastructure;

namespace Profiles.Web.Tests;

public sealed class RequestLoggingTests : FakeProviderPortalTests
{
    private const string TraceId = "0af7651916cd43dd8448eb211c80319c";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Portal.Profiles.Setup(p => p.GetProfileAsync(FakeOidcProvider.Subject, It.IsAny<CancellationToken>())).ReturnsAsync(SampleProfiles.Alice());
    }

    [Fact]
    public async Task Without_a_correlation_header_the_w3c_trace_id_from_traceparent_is_the_correlation_id()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        request.Headers.Add("traceparent", $"00-{TraceId}-b7ad6b7169203331-01");

        var response = await Portal.CreatePortalClient().SendAsync(request);

        Assert.Equal(TraceId, response.Headers.GetValues("X-Correlation-ID").Single());
        var line = Assert.Single(RequestLines(), l => l.Message.Contains(TraceId, StringComparison.Ordinal));
        Assert.Equal("HTTP GET /health/live responded 200", line.Message[..line.Message.IndexOf(" in ", StringComparison.Ordinal)]);
        Assert.Equal(TraceId, line.Properties["CorrelationId"]);
    }

    [Fact]
    public async Task A_caller_correlation_id_wins_over_the_trace_id_and_is_echoed()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        request.Headers.Add("traceparent", $"00-{TraceId}-b7ad6b7169203331-01");
        request.Headers.Add("X-Correlation-ID", "order-7");

        var response = await Portal.CreatePortalClient().SendAsync(request);

        Assert.Equal("order-7", response.Headers.GetValues("X-Correlation-ID").Single());
        Assert.Single(RequestLines(), l => l.Message.EndsWith("(order-7)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_request_line_of_a_signed_in_user_carries_the_pseudonymous_user_key_and_never_the_user_id()
    {
        var client = Portal.CreatePortalClient();
        await PortalSession.SignInSuccessfullyAsync(client);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/profile");
        request.Headers.Add("X-Correlation-ID", "keyed-1");

        await client.SendAsync(request);

        var line = Assert.Single(RequestLines(), l => l.Message.Contains("keyed-1", StringComparison.Ordinal));
        var expected = Portal.Services.GetRequiredService<UserLogKey>().For(FakeOidcProvider.Subject);
        Assert.Matches("^u_[0-9a-f]{16}$", expected);
        Assert.Equal(expected, line.Properties["UserKey"]);
        Assert.Equal(200, line.Properties["StatusCode"]);
        var everything = string.Join("\n", Portal.Logs.Entries.SelectMany(e => e.Properties.Values.Select(v => v?.ToString()).Prepend(e.Message)));
        Assert.DoesNotContain(FakeOidcProvider.Subject, everything, StringComparison.Ordinal);
        Assert.DoesNotContain("64b97a87b6c808c6f9cc0001", everything, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_sign_in_callback_is_logged_without_its_code_and_state()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/signin-auth0?code=SECRETCODE42&state=SECRETSTATE42");
        request.Headers.Add("X-Correlation-ID", "callback-1");

        var response = await Portal.CreatePortalClient().SendAsync(request);

        Assert.NotEqual(HttpStatusCode.InternalServerError, response.StatusCode);
        var line = Assert.Single(RequestLines(), l => l.Message.Contains("callback-1", StringComparison.Ordinal));
        Assert.StartsWith("HTTP GET (unmatched) responded ", line.Message, StringComparison.Ordinal);
        var everything = string.Join("\n", Portal.Logs.Entries.SelectMany(e => e.Properties.Values.Select(v => v?.ToString()).Prepend(e.Message)));
        Assert.DoesNotContain("SECRETCODE42", everything, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRETSTATE42", everything, StringComparison.Ordinal);
    }

    private List<(string Category, string Message, IReadOnlyDictionary<string, object?> Properties)> RequestLines() =>
        Portal.Logs.Entries.Where(e => e.Category.EndsWith("RequestLoggingMiddleware", StringComparison.Ordinal))
            .Select(e => (e.Category, e.Message, e.Properties)).ToList();
}
