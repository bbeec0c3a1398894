using System.Globalization;
using Profiles.LocalTenant.Data;
using Profiles.LocalTenant.Localization;
using Profiles.LocalTenant.Login;
using static Profiles.LocalTenant.Localization.TenantText;

namespace Profiles.LocalTenant.Authentication;

/// <summary><c>GET /authorize</c>: validates the request, answers from a live session or starts a login transaction.</summary>
public static class AuthorizeEndpoint
{
    /// <summary>A reason is one sentence; anything longer is cut so the page stays readable.</summary>
    private const int MaxReasonLength = 200;

    private const int MaxUiLocalesLength = 100;

    public static IResult Handle(HttpContext context, TenantStore store, TenantSessions sessions, LoginTransactions transactions,
        LoginCompletion completion, TimeProvider time, Audiences audiences)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(store);
        var query = context.Request.Query;
        string? Param(string name) => query[name].Count > 0 && !string.IsNullOrEmpty(query[name][0]) ? query[name][0] : null;

        var clientId = Param("client_id");
        var redirectUri = Param("redirect_uri");
        var client = clientId is null ? null : store.Read(d => d.FindClient(clientId) is { } c ? new { c.Callbacks, c.Connections } : null);
        if (client is null)
        {
            // Without a known client there is no trusted place to redirect to.
            return PageLayout.Message(T("UnknownApplication.Title"), T("UnknownApplication.Text"),
                StatusCodes.Status400BadRequest);
        }

        if (redirectUri is null || !client.Callbacks.Contains(redirectUri, StringComparer.Ordinal))
        {
            return PageLayout.Message(T("CallbackMismatch.Title"), T("CallbackMismatch.Text"),
                StatusCodes.Status400BadRequest);
        }

        var state = Param("state");
        IResult Fail(string error, string description) => Results.Redirect(AuthorizeRedirects.Error(redirectUri, state, error, description));

        var responseType = Param("response_type");
        if (responseType is null)
        {
            return Fail("invalid_request", "Missing required parameter: response_type");
        }

        if (responseType != "code")
        {
            return Fail("unsupported_response_type", "Unsupported response type: " + responseType);
        }

        var responseMode = Param("response_mode");
        if (responseMode is not null && responseMode != "query")
        {
            return Fail("invalid_request", "The local tenant supports response_mode=query only");
        }

        var challenge = Param("code_challenge");
        var method = Param("code_challenge_method");
        if (challenge is not null)
        {
            method ??= "plain";
            if (method is not ("S256" or "plain"))
            {
                return Fail("invalid_request", "Unsupported code_challenge_method: " + method);
            }
        }
        else
        {
            method = null;
        }

        var prompts = (Param("prompt") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (prompts.Contains("none", StringComparer.Ordinal) && prompts.Length > 1)
        {
            return Fail("invalid_request", "prompt=none cannot be combined with other prompt values");
        }

        int? maxAge = null;
        if (Param("max_age") is { } maxAgeText)
        {
            if (!int.TryParse(maxAgeText, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            {
                return Fail("invalid_request", "max_age must be a non-negative integer");
            }

            maxAge = seconds;
        }

        var connection = Param("connection");
        if (connection is not null)
        {
            var known = store.Read(d => d.FindConnection(connection) is not null);
            if (!known || (client.Connections.Count > 0 && !client.Connections.Contains(connection, StringComparer.Ordinal)))
            {
                return Fail("invalid_request", "the connection was disabled");
            }
        }

        var audience = Param("audience");
        if (audience is not null && !audiences.IsServed(audience))
        {
            return Fail("access_denied", "Service not found: " + audience);
        }

        var request = new AuthorizationRequest(clientId!, redirectUri, state, Param("nonce"), Param("scope") ?? "openid", challenge, method,
            prompts.Contains("login", StringComparer.Ordinal), maxAge, connection, Param("login_hint"), Param("screen_hint"),
            Param("ext-reason") is { } reason ? reason[..Math.Min(reason.Length, MaxReasonLength)] : null,
            Param(LoginTransactionCultureProvider.Parameter) is { } languages ? languages[..Math.Min(languages.Length, MaxUiLocalesLength)] : null,
            audiences.Normalise(audience),
            (Param("acr_values") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(AuthorizationRequest.MultiFactorPolicy, StringComparer.Ordinal));

        var session = sessions.Current(context);
        var tooOld = session is not null && maxAge is not null && time.GetUtcNow() - session.AuthenticatedAt > TimeSpan.FromSeconds(maxAge.Value);
        var needsLogin = session is null || request.PromptLogin || tooOld;
        // Step-up: a live session of a user with a second factor still has to give it.
        var stepUpConnection = !needsLogin && request.StepUp ? StepUpConnection(store, session!) : null;
        if (prompts.Contains("none", StringComparer.Ordinal))
        {
            return needsLogin ? Fail("login_required", "The user is not logged in")
                : stepUpConnection is not null ? Fail("interaction_required", "Multifactor authentication required")
                : Results.Redirect(completion.Continue(context, request, session!));
        }

        if (stepUpConnection is not null)
        {
            var pending = transactions.Start(request);
            transactions.Update(pending with { Challenge = new SecondFactorChallenge(session!.UserId, stepUpConnection, FirstFactorFromSession: true) });
            return Results.Redirect("/login/mfa?state=" + Uri.EscapeDataString(pending.Id));
        }

        if (!needsLogin)
        {
            return Results.Redirect(completion.Continue(context, request, session!));
        }

        var transaction = transactions.Start(request);
        return Results.Redirect("/login?state=" + Uri.EscapeDataString(transaction.Id));
    }

    /// <summary>The session's connection when its user has a second factor to give; null when there is none.</summary>
    private static string? StepUpConnection(TenantStore store, SessionInfo session)
        => store.Read(d => Mfa.MethodEnrollment.Methods(d, session.UserId).Any(m => m.IsSecondFactor)
            ? d.Find<TenantSession>(session.Id)?.Connection ?? ""
            : null);
}
