using Microsoft.Playwright;

namespace Profiles.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Chromium's virtual WebAuthn authenticator on one tab, through the DevTools protocol: a platform authenticator (CTAP2,
/// transport <c>internal</c>) that keeps discoverable credentials and verifies the user at once, so
/// <c>navigator.credentials.create</c> and <c>get</c> answer without a prompt. It stays with the tab across navigations, so
/// a passkey created on the portal's page answers the tenant's sign-in in the same tab. The relying party ID must be a host
/// name (the servers run on <c>localhost</c>, <see cref="PortalServer"/>): browsers refuse an IP address.
/// </summary>
internal sealed class VirtualAuthenticator : IAsyncDisposable
{
    private readonly ICDPSession _session;
    private readonly string _id;

    private VirtualAuthenticator(ICDPSession session, string id)
    {
        _session = session;
        _id = id;
    }

    public static async Task<VirtualAuthenticator> AttachAsync(IBrowserContext context, IPage page)
    {
        var session = await context.NewCDPSessionAsync(page);
        await session.SendAsync("WebAuthn.enable", new Dictionary<string, object> { ["enableUI"] = false });
        var added = await session.SendAsync("WebAuthn.addVirtualAuthenticator", new Dictionary<string, object>
        {
            ["options"] = new Dictionary<string, object>
            {
                ["protocol"] = "ctap2",
                ["transport"] = "internal",
                ["hasResidentKey"] = true,
                ["hasUserVerification"] = true,
                ["isUserVerified"] = true,
                ["automaticPresenceSimulation"] = true,
            },
        });
        return new VirtualAuthenticator(session, added!.Value.GetProperty("authenticatorId").GetString()!);
    }

    /// <summary>The credentials the authenticator holds: relying party ID and whether each is discoverable (a passkey).</summary>
    public async Task<IReadOnlyList<(string RelyingPartyId, bool Discoverable)>> CredentialsAsync()
    {
        var answer = await _session.SendAsync("WebAuthn.getCredentials", new Dictionary<string, object> { ["authenticatorId"] = _id });
        return [.. answer!.Value.GetProperty("credentials").EnumerateArray().Select(c =>
            (c.GetProperty("rpId").GetString()!, c.GetProperty("isResidentCredential").GetBoolean()))];
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _session.SendAsync("WebAuthn.removeVirtualAuthenticator", new Dictionary<string, object> { ["authenticatorId"] = _id });
            await _session.DetachAsync();
        }
        catch (PlaywrightException)
        {
            // The tab or its context closed first; the authenticator went with it.
        }
    }
}
