using System.Net;
using Moq;
using Profiles.Core.Management;
using Profiles.Core.Profiles;
using Profiles.Core.Tests.Infrastructure;

namespace Profiles.Core.Tests.Profiles;

/// <summary>A failed read is remembered briefly (the negative cache), so page views do not multiply calls to a failing Auth0.</summary>
public sealed class ProfileServiceFailedReadTests : IDisposable
{
    private readonly ProfileServiceHarness _harness = new(Fixtures.DatabaseUser);

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task A_failed_read_is_answered_again_without_another_call_until_a_refresh()
    {
        var calls = 0;
        _harness.Users.Setup(u => u.GetAsync(ProfileServiceHarness.UserId, null, It.IsAny<CancellationToken>()))
            .Callback(() => calls++)
            .ThrowsAsync(new ManagementApiException(HttpStatusCode.Forbidden, "insufficient_scope", null, null));

        var first = await Assert.ThrowsAsync<ManagementApiException>(() => _harness.Service.GetProfileAsync(ProfileServiceHarness.UserId, CancellationToken.None));
        var second = await Assert.ThrowsAsync<ManagementApiException>(() => _harness.Service.GetProfileAsync(ProfileServiceHarness.UserId, CancellationToken.None));

        Assert.Equal(1, calls);
        Assert.Equal(HttpStatusCode.Forbidden, second.StatusCode);
        Assert.Equal(first.ErrorCode, second.ErrorCode);
        await Assert.ThrowsAsync<ManagementApiException>(() => _harness.Service.RefreshProfileAsync(ProfileServiceHarness.UserId, CancellationToken.None));
        Assert.Equal(2, calls);
        // A failed refresh (the re-read after a lost write) is not remembered: the next page view asks again.
        await Assert.ThrowsAsync<ManagementApiException>(() => _harness.Service.GetProfileAsync(ProfileServiceHarness.UserId, CancellationToken.None));
        Assert.Equal(3, calls);
    }

    [Fact]
    public async Task Forgetting_the_user_forgets_the_failure_too()
    {
        _harness.Users.SetupSequence(u => u.GetAsync(ProfileServiceHarness.UserId, null, It.IsAny<CancellationToken>()))
            .ThrowsAsync(new ManagementApiException(HttpStatusCode.ServiceUnavailable, null, null, null))
            .ReturnsAsync(ProfileServiceHarness.Parse(Fixtures.DatabaseUser));
        await Assert.ThrowsAsync<ManagementApiException>(() => _harness.Service.GetProfileAsync(ProfileServiceHarness.UserId, CancellationToken.None));

        await _harness.Cache.ForgetAsync(ProfileServiceHarness.UserId, CancellationToken.None);
        var profile = await _harness.Service.GetProfileAsync(ProfileServiceHarness.UserId, CancellationToken.None);

        Assert.Equal(ProfileServiceHarness.UserId, profile.UserId);
    }
}
