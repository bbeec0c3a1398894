using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Profiles.Core.Mail;
using Profiles.Core.Profiles;
using Profiles.Core.Settings;

namespace Profiles.Core.Devices;

/// <summary>Emails the user that devices were signed out of their account (see <see cref="SecurityNoticeSender"/>).</summary>
public sealed class DevicesNotifier(
    IProfileService profiles,
    IEmailSender email,
    IDevicesSignedOutNotice notice,
    IOptions<ManagementApiOptions> managementOptions,
    ILogger<DevicesNotifier> logger)
{
    private readonly SecurityNoticeSender _sender = new(profiles, email, managementOptions, logger);

    public Task NotifyAsync(string userId, bool everywhereElse, CancellationToken cancellationToken) =>
        _sender.SendAsync(userId, (profile, to) => notice.Compose(profile, to, everywhereElse), cancellationToken);
}
