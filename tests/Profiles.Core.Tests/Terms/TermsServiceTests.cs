using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;
using Profiles.Core.Activity;
using Profiles.Core.Management;
using Profiles.Core.Management.Models;
using Profiles.Core.Profiles;
using Profiles.Core.Terms;
using Profiles.Core.Tests.Infrastructure;
using Profiles.Core.Writes;

namespace Profiles.Core.Tests.Terms;

public sealed class TermsServiceTests : IDisposable
{
    private const string UserId = "auth0|terms-1";
    private readonly TestCaches _caches = new();
    private readonly Mock<IUsersClient> _users = new(MockBehavior.Strict);
    private readonly Mock<IProfileService> _profiles = new(MockBehavior.Strict);
    private readonly Mock<ISecurityEventLog> _events = new();
    private readonly FakeTimeProvider _time = new(FakeClock.Start);
    private readonly List<UserUpdateRequest> _sent = [];

    public void Dispose() => _caches.Dispose();

    [Theory]
    [InlineData(null, true, null, false)]
    [InlineData("2026-02", false, null, false)]
    [InlineData("2026-02", true, null, true)]
    [InlineData("2026-02", true, "2025-06", true)]
    [InlineData("2026-02", true, "2026-02", false)]
    public void Acceptance_is_needed_only_when_required_and_the_current_version_is_not_the_stored_one(
        string? version, bool required, string? stored, bool expected)
    {
        var service = Service(new TermsOptions { Version = version, Required = required });
        var metadata = stored is null ? new JsonObject() : Acceptance(stored);

        Assert.Equal(expected, service.NeedsAcceptance(Profile(metadata)));
    }

    [Fact]
    public async Task Accepting_writes_only_the_operators_version_and_the_portals_time_to_app_metadata_and_records_it()
    {
        _users.Setup(u => u.UpdateAsync(UserId, It.IsAny<UserUpdateRequest>(), It.IsAny<CancellationToken>()))
            .Callback<string, UserUpdateRequest, CancellationToken>((_, request, _) => _sent.Add(request))
            .ReturnsAsync(new Auth0User { UserId = UserId });
        await _caches.PutAsync(ProfileCache.Key(UserId), "stale");

        var outcome = await Service(new TermsOptions { Version = "2026-02" }).AcceptAsync(UserId, CancellationToken.None);

        Assert.Equal(TermsCodes.Accepted, outcome.Code);
        var request = Assert.Single(_sent);
        Assert.Equal(["app_metadata"], request.AssignedKeys);
        Assert.Equal("""{"terms":{"version":"2026-02","accepted_at":"2026-03-01T12:00:00.000Z"}}""", request.AppMetadata!.ToJsonString());
        Assert.False(await _caches.HoldsAsync(ProfileCache.Key(UserId)));
        _events.Verify(e => e.RecordAsync(UserId, SecurityActions.TermsAccepted, SecurityOutcomes.Succeeded, "2026-02", It.IsAny<CancellationToken>()), Times.Once);
    }

    [Theory]
    [InlineData(true, TermsCodes.Accepted)]
    [InlineData(false, TermsCodes.Unavailable)]
    public async Task A_lost_answer_is_settled_by_reading_the_user_again(bool stored, string expected)
    {
        _users.Setup(u => u.UpdateAsync(UserId, It.IsAny<UserUpdateRequest>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new ManagementApiException(HttpStatusCode.InternalServerError, ManagementApiException.TimeoutErrorCode, null, null));
        _profiles.Setup(p => p.RefreshProfileAsync(UserId, It.IsAny<CancellationToken>()))
            .ReturnsAsync(Profile(stored ? Acceptance("2026-02") : new JsonObject()));

        var outcome = await Service(new TermsOptions { Version = "2026-02" }).AcceptAsync(UserId, CancellationToken.None);

        Assert.Equal(expected, outcome.Code);
        _events.Verify(e => e.RecordAsync(UserId, SecurityActions.TermsAccepted,
            stored ? SecurityOutcomes.Succeeded : SecurityOutcomes.Failed, "2026-02", It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task A_refusal_is_not_an_outcome_and_keeps_throwing()
    {
        _users.Setup(u => u.UpdateAsync(UserId, It.IsAny<UserUpdateRequest>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new ManagementApiException(HttpStatusCode.NotFound, "inexistent_user", null, null));

        await Assert.ThrowsAsync<ManagementApiException>(() => Service(new TermsOptions { Version = "2026-02" }).AcceptAsync(UserId, CancellationToken.None));
    }

    [Fact]
    public async Task Without_declared_terms_nothing_is_written()
    {
        var outcome = await Service(new TermsOptions()).AcceptAsync(UserId, CancellationToken.None);

        Assert.Equal(TermsCodes.NothingToAccept, outcome.Code);
        _users.VerifyNoOtherCalls();
    }

    [Fact]
    public void The_stored_shape_is_read_back_and_anything_else_is_no_acceptance()
    {
        Assert.Equal(new TermsAcceptance("v1", FakeClock.Start), TermsAcceptance.ReadFrom(Acceptance("v1")));
        Assert.Null(TermsAcceptance.ReadFrom(new JsonObject { ["terms"] = "v1" }));
        Assert.Null(TermsAcceptance.ReadFrom(new JsonObject { ["terms"] = new JsonObject { ["version"] = 3 } }));
        Assert.Null(TermsAcceptance.ReadFrom(null));
    }

    private static JsonObject Acceptance(string version) =>
        new TermsAcceptance(version, FakeClock.Start).ToAppMetadataPatch();

    private static UserProfile Profile(JsonObject appMetadata) =>
        new(UserId, "t@example.com", true, "T", null, null, null, null, null, null, [], new JsonObject(), appMetadata, false, "Username-Password-Authentication", true);

    private TermsService Service(TermsOptions options) =>
        new(_users.Object, new WriteReconciler(_profiles.Object, NullLogger.Instance), _caches.Profiles(), _events.Object, Options.Create(options), _time, NullLogger<TermsService>.Instance);
}
