using Profiles.Core.Management.Models;

namespace Profiles.Core.Management;

/// <summary>The Auth0 My Account API (<c>https://{domain}/me/v1</c>), called with the signed-in user's own access token for the
/// audience <c>https://{domain}/me/</c>. Every failure is a <see cref="MyAccountApiException"/>.</summary>
public interface IMyAccountClient
{
    /// <summary><c>GET /authentication-methods</c> (<c>read:me:authentication_methods</c>).</summary>
    Task<IReadOnlyList<MyAccountAuthenticationMethod>> GetMethodsAsync(string accessToken, CancellationToken cancellationToken = default);

    /// <summary><c>PATCH /authentication-methods/{id}</c> with a new nickname (<c>update:me:authentication_methods</c>).</summary>
    Task RenameAsync(string accessToken, string methodId, string name, CancellationToken cancellationToken = default);

    /// <summary><c>DELETE /authentication-methods/{id}</c> (204; <c>delete:me:authentication_methods</c>).</summary>
    Task DeleteAsync(string accessToken, string methodId, CancellationToken cancellationToken = default);

    /// <summary><c>POST /authentication-methods</c> (202 + <c>Location</c>; <c>create:me:authentication_methods</c>).</summary>
    Task<MyAccountEnrollment> StartEnrollmentAsync(string accessToken, MyAccountEnrollmentRequest request, CancellationToken cancellationToken = default);

    /// <summary><c>POST /authentication-methods/{segment}/verify</c> (201). <paramref name="methodSegment"/> is the enrolment's
    /// <see cref="MyAccountEnrollment.LocationSegment"/>, used as it is.</summary>
    Task VerifyAsync(string accessToken, string methodSegment, MyAccountVerifyRequest request, CancellationToken cancellationToken = default);
}
