using System.Net;
using Profiles.Core.Management;
using Profiles.Core.Management.Models;
using Profiles.Core.Tests.Infrastructure;

namespace Profiles.Core.Tests.Authenticators;

/// <summary>The Management API side of two-step verification, through the production handler chain: paths, bodies and the
/// operations that must not be repeated.</summary>
public sealed class AuthenticationMethodsClientTests
{
    private const string UserPath = "/api/v2/users/auth0%7Cmfa";

    [Fact]
    public async Task Lists_renames_and_deletes_under_the_users_path()
    {
        using var harness = new ManagementHarness(new StubHandler(
            () => StubHandler.Json(HttpStatusCode.OK, """[{"id":"totp|dev_1","type":"totp","confirmed":true,"created_at":"2026-02-01T10:00:00.000Z","link_id":"dev_link"}]"""),
            () => StubHandler.Json(HttpStatusCode.OK, """{"id":"totp|dev_1","type":"totp","name":"Work"}"""),
            () => new HttpResponseMessage(HttpStatusCode.NoContent)));
        var client = new AuthenticationMethodsClient(HttpClientOf(harness), harness.Time);

        var methods = await client.GetAsync("auth0|mfa");
        await client.RenameAsync("auth0|mfa", "totp|dev_1", "Work");
        await client.DeleteAsync("auth0|mfa", "totp|dev_1");

        Assert.Equal("dev_link", Assert.Single(methods).LinkId);
        var requests = harness.Stub.Requests;
        Assert.Equal((HttpMethod.Get, UserPath + "/authentication-methods?per_page=100"), (requests[0].Method, requests[0].PathAndQuery));
        Assert.Equal((HttpMethod.Patch, UserPath + "/authentication-methods/totp%7Cdev_1", """{"name":"Work"}"""), (requests[1].Method, requests[1].PathAndQuery, requests[1].Body));
        Assert.Equal((HttpMethod.Delete, UserPath + "/authentication-methods/totp%7Cdev_1"), (requests[2].Method, requests[2].PathAndQuery));
    }

    [Fact]
    public async Task A_ticket_asks_for_one_factor_without_an_email_and_is_not_repeated_on_a_server_error()
    {
        using var harness = new ManagementHarness(new StubHandler(() => StubHandler.Json(HttpStatusCode.InternalServerError, """{"statusCode":500}""")));
        var client = new AuthenticationMethodsClient(HttpClientOf(harness), harness.Time);

        await Assert.ThrowsAsync<ManagementApiException>(() =>
            harness.Time.DriveAsync(client.CreateEnrollmentTicketAsync(new EnrollmentTicketRequest("auth0|mfa", "otp", false, true))));

        var request = Assert.Single(harness.Stub.Requests);
        Assert.Equal("/api/v2/guardian/enrollments/ticket", request.PathAndQuery);
        Assert.Equal("""{"user_id":"auth0|mfa","factor":"otp","send_mail":false,"allow_multiple_enrollments":true}""", request.Body);
    }

    [Fact]
    public async Task Regenerates_the_recovery_code_and_forgets_remembered_browsers()
    {
        using var harness = new ManagementHarness(new StubHandler(
            () => StubHandler.Json(HttpStatusCode.OK, """{"recovery_code":"32YCGV1JUE9G7MDJ71UTN12W"}"""),
            () => new HttpResponseMessage(HttpStatusCode.NoContent)));
        var client = new AuthenticationMethodsClient(HttpClientOf(harness), harness.Time);

        var regenerated = await client.RegenerateRecoveryCodeAsync("auth0|mfa");
        await client.InvalidateRememberedBrowsersAsync("auth0|mfa");

        Assert.Equal("32YCGV1JUE9G7MDJ71UTN12W", regenerated.RecoveryCode);
        Assert.Equal(UserPath + "/recovery-code-regeneration", harness.Stub.Requests[0].PathAndQuery);
        Assert.Equal(UserPath + "/multifactor/actions/invalidate-remember-browser", harness.Stub.Requests[1].PathAndQuery);
    }

    private static HttpClient HttpClientOf(ManagementHarness harness) => harness.HttpClient;
}
