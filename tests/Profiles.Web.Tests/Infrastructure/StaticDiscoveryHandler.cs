using System.Net;
using System.Text;

namespace Profiles.Web.Tests.Infrastructure;

/// <summary>Answers the sign-in handler's discovery and JWKS requests for a tenant the tests cannot reach (e.g.
/// <c>https://tenant.example</c>) with the documents an Auth0 tenant at that address would serve.</summary>
public sealed class StaticDiscoveryHandler(string authority) : HttpMessageHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri!.AbsolutePath;
        var body = path switch
        {
            "/.well-known/openid-configuration" => $$"""
                {"issuer":"{{authority}}/","authorization_endpoint":"{{authority}}/authorize","token_endpoint":"{{authority}}/oauth/token",
                 "jwks_uri":"{{authority}}/.well-known/jwks.json","response_types_supported":["code"],"subject_types_supported":["public"],
                 "id_token_signing_alg_values_supported":["RS256"]}
                """,
            "/.well-known/jwks.json" => """{"keys":[]}""",
            _ => null,
        };
        return Task.FromResult(body is null
            ? new HttpResponseMessage(HttpStatusCode.NotFound)
            : new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/json") });
    }
}
