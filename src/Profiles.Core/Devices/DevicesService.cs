using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Profiles.Core.Activity;
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
/// lists it. A 403 or 404 from the sessions API (plan without it, missing scope) degrades to the portal's own sessions.
/// </summary>
public sealed partial class DevicesService(
    ISessionsClient sessions,
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
        if (!options.Value.UseAuth0Sessions)
        {
            return ServiceResults.Success(PortalOnly(viewer));
        }

        List<Session> all;
        try
        {
            all = await ReadAllAsync(viewer.UserId, cancellationToken);
        }
        catch (ManagementApiException ex) when (IsSessionsApiMissing(ex))
        {
            LogSessionsApiMissing(logger, _logKey.For(viewer.UserId), (int)ex.StatusCode);
            return ServiceResults.Success(PortalOnly(viewer), DevicesCodes.SessionsUnavailable);
        }
        catch (ManagementApiException ex)
        {
            return ServiceResult.Busy(DevicesCodes.Unavailable, ex.RateLimit?.RetryAfter).As<DeviceList>();
        }

        var list = new List<DeviceSession>(all.Count);
        foreach (var session in all)
        {
            var ending = await revocations.IsEndedAsync(Auth0SessionKeys.For(session.Id), cancellationToken);
            list.Add(Describe(session, viewer, ending));
        }

        // A session listed without this browser's sid still shows this device, so "This device" is never missing.
        if (!list.Exists(s => s.IsCurrent))
        {
            list.Add(ThisDevice(viewer));
        }

        return ServiceResults.Success(new DeviceList(Order(list), true));
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

    private DeviceSession Describe(Session session, DeviceViewer viewer, bool ending)
    {
        var names = options.Value.ApplicationNames;
        var portal = auth0Options.Value.ClientId;
        var applications = session.Clients
            .Select(c => c.ClientId)
            .Where(id => !string.IsNullOrEmpty(id))
            .Distinct(StringComparer.Ordinal)
            .Select(id => new DeviceApplication(id, names.TryGetValue(id, out var name) && !string.IsNullOrWhiteSpace(name) ? name : null,
                string.Equals(id, portal, StringComparison.Ordinal)))
            .ToList();
        var methods = (session.Authentication?.Methods ?? [])
            .Select(m => m.Name)
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var device = session.Device;
        return new DeviceSession(
            session.Id,
            string.Equals(session.Id, viewer.Auth0SessionId, StringComparison.Ordinal),
            UserAgentParser.Parse(device?.LastUserAgent ?? device?.InitialUserAgent),
            device?.InitialIp,
            device?.LastIp ?? device?.InitialIp,
            session.AuthenticatedAt ?? session.CreatedAt,
            session.LastInteractedAt ?? session.UpdatedAt,
            applications,
            methods,
            ending);
    }

    private DeviceList PortalOnly(DeviceViewer viewer) => new([ThisDevice(viewer)], false);

    private DeviceSession ThisDevice(DeviceViewer viewer) =>
        new(viewer.Auth0SessionId, true, UserAgentParser.Parse(viewer.UserAgent), null, viewer.IpAddress, null, timeProvider.GetUtcNow(), [], [], false);

    private static List<DeviceSession> Order(List<DeviceSession> list) =>
        [.. list.OrderByDescending(s => s.IsCurrent).ThenBy(s => s.Ending).ThenByDescending(s => s.LastActiveAt ?? DateTimeOffset.MinValue)];

    private static bool IsSessionsApiMissing(ManagementApiException ex) =>
        ex.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound && !ex.IsTransportFailure;

    [LoggerMessage(EventId = 4601, Level = LogLevel.Information, Message = "Auth0 sessions of {UserKey} not available ({Status}): the devices page shows the portal's own sessions")]
    private static partial void LogSessionsApiMissing(ILogger logger, string userKey, int status);

    [LoggerMessage(EventId = 4602, Level = LogLevel.Information, Message = "An Auth0 session of {UserKey} was already gone when signed out")]
    private static partial void LogSessionAlreadyGone(ILogger logger, string userKey);
}
