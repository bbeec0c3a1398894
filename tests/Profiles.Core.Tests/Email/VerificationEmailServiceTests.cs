using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;
using Profiles.Core.Activity;
using Profiles.Core.Email;
using Profiles.Core.Management;
using Profiles.Core.Management.Models;
using Profiles.Core.Profiles;
using Profiles.Core.Security;
using Profiles.Core.Settings;
using Profiles.Core.Tests.Infrastructure;
using Profiles.Core.Tests.Pacing;
using Profiles.Core.Persistence;

namespace Profiles.Core.Tests.Email;

/// <summary>When the resend cooldown is kept and when it is lifted.</summary>
public abstract class VerificationEmailServiceTests : IDisposable
{
    private const string UserId = "auth0|u2";
    private readonly PortalTestDatabase _database;
    private readonly PortalUserKeys _userKeys;
    private readonly Mock<IJobsClient> _jobs = new();
    private readonly VerificationEmailService _service;

    protected VerificationEmailServiceTests(PortalDatabaseProvider provider)
    {
        _database = PortalTestDatabase.Create(provider);
        using (var db = _database.CreateDbContext())
        {
            db.Database.Migrate();
        }

        _userKeys = new PortalUserKeys(_database);
        var profiles = new Mock<IProfileService>();
        profiles.Setup(p => p.GetProfileAsync(UserId, It.IsAny<CancellationToken>())).ReturnsAsync(new UserProfile(UserId, "bob@example.com", false,
            null, null, null, null, null, null, null, [new LinkedIdentity("auth0", "Username-Password-Authentication", "u2", false, true, "bob@example.com")],
            [], [], false, "Username-Password-Authentication", true));
        _service = new VerificationEmailService(profiles.Object, _jobs.Object, new ActionThrottle(_database, _userKeys, new FakeTimeProvider(FakeClock.Start)),
            Mock.Of<ISecurityEventLog>(), Options.Create(new VerificationEmailOptions()), Options.Create(new Auth0Options { ClientId = "portal" }),
            NullLogger<VerificationEmailService>.Instance);
    }

    [Fact]
    public async Task A_server_error_keeps_the_cooldown_because_the_email_may_have_gone()
    {
        _jobs.Setup(j => j.SendVerificationEmailAsync(UserId, It.IsAny<JobIdentity?>(), It.IsAny<string?>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new ManagementApiException(HttpStatusCode.ServiceUnavailable, null, "down", null));

        var result = await _service.ResendAsync(UserId, CancellationToken.None);

        Assert.Equal(VerificationEmailCodes.Uncertain, result.Code);
        Assert.Equal(TimeSpan.FromMinutes(5), await _service.CooldownRemainingAsync(UserId, CancellationToken.None));
        Assert.Equal(VerificationEmailCodes.Throttled, (await _service.ResendAsync(UserId, CancellationToken.None)).Code);
        _jobs.Verify(j => j.SendVerificationEmailAsync(UserId, new JobIdentity("u2", "auth0"), "portal", It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task A_refusal_lifts_the_cooldown_because_nothing_was_sent()
    {
        _jobs.Setup(j => j.SendVerificationEmailAsync(UserId, It.IsAny<JobIdentity?>(), It.IsAny<string?>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new ManagementApiException(HttpStatusCode.BadRequest, "invalid_body", "Connection must be enabled", null));

        Assert.Equal(VerificationEmailCodes.Failed, (await _service.ResendAsync(UserId, CancellationToken.None)).Code);
        Assert.Equal(TimeSpan.Zero, await _service.CooldownRemainingAsync(UserId, CancellationToken.None));
    }

    public void Dispose()
    {
        _userKeys.Dispose();
        _database.Dispose();
    }

    public sealed class OnSqlite() : VerificationEmailServiceTests(PortalDatabaseProvider.Sqlite);

    public sealed class OnPostgres() : VerificationEmailServiceTests(PortalDatabaseProvider.Postgres);
}
