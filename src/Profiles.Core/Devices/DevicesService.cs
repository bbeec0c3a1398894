using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Profiles.Core.Activity;
using Profiles.Core.Applications;
using Profiles.Core.Logging;
using Profiles.Core.Management;
using Profiles.Core.Management.Models;
using Profiles.Core.Results;
using Profiles.Core.Security;
using Profiles.Core.Settings;

namespace Profiles.Core.Devices;

/// <summary>
/// The devices journey. Auth0's sessions are read page by page (<c>from</c>/<c>take</c>) and signed out with
/// <c>POST /sessions/{id}/revoke</c>, which also ends their refresh tokens (a plain delete would leave them valid). The portal
/// session riding on a signed-out Auth0 session ends at once through <see cref="IPortalSessionRevocations"/>, keyed by
/// <see cref="Auth0SessionKeys"/>; that record also marks the session "signing out" while Auth0's asynchronous delete still
/// lists it. The portal's own sessions (<see cref="IPortalSessions"/>) are merged in (<see cref="DeviceSessionMerge"/>), and
/// are all there is when the sessions API answers 403 or 404 (plan without it, missing scope) or is switched off.
/// Applications are named by <see cref="ClientNames"/>.
/// </summary>
public sealed partial class DevicesService(
    ISessionsClient sessions,
    IClientsClient clients,
    ClientNames clientNames,
    IPortalSessions portalSessions,
    IPortalSessionRevocations revocations,
    ISecurityEventLog events,
    DevicesNotifier notifier,
    TimeProvider timeProvider,
    IOptions<DevicesOptions> options,
    IOptions<Auth0Options> auth0Options,
    IOptions<ManagementApiOptions> managementOptions,
    ILogger<DevicesService> logger) : IDevicesService
{
    /// <summary>How long an ended-session record must outlive the portal session it ends: the longest absolute session
    /// lifetime the portal can be configured with (30 days), so the record never goes before the cookie it refuses.</summary>
    private static readonly TimeSpan EndedRecordLifetime = TimeSpan.FromDays(30);

    private readonly UserLogKey _logKey = new(managementOptions.Value.ClientSecret);

    public async Task<ServiceResult<DeviceList>> ListAsync(DeviceViewer viewer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var portal = await portalSessions.ListAsync(viewer.UserId, cancellationToken);
        if (!options.Value.UseAuth0Sessions)
        {
            return ServiceResults.Success(PortalOnly(viewer, portal));
        }

        List<Session> all;
        try
        {
            all = await ReadAllAsync(viewer.UserId, cancellationToken);
        }
        catch (ManagementApiException ex) when (IsSessionsApiMissing(ex))
        {
            LogSessionsApiMissing(logger, _logKey.For(viewer.UserId), (int)ex.StatusCode);
            return ServiceResults.Success(PortalOnly(viewer, portal), DevicesCodes.SessionsUnavailable);
        }
        catch (ManagementApiException ex)
        {
            return ServiceResult.Busy(DevicesCodes.Unavailable, ex.RateLimit?.RetryAfter).As<DeviceList>();
        }

        var names = await NamesAsync(all, cancellationToken);
        var list = new List<DeviceSession>(all.Count + portal.Count);
        foreach (var session in all)
        {
            var ending = await revocations.IsEndedAsync(Auth0SessionKeys.For(session.Id), cancellationToken);
            var riding = portal.FirstOrDefault(p => string.Equals(p.Auth0SessionId, session.Id, StringComparison.Ordinal));
            list.Add(DeviceSessionMerge.Describe(session, viewer, ending, Applications(session, names), riding));
        }

        var listed = all.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        list.AddRange(DeviceSessionMerge.Unmatched(portal, listed).Select(p => DeviceSessionMerge.PortalOnly(p, viewer, ThisPortal)));
        return ServiceResults.Success(new DeviceList(Order(WithThisDevice(list, viewer)), true));
    }

    public async Task<ServiceResult> SignOutPortalSessionAsync(DeviceViewer viewer, string portalSessionId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentException.ThrowIfNullOrEmpty(portalSessionId);
        if (string.Equals(portalSessionId, viewer.PortalSessionId, StringComparison.Ordinal))
        {
            return ServiceResult.Refused(DevicesCodes.ThisDevice);
        }

        // Only the signed-in user's own sessions: an id from the form that is not one of them ends nothing.
        var session = (await portalSessions.ListAsync(viewer.UserId, cancellationToken))
            .FirstOrDefault(p => string.Equals(p.SessionId, portalSessionId, StringComparison.Ordinal));
        if (session is null)
        {
            LogSessionAlreadyGone(logger, _logKey.For(viewer.UserId));
            return ServiceResult.Success(DevicesCodes.SignedOut);
        }

        await revocations.EndSessionAsync(viewer.UserId, session.SessionId, timeProvider.GetUtcNow() + EndedRecordLifetime, cancellationToken);
        await events.RecordAsync(viewer.UserId, SecurityActions.DeviceSignedOut, SecurityOutcomes.Succeeded, "portal", cancellationToken);
        await notifier.NotifyAsync(viewer.UserId, everywhereElse: false, cancellationToken);
        return ServiceResult.Success(DevicesCodes.SignedOut);
    }

    public async Task<ServiceResult> SignOutDeviceAsync(DeviceViewer viewer, string sessionId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentException.ThrowIfNullOrEmpty(sessionId);
        if (string.Equals(sessionId, viewer.Auth0SessionId, StringComparison.Ordinal))
        {
            return ServiceResult.Refused(DevicesCodes.ThisDevice);
        }

        if (!options.Value.UseAuth0Sessions)
        {
            return ServiceResult.Refused(DevicesCodes.SessionsUnavailable);
        }

        // The portal session first: even if Auth0 fails below, that device's next portal page asks it to sign in.
        await EndPortalSessionAsync(viewer.UserId, sessionId, cancellationToken);
        var outcome = await RevokeAsync(viewer.UserId, sessionId, cancellationToken);
        if (outcome is not null)
        {
            await events.RecordAsync(viewer.UserId, SecurityActions.DeviceSignedOut, SecurityOutcomes.Failed, "portal", cancellationToken);
            return outcome;
        }

        await events.RecordAsync(viewer.UserId, SecurityActions.DeviceSignedOut, SecurityOutcomes.Succeeded, "portal+auth0", cancellationToken);
        await notifier.NotifyAsync(viewer.UserId, everywhereElse: false, cancellationToken);
        return ServiceResult.Success(DevicesCodes.SignedOut);
    }

    public async Task<ServiceResult> SignOutEverywhereElseAsync(DeviceViewer viewer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        // Every other portal session, also those whose Auth0 session is unknown or already gone.
        await revocations.RevokeAsync(viewer.UserId, viewer.PortalSessionId, cancellationToken);
        var auth0Ended = false;
        if (options.Value.UseAuth0Sessions)
        {
            try
            {
                foreach (var session in await ReadAllAsync(viewer.UserId, cancellationToken))
                {
                    if (string.Equals(session.Id, viewer.Auth0SessionId, StringComparison.Ordinal))
                    {
                        continue;
                    }

                    await EndPortalSessionAsync(viewer.UserId, session.Id, cancellationToken);
                    if (await RevokeAsync(viewer.UserId, session.Id, cancellationToken) is { } failure)
                    {
                        await events.RecordAsync(viewer.UserId, SecurityActions.SignedOutEverywhereElse, SecurityOutcomes.Failed, "portal", cancellationToken);
                        return failure;
                    }
                }

                auth0Ended = true;
            }
            catch (ManagementApiException ex) when (IsSessionsApiMissing(ex))
            {
                LogSessionsApiMissing(logger, _logKey.For(viewer.UserId), (int)ex.StatusCode);
            }
            catch (ManagementApiException ex)
            {
                await events.RecordAsync(viewer.UserId, SecurityActions.SignedOutEverywhereElse, SecurityOutcomes.Failed, "portal", cancellationToken);
                return ServiceResult.Busy(DevicesCodes.Unavailable, ex.RateLimit?.RetryAfter);
            }
        }

        await events.RecordAsync(viewer.UserId, SecurityActions.SignedOutEverywhereElse, SecurityOutcomes.Succeeded,
            auth0Ended ? "portal+auth0" : "portal", cancellationToken);
        await notifier.NotifyAsync(viewer.UserId, everywhereElse: true, cancellationToken);
        return ServiceResult.Success(DevicesCodes.SignedOutEverywhereElse);
    }

    private async Task<List<Session>> ReadAllAsync(string userId, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var all = new List<Session>();
        string? from = null;
        do
        {
            var page = await sessions.GetUserSessionsAsync(userId, settings.PageSize, from, cancellationToken);
            all.AddRange(page.Sessions.Where(s => !string.IsNullOrEmpty(s.Id)));
            from = string.IsNullOrEmpty(page.Next) || page.Sessions.Count == 0 ? null : page.Next;
        }
        while (from is not null && all.Count < settings.MaxSessions);

        return all;
    }

    /// <summary>Revokes one Auth0 session; null when done or already gone (deleted meanwhile, or expired), else the failure.</summary>
    private async Task<ServiceResult?> RevokeAsync(string userId, string sessionId, CancellationToken cancellationToken)
    {
        try
        {
            await sessions.RevokeSessionAsync(sessionId, cancellationToken);
            return null;
        }
        catch (ManagementApiException ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            LogSessionAlreadyGone(logger, _logKey.For(userId));
            return null;
        }
        catch (ManagementApiException ex) when (ex.StatusCode == HttpStatusCode.Forbidden)
        {
            LogSessionsApiMissing(logger, _logKey.For(userId), (int)ex.StatusCode);
            return ServiceResult.Refused(DevicesCodes.SessionsUnavailable);
        }
        catch (ManagementApiException ex)
        {
            return ServiceResult.Busy(DevicesCodes.Unavailable, ex.RateLimit?.RetryAfter);
        }
    }

    private Task EndPortalSessionAsync(string userId, string auth0SessionId, CancellationToken cancellationToken) =>
        revocations.EndSessionAsync(userId, Auth0SessionKeys.For(auth0SessionId), timeProvider.GetUtcNow() + EndedRecordLifetime, cancellationToken);

    /// <summary>The names of the applications that used the sessions; this portal needs none (the page calls it "this account
    /// portal"). At most one <c>GET /clients/{id}</c> per application not named recently.</summary>
    private async Task<Dictionary<string, string?>> NamesAsync(List<Session> all, CancellationToken cancellationToken)
    {
        var names = new Dictionary<string, string?>(StringComparer.Ordinal);
        var portal = auth0Options.Value.ClientId;
        foreach (var id in all.SelectMany(s => s.Clients).Select(c => c.ClientId).OfType<string>()
                     .Where(id => id.Length > 0 && !string.Equals(id, portal, StringComparison.Ordinal)).Distinct(StringComparer.Ordinal))
        {
            names[id] = await clientNames.NameOfAsync(clients, id, cancellationToken);
        }

        return names;
    }

    private List<DeviceApplication> Applications(Session session, Dictionary<string, string?> names) =>
    [
        .. session.Clients
            .Select(c => c.ClientId)
            .OfType<string>()
            .Where(id => id.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .Select(id => names.TryGetValue(id, out var name) ? new DeviceApplication(id, name, false) : ThisPortal),
    ];

    private DeviceApplication ThisPortal => new(auth0Options.Value.ClientId, null, true);

    private DeviceList PortalOnly(DeviceViewer viewer, IReadOnlyList<ActivePortalSession> portal) =>
        new(Order(WithThisDevice([.. portal.Select(p => DeviceSessionMerge.PortalOnly(p, viewer, ThisPortal))], viewer)), false);

    /// <summary>This device is never missing: when neither Auth0 nor the portal's table lists it, it is described from the request.</summary>
    private List<DeviceSession> WithThisDevice(List<DeviceSession> list, DeviceViewer viewer)
    {
        if (!list.Exists(s => s.IsCurrent))
        {
            list.Add(new DeviceSession(viewer.Auth0SessionId, true, UserAgentParser.Parse(viewer.UserAgent), null, viewer.IpAddress, null,
                timeProvider.GetUtcNow(), [], [], false, viewer.PortalSessionId));
        }

        return list;
    }

    private static List<DeviceSession> Order(List<DeviceSession> list) =>
        [.. list.OrderByDescending(s => s.IsCurrent).ThenBy(s => s.Ending).ThenByDescending(s => s.LastActiveAt ?? DateTimeOffset.MinValue)];

    private static bool IsSessionsApiMissing(ManagementApiException ex) =>
        ex.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound && !ex.IsTransportFailure;

    [LoggerMessage(EventId = 4601, Level = LogLevel.Information, Message = "Auth0 sessions of {UserKey} not available ({Status}): the devices page shows the portal's own sessions")]
    private static partial void LogSessionsApiMissing(ILogger logger, string userKey, int status);

    [LoggerMessage(EventId = 4602, Level = LogLevel.Information, Message = "An Auth0 session of {UserKey} was already gone when signed out")]
    private static partial void LogSessionAlreadyGone(ILogger logger, string userKey);
}
