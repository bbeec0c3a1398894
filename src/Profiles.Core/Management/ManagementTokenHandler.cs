using System.Net;
using System.Net.Http.Headers;

namespace Profiles.Core.Management;

/// <summary>Adds the Management API bearer token; on a 401 it drops the token and tries once more with a fresh one
/// (a token revoked or rotated early by the tenant), unless the refused token was itself just issued.</summary>
public sealed class ManagementTokenHandler(IManagementTokenProvider tokenProvider) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Content is not null)
        {
            await request.Content.LoadIntoBufferAsync(cancellationToken);
        }

        var token = await tokenProvider.GetTokenAsync(cancellationToken);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await base.SendAsync(request, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Unauthorized)
        {
            return response;
        }

        tokenProvider.Invalidate(token);
        var fresh = await tokenProvider.GetTokenAsync(cancellationToken);
        if (fresh == token)
        {
            // The provider kept a token too fresh to be stale: another attempt with it would fail the same way.
            return response;
        }

        response.Dispose();
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", fresh);
        return await base.SendAsync(request, cancellationToken);
    }
}
