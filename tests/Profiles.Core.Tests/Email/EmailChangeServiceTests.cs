using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;
using Profiles.Core.Activity;
using Profiles.Core.Email;
using Profiles.Core.Mail;
using Profiles.Core.Management;
using Profiles.Core.Management.Models;
using Profiles.Core.Profiles;
using Profiles.Core.Security;
using Profiles.Core.Tests.Infrastructure;
using Profiles.Core.Tests.Pacing;
using Profiles.Core.Persistence;
using Profiles.Core.Writes;

namespace Profiles.Core.Tests.Email;

/// <summary>The email change rules on a real portal database, with Auth0 and email delivery mocked.</summary>
public abstract class EmailChangeServiceTests : IDisposable
{
    private const string UserId = "auth0|u1";
    private readonly PortalTestDatabase _database;
    private readonly FakeTimeProvider _time = new(FakeClock.Start);
    private readonly PortalUserKeys _userKeys;
    private readonly EmailCodeHasher _hasher;
    private readonly Mock<IProfileService> _profiles = new();
    private readonly Mock<IUsersClient> _users = new();
    private readonly Mock<IEmailSender> _sender = new();
    private readonly Mock<ISecurityEventLog> _events = new();
    private readonly List<EmailMessage> _sent = [];
    private readonly List<SecurityEvent> _recentEvents = [];
    private readonly TestCaches _caches = new();
    private readonly EmailChangeService _service;

    protected EmailChangeServiceTests(PortalDatabaseProvider provider)
    {
        _database = PortalTestDatabase.Create(provider);
        using (var db = _database.CreateDbContext())
        {
            db.Database.Migrate();
        }

        _userKeys = new PortalUserKeys(_database);
        _hasher = new EmailCodeHasher(_database);
        _profiles.Setup(p => p.GetProfileAsync(UserId, It.IsAny<CancellationToken>())).ReturnsAsync(Profile("old@example.com", "auth0"));
        _sender.Setup(s => s.SendAsync(It.IsAny<EmailMessage>(), It.IsAny<CancellationToken>()))
            .Callback<EmailMessage, CancellationToken>((m, _) => _sent.Add(m)).Returns(Task.CompletedTask);
        _events.Setup(e => e.ListRecentAsync(UserId, It.IsAny<int>(), It.IsAny<CancellationToken>())).ReturnsAsync(() => _recentEvents);
        var messages = new Mock<IEmailChangeMessages>();
        messages.Setup(m => m.Code(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<TimeSpan>()))
            .Returns<string, string, TimeSpan>((to, code, _) => new EmailMessage(to, "code", code, "email_change_code"));
        messages.Setup(m => m.ChangedNotice(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<DateTimeOffset>(), It.IsAny<string?>(), It.IsAny<string?>()))
            .Returns<string, string, DateTimeOffset, string?, string?>((to, masked, _, _, _) => new EmailMessage(to, "notice", masked, "email_changed_notice"));
        var options = Options.Create(new EmailChangeOptions());
        var pending = new PendingEmailChanges(_database, _userKeys, _hasher, options, _time);
        var mail = new EmailChangeMail(_sender.Object, messages.Object, options, _time, NullLogger<EmailChangeMail>.Instance);
        var audit = new EmailChangeAudit(_events.Object, TestMetrics.Journeys(), _time, NullLogger<EmailChangeAudit>.Instance);
        var confirmation = new EmailChangeConfirmation(_profiles.Object, _users.Object, pending, new WriteReconciler(_profiles.Object, NullLogger.Instance),
            _caches.Profiles(), mail, audit);
        _service = new EmailChangeService(_profiles.Object, pending, new ActionThrottle(_database, _userKeys, _time), mail, audit, confirmation, options);
    }

    [Fact]
    public async Task No_more_codes_than_the_daily_cap_are_sent_in_24_hours()
    {
        var now = _time.GetUtcNow();
        _recentEvents.AddRange(Enumerable.Range(0, 10).Select(i =>
            new SecurityEvent(SecurityActions.EmailChangeRequested, SecurityOutcomes.Succeeded, now.AddHours(-20 + i), null, null)));
        _recentEvents.Add(new SecurityEvent(SecurityActions.EmailChangeRequested, SecurityOutcomes.Succeeded, now.AddHours(-30), null, null));

        var refused = await _service.RequestAsync(UserId, "new@example.com", CancellationToken.None);

        Assert.Equal(EmailChangeCodes.Throttled, refused.Code);
        Assert.Equal(TimeSpan.FromHours(4), refused.RetryAfter);
        Assert.Empty(_sent);

        _recentEvents.RemoveAt(0);
        Assert.Equal(EmailChangeCodes.CodeSent, (await _service.RequestAsync(UserId, "new@example.com", CancellationToken.None)).Code);
    }

    [Fact]
    public async Task Only_the_keyed_hash_of_the_code_is_stored_and_the_patch_marks_the_address_verified()
    {
        UserUpdateRequest? sentPatch = null;
        _users.Setup(u => u.UpdateAsync(UserId, It.IsAny<UserUpdateRequest>(), It.IsAny<CancellationToken>()))
            .Callback<string, UserUpdateRequest, CancellationToken>((_, r, _) => sentPatch = r).ReturnsAsync(new Auth0User());
        await _caches.PutAsync(ProfileCache.Key(UserId), "stale");

        Assert.Equal(EmailChangeCodes.CodeSent, (await _service.RequestAsync(UserId, "New@Example.com", CancellationToken.None)).Code);
        var code = Assert.Single(_sent).TextBody;
        await using (var db = _database.CreateDbContext())
        {
            var row = await db.PendingEmailChanges.SingleAsync();
            Assert.Equal("new@example.com", row.NewEmail);
            Assert.DoesNotContain(code, row.CodeHash, StringComparison.Ordinal);
            Assert.Equal(64, row.CodeHash.Length);
        }

        Assert.Equal(EmailChangeCodes.Changed, (await _service.ConfirmAsync(UserId, code[..3] + " " + code[3..], CancellationToken.None)).Code);
        Assert.NotNull(sentPatch);
        Assert.Equal(["email", "email_verified", "connection"], sentPatch.AssignedKeys);
        Assert.Equal("new@example.com", sentPatch.Email);
        Assert.True(sentPatch.EmailVerified);
        Assert.Equal("Username-Password-Authentication", sentPatch.Connection);
        Assert.False(await _caches.HoldsAsync(ProfileCache.Key(UserId)));
        Assert.Equal(("old@example.com", "n•••@example.com"), (_sent[1].To, _sent[1].TextBody));
        await using (var db = _database.CreateDbContext())
        {
            Assert.False(await db.PendingEmailChanges.AnyAsync());
        }
    }

    [Fact]
    public async Task An_unreachable_tenant_keeps_the_pending_change_so_the_same_code_works_later()
    {
        _users.SetupSequence(u => u.UpdateAsync(UserId, It.IsAny<UserUpdateRequest>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new ManagementApiException(HttpStatusCode.GatewayTimeout, ManagementApiException.TimeoutErrorCode, "timeout", null))
            .ReturnsAsync(new Auth0User());
        // The re-read after the lost answer shows the old address: the change did not happen.
        _profiles.Setup(p => p.RefreshProfileAsync(UserId, It.IsAny<CancellationToken>())).ReturnsAsync(Profile("old@example.com", "auth0"));
        await _service.RequestAsync(UserId, "new@example.com", CancellationToken.None);
        var code = _sent[0].TextBody;

        Assert.Equal(EmailChangeCodes.Unavailable, (await _service.ConfirmAsync(UserId, code, CancellationToken.None)).Code);
        Assert.NotNull(await _service.GetPendingAsync(UserId, CancellationToken.None));
        Assert.Equal(EmailChangeCodes.Changed, (await _service.ConfirmAsync(UserId, code, CancellationToken.None)).Code);
        Assert.Equal(2, _sent.Count);
    }

    [Fact]
    public async Task A_lost_answer_after_the_change_took_effect_is_reported_as_changed()
    {
        _users.Setup(u => u.UpdateAsync(UserId, It.IsAny<UserUpdateRequest>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new ManagementApiException(HttpStatusCode.ServiceUnavailable, null, "lost", null));
        _profiles.Setup(p => p.RefreshProfileAsync(UserId, It.IsAny<CancellationToken>())).ReturnsAsync(Profile("new@example.com", "auth0"));
        await _service.RequestAsync(UserId, "new@example.com", CancellationToken.None);

        var result = await _service.ConfirmAsync(UserId, _sent[0].TextBody, CancellationToken.None);

        Assert.Equal(EmailChangeCodes.Changed, result.Code);
        Assert.Null(await _service.GetPendingAsync(UserId, CancellationToken.None));
        Assert.Equal("old@example.com", _sent[1].To);
    }

    [Fact]
    public async Task A_lost_answer_and_a_failed_re_read_are_reported_as_unconfirmed_and_keep_the_code()
    {
        _users.Setup(u => u.UpdateAsync(UserId, It.IsAny<UserUpdateRequest>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new ManagementApiException(HttpStatusCode.InternalServerError, ManagementApiException.NetworkErrorCode, "drop", null));
        _profiles.Setup(p => p.RefreshProfileAsync(UserId, It.IsAny<CancellationToken>()))
            .ThrowsAsync(new ManagementApiException(HttpStatusCode.ServiceUnavailable, null, "down", null));
        await _service.RequestAsync(UserId, "new@example.com", CancellationToken.None);

        var result = await _service.ConfirmAsync(UserId, _sent[0].TextBody, CancellationToken.None);

        Assert.Equal(EmailChangeCodes.Unconfirmed, result.Code);
        Assert.NotNull(await _service.GetPendingAsync(UserId, CancellationToken.None));
        Assert.Single(_sent);
    }

    [Fact]
    public async Task A_code_only_confirms_the_address_it_was_sent_to()
    {
        await _service.RequestAsync(UserId, "first@example.com", CancellationToken.None);
        var firstCode = _sent[0].TextBody;
        _time.Advance(TimeSpan.FromMinutes(2));
        await _service.RequestAsync(UserId, "second@example.com", CancellationToken.None);

        var result = await _service.ConfirmAsync(UserId, firstCode == _sent[1].TextBody ? "x" : firstCode, CancellationToken.None);

        Assert.Equal(EmailChangeCodes.WrongCode, result.Code);
        Assert.Equal(4, Assert.Single(Assert.Single(result.FieldErrors).Arguments));
        _users.Verify(u => u.UpdateAsync(It.IsAny<string>(), It.IsAny<UserUpdateRequest>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task A_failed_code_email_leaves_nothing_pending_and_frees_the_cooldown()
    {
        _sender.Setup(s => s.SendAsync(It.IsAny<EmailMessage>(), It.IsAny<CancellationToken>())).ThrowsAsync(new HttpRequestException("down"));

        Assert.Equal(EmailChangeCodes.SendFailed, (await _service.RequestAsync(UserId, "new@example.com", CancellationToken.None)).Code);
        Assert.Null(await _service.GetPendingAsync(UserId, CancellationToken.None));
        _sender.Setup(s => s.SendAsync(It.IsAny<EmailMessage>(), It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);
        Assert.Equal(EmailChangeCodes.CodeSent, (await _service.RequestAsync(UserId, "new@example.com", CancellationToken.None)).Code);
    }

    [Fact]
    public async Task A_social_primary_identity_cannot_start_a_change()
    {
        _profiles.Setup(p => p.GetProfileAsync(UserId, It.IsAny<CancellationToken>())).ReturnsAsync(Profile("carol@gmail.example", "google-oauth2"));

        Assert.Equal(EmailChangeCodes.NotDatabaseUser, (await _service.RequestAsync(UserId, "new@example.com", CancellationToken.None)).Code);
        Assert.Empty(_sent);
    }

    public void Dispose()
    {
        _caches.Dispose();
        _hasher.Dispose();
        _userKeys.Dispose();
        _database.Dispose();
    }

    private static UserProfile Profile(string email, string provider)
    {
        var connection = provider == "auth0" ? "Username-Password-Authentication" : provider;
        return new UserProfile(UserId, email, true, "User", null, null, null, null, null, null,
            [new LinkedIdentity(provider, connection, "u1", provider != "auth0", true, email)], [], [], provider != "auth0", connection, provider == "auth0");
    }

    public sealed class OnSqlite() : EmailChangeServiceTests(PortalDatabaseProvider.Sqlite);

    public sealed class OnPostgres() : EmailChangeServiceTests(PortalDatabaseProvider.Postgres);
}
