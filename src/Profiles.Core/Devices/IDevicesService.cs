using Profiles.Core.Results;

namespace Profiles.Core.Devices;

/// <summary>Where the user is signed in, and signing other devices out.</summary>
public interface IDevicesService
{
    /// <summary>The user's sessions, Auth0's and the portal's merged, this device first. Fails only when Auth0 did not answer; a
    /// plan without the sessions API gives the portal's own sessions with <see cref="DeviceList.Auth0Sessions"/> false.</summary>
    Task<ServiceResult<DeviceList>> ListAsync(DeviceViewer viewer, CancellationToken cancellationToken);

    /// <summary>Signs out one other device: its Auth0 session and refresh tokens are revoked and its portal session ends at once.
    /// A session already gone counts as signed out.</summary>
    Task<ServiceResult> SignOutDeviceAsync(DeviceViewer viewer, string sessionId, CancellationToken cancellationToken);

    /// <summary>Signs out one other portal session that Auth0 does not list (or all of them, on a plan without the sessions API):
    /// it ends at once on every instance. An id that is not one of the user's sessions ends nothing.</summary>
    Task<ServiceResult> SignOutPortalSessionAsync(DeviceViewer viewer, string portalSessionId, CancellationToken cancellationToken);

    /// <summary>Signs out every device but this one: the other Auth0 sessions, and every other portal session.</summary>
    Task<ServiceResult> SignOutEverywhereElseAsync(DeviceViewer viewer, CancellationToken cancellationToken);
}
