using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Profiles.Core.Mail;
using Profiles.Core.Profiles;
using Profiles.Core.Settings;

namespace Profiles.Core.Authenticators;

/// <summary>Emails the user that their two-step verification changed (see <see cref="SecurityNoticeSender"/>).</summary>
public sealed class AuthenticatorsNotifier(
    IProfileService profiles,
    IEmailSender email,
    IAuthenticatorsNotice notice,
    IOptions<ManagementApiOptions> managementOptions,
    ILogger<AuthenticatorsNotifier> logger)
{
    private readonly SecurityNoticeSender _sender = new(profiles, email, managementOptions, logger);

    public Task NotifyAsync(string userId, string change, CancellationToken cancellationToken) =>
        _sender.SendAsync(userId, (profile, to) => notice.Compose(profile, to, change), cancellationToken);
}
