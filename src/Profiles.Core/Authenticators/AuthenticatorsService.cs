using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Profiles.Core.Activity;
using Profiles.Core.Logging;
using Profiles.Core.Management;
using Profiles.Core.Management.Models;
using Profiles.Core.Results;
using Profiles.Core.Settings;

namespace Profiles.Core.Authenticators;

/// <summary>
/// The two-step verification journey. With a My Account API token kept for the sign-in the user lists, renames, removes and
/// enrols their own methods (proof of possession: Auth0 checks the code or the attestation). Without one — the operator
/// turned the API off, the tenant has not activated it, or the token is gone — it lists, renames and removes through the
/// Management API and enrols through a Guardian enrolment ticket on Auth0's own page. Management's "create an authentication
/// method" is never used: it confirms a factor nobody proved they hold.
/// </summary>
public sealed partial class AuthenticatorsService(
    IMyAccountClient myAccount,
    IAuthenticationMethodsClient management,
    AuthenticatorStateStore state,
    AuthenticatorDescriber describer,
    ISecurityEventLog events,
    AuthenticatorsNotifier notifier,
    TimeProvider timeProvider,
    IOptions<AuthenticatorsOptions> options,
    IOptions<ManagementApiOptions> managementOptions,
    ILogger<AuthenticatorsService> logger) : IAuthenticatorsService
{
    /// <summary>Auth0's longest nickname.</summary>
    public const int MaxNameLength = 20;

    private readonly UserLogKey _logKey = new(managementOptions.Value.ClientSecret);

    public async Task<bool> NeedsTokenAsync(AuthenticatorViewer viewer, CancellationToken cancellationToken) =>
        options.Value.UseMyAccountApi && await state.FindTokenAsync(viewer, cancellationToken) is null &&
        !await state.IsMyAccountRefusedAsync(viewer, cancellationToken);

    public Task MyAccountRefusedAsync(AuthenticatorViewer viewer, CancellationToken cancellationToken) =>
        state.MarkMyAccountRefusedAsync(viewer, cancellationToken);

    public Task KeepTokenAsync(AuthenticatorViewer viewer, MyAccountToken token, CancellationToken cancellationToken) =>
        state.SaveTokenAsync(viewer, token, cancellationToken);

    public async Task<ServiceResult<AuthenticatorList>> ListAsync(AuthenticatorViewer viewer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        if (await TokenAsync(viewer, cancellationToken) is { } token)
        {
            try
            {
                var methods = await myAccount.GetMethodsAsync(token, cancellationToken);
                return await ListedAsync(viewer, new AuthenticatorList(
                    AuthenticatorDescriber.Order(methods.Select(describer.Describe).OfType<Authenticator>()), AuthenticatorSource.MyAccount), cancellationToken);
            }
            catch (MyAccountApiException ex) when (!ex.IsRateLimited)
            {
                // Refused token, API not activated, or no answer: the Management API still lists (and removes) the methods.
                LogMyAccountFallback(logger, _logKey.For(viewer.UserId), (int)ex.StatusCode);
                if (ex.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.NotFound)
                {
                    await state.ForgetTokenAsync(viewer, cancellationToken);
                }

                // Not activated or no grant for its scopes: a new token would be refused the same way.
                if (ex.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound)
                {
                    await state.MarkMyAccountRefusedAsync(viewer, cancellationToken);
                }
            }
            catch (MyAccountApiException ex)
            {
                return (await HoldBackAsync(viewer, ex, cancellationToken)).As<AuthenticatorList>();
            }
        }

        try
        {
            var methods = await management.GetAsync(viewer.UserId, cancellationToken);
            return await ListedAsync(viewer, new AuthenticatorList(
                AuthenticatorDescriber.Order(methods.Select(describer.Describe).OfType<Authenticator>()), AuthenticatorSource.Management), cancellationToken);
        }
        catch (ManagementApiException ex)
        {
            return ServiceResult.Busy(AuthenticatorsCodes.Unavailable, ex.RateLimit?.RetryAfter).As<AuthenticatorList>();
        }
    }

    public async Task<int?> CountSecondFactorsAsync(string userId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        if (await state.FindCountAsync(userId, cancellationToken) is { } known)
        {
            return known.Value;
        }

        try
        {
            var count = (await management.GetAsync(userId, cancellationToken)).Select(describer.Describe).Count(m => m is { IsSecondFactor: true });
            await state.SaveCountAsync(userId, count, cancellationToken);
            return count;
        }
        catch (ManagementApiException ex)
        {
            LogCountUnavailable(logger, _logKey.For(userId), (int)ex.StatusCode);
            await state.SaveCountAsync(userId, null, cancellationToken);
            return null;
        }
    }

    public async Task<ServiceResult> RenameAsync(AuthenticatorViewer viewer, string methodId, string? name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentException.ThrowIfNullOrEmpty(methodId);
        var trimmed = name?.Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed.Length > MaxNameLength)
        {
            return ServiceResult.FieldError("Name", AuthenticatorsCodes.InvalidName, MaxNameLength);
        }

        var failure = await CallAsync(viewer,
            token => myAccount.RenameAsync(token, methodId, trimmed, cancellationToken),
            () => management.RenameAsync(viewer.UserId, methodId, trimmed, cancellationToken), cancellationToken);
        return failure ?? ServiceResult.Success(AuthenticatorsCodes.Renamed);
    }

    public async Task<ServiceResult> RemoveAsync(AuthenticatorViewer viewer, string methodId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentException.ThrowIfNullOrEmpty(methodId);
        var listed = await ListAsync(viewer, cancellationToken);
        if (!listed.Succeeded)
        {
            return listed;
        }

        var list = listed.Value!;
        var method = list.Methods.FirstOrDefault(m => string.Equals(m.Id, methodId, StringComparison.Ordinal));
        if (method is null)
        {
            return ServiceResult.Refused(AuthenticatorsCodes.NotFound);
        }

        // Methods sharing a link id go together (Guardian's push and its codes), so count what would be left after all of them.
        var leaving = list.Methods.Where(m => m.Id == method.Id || (method.LinkId is not null && m.LinkId == method.LinkId)).ToList();
        if (options.Value.RequireMfa && leaving.Any(m => m.IsSecondFactor) && list.SecondFactorCount - leaving.Count(m => m.IsSecondFactor) <= 0)
        {
            await events.RecordAsync(viewer.UserId, SecurityActions.AuthenticatorRemoved, SecurityOutcomes.Refused, TypeName(method.Kind), cancellationToken);
            return ServiceResult.Refused(AuthenticatorsCodes.LastFactor);
        }

        var failure = list.Source == AuthenticatorSource.MyAccount && await TokenAsync(viewer, cancellationToken) is { } token
            ? await MyAccountAsync(viewer, () => myAccount.DeleteAsync(token, methodId, cancellationToken), cancellationToken)
            : await ManagementAsync(() => management.DeleteAsync(viewer.UserId, methodId, cancellationToken));
        if (failure is not null)
        {
            await events.RecordAsync(viewer.UserId, SecurityActions.AuthenticatorRemoved, SecurityOutcomes.Failed, TypeName(method.Kind), cancellationToken);
            return failure;
        }

        await state.ForgetCountAsync(viewer.UserId, cancellationToken);
        await events.RecordAsync(viewer.UserId, SecurityActions.AuthenticatorRemoved, SecurityOutcomes.Succeeded, TypeName(method.Kind), cancellationToken);
        await notifier.NotifyAsync(viewer.UserId, SecurityActions.AuthenticatorRemoved, cancellationToken);
        return ServiceResult.Success(AuthenticatorsCodes.Removed);
    }

    public async Task<ServiceResult<PendingEnrollment>> StartEnrollmentAsync(AuthenticatorViewer viewer, EnrollableFactor factor, string? contact,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        if (await TokenAsync(viewer, cancellationToken) is not { } token)
        {
            return ServiceResult.Refused(AuthenticatorsCodes.TokenNeeded).As<PendingEnrollment>();
        }

        var trimmed = contact?.Trim();
        if (factor is EnrollableFactor.Phone or EnrollableFactor.Email && !ContactLooksRight(factor, trimmed))
        {
            return ServiceResult.FieldError("Contact", AuthenticatorsCodes.InvalidContact).As<PendingEnrollment>();
        }

        var request = factor switch
        {
            EnrollableFactor.AuthenticatorApp => new MyAccountEnrollmentRequest("totp"),
            EnrollableFactor.Phone => new MyAccountEnrollmentRequest("phone", PhoneNumber: trimmed, PreferredAuthenticationMethod: "sms"),
            EnrollableFactor.Email => new MyAccountEnrollmentRequest("email", Email: trimmed),
            _ => new MyAccountEnrollmentRequest("passkey", Connection: options.Value.PasskeyConnection),
        };

        MyAccountEnrollment started = null!;
        var failure = await MyAccountAsync(viewer, async () => started = await myAccount.StartEnrollmentAsync(token, request, cancellationToken), cancellationToken);
        if (failure is not null)
        {
            // A contact Auth0 refuses is the user's to correct, next to the field.
            return factor is EnrollableFactor.Phone or EnrollableFactor.Email && failure.Code == AuthenticatorsCodes.InvalidContact
                ? ServiceResult.FieldError("Contact", AuthenticatorsCodes.InvalidContact).As<PendingEnrollment>()
                : failure.As<PendingEnrollment>();
        }

        if (string.IsNullOrEmpty(started.LocationSegment) || string.IsNullOrEmpty(started.AuthSession))
        {
            return ServiceResult.Busy(AuthenticatorsCodes.Unavailable).As<PendingEnrollment>();
        }

        var pending = new PendingEnrollment(factor, started.LocationSegment, started.AuthSession, started.BarcodeUri, started.ManualInputCode,
            started.AuthnParamsPublicKey?.GetRawText(), options.Value.MaxCodeAttempts,
            timeProvider.GetUtcNow().AddMinutes(options.Value.EnrollmentMinutes));
        await state.SaveEnrollmentAsync(viewer, pending, cancellationToken);
        return ServiceResults.Success(pending);
    }

    public Task<PendingEnrollment?> FindEnrollmentAsync(AuthenticatorViewer viewer, CancellationToken cancellationToken) =>
        state.FindEnrollmentAsync(viewer, cancellationToken);

    public async Task<ServiceResult> VerifyEnrollmentAsync(AuthenticatorViewer viewer, string? code, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var digits = string.Concat((code ?? "").Where(c => !char.IsWhiteSpace(c) && c != '-'));
        if (digits.Length != 6 || !digits.All(char.IsAsciiDigit))
        {
            return ServiceResult.FieldError("Code", AuthenticatorsCodes.CodeFormat);
        }

        return await VerifyAsync(viewer, pending => pending.Factor != EnrollableFactor.Passkey,
            pending => new MyAccountVerifyRequest(pending.AuthSession, OtpCode: digits), cancellationToken);
    }

    public async Task<ServiceResult> VerifyPasskeyAsync(AuthenticatorViewer viewer, string? attestation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        JsonElement response;
        try
        {
            using var document = JsonDocument.Parse(attestation ?? "");
            response = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return ServiceResult.Refused(AuthenticatorsCodes.EnrollmentEnded);
        }

        if (response.ValueKind != JsonValueKind.Object)
        {
            return ServiceResult.Refused(AuthenticatorsCodes.EnrollmentEnded);
        }

        return await VerifyAsync(viewer, pending => pending.Factor == EnrollableFactor.Passkey,
            pending => new MyAccountVerifyRequest(pending.AuthSession, AuthnResponse: response), cancellationToken);
    }

    public Task CancelEnrollmentAsync(AuthenticatorViewer viewer, CancellationToken cancellationToken) =>
        state.ForgetEnrollmentAsync(viewer, cancellationToken);

    public async Task<ServiceResult<string>> CreateEnrollmentTicketAsync(AuthenticatorViewer viewer, EnrollableFactor factor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var ticketFactor = factor switch
        {
            EnrollableFactor.AuthenticatorApp => "otp",
            EnrollableFactor.Phone => "phone",
            EnrollableFactor.Email => "email",
            _ => null,
        };
        if (ticketFactor is null)
        {
            return ServiceResult.Refused(AuthenticatorsCodes.NotEnrollable).As<string>();
        }

        EnrollmentTicket ticket = null!;
        var failure = await ManagementAsync(async () => ticket = await management.CreateEnrollmentTicketAsync(
            new EnrollmentTicketRequest(viewer.UserId, ticketFactor, SendMail: false, AllowMultipleEnrollments: true), cancellationToken));
        var usable = failure is null
            && (Uri.TryCreate(ticket.TicketUrl, UriKind.Absolute, out var url) && url.Scheme == Uri.UriSchemeHttps || IsLocalHttp(url));
        // Auth0's page never reports back, so the start is what the activity can show; the new factor is listed on return.
        await events.RecordAsync(viewer.UserId, SecurityActions.AuthenticatorEnrollmentStarted,
            usable ? SecurityOutcomes.Succeeded : SecurityOutcomes.Failed, ticketFactor == "otp" ? "totp" : ticketFactor, cancellationToken);
        if (failure is not null)
        {
            return failure.As<string>();
        }

        return usable ? ServiceResults.Success(ticket.TicketUrl) : ServiceResult.Busy(AuthenticatorsCodes.Unavailable).As<string>();
    }

    public async Task<ServiceResult<string>> AddRecoveryCodeAsync(AuthenticatorViewer viewer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        if (await TokenAsync(viewer, cancellationToken) is not { } token)
        {
            return ServiceResult.Refused(AuthenticatorsCodes.TokenNeeded).As<string>();
        }

        MyAccountEnrollment started = null!;
        var failure = await MyAccountAsync(viewer, async () =>
        {
            started = await myAccount.StartEnrollmentAsync(token, new MyAccountEnrollmentRequest("recovery-code"), cancellationToken);
            if (!string.IsNullOrEmpty(started.RecoveryCode) && !string.IsNullOrEmpty(started.LocationSegment))
            {
                // Nothing to prove for a recovery code: the session alone confirms it.
                await myAccount.VerifyAsync(token, started.LocationSegment, new MyAccountVerifyRequest(started.AuthSession), cancellationToken);
            }
        }, cancellationToken);
        if (failure is not null || string.IsNullOrEmpty(started.RecoveryCode) || string.IsNullOrEmpty(started.LocationSegment))
        {
            await events.RecordAsync(viewer.UserId, SecurityActions.AuthenticatorAdded, SecurityOutcomes.Failed, TypeName(AuthenticatorKind.RecoveryCode), cancellationToken);
            return (failure ?? ServiceResult.Busy(AuthenticatorsCodes.Unavailable)).As<string>();
        }

        await events.RecordAsync(viewer.UserId, SecurityActions.AuthenticatorAdded, SecurityOutcomes.Succeeded, TypeName(AuthenticatorKind.RecoveryCode), cancellationToken);
        await notifier.NotifyAsync(viewer.UserId, SecurityActions.AuthenticatorAdded, cancellationToken);
        return ServiceResults.Success(started.RecoveryCode, AuthenticatorsCodes.Enrolled);
    }

    public async Task<ServiceResult<string>> RegenerateRecoveryCodeAsync(AuthenticatorViewer viewer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        RecoveryCodeRegeneration regenerated = null!;
        var failure = await ManagementAsync(async () => regenerated = await management.RegenerateRecoveryCodeAsync(viewer.UserId, cancellationToken));
        if (failure is not null || string.IsNullOrEmpty(regenerated.RecoveryCode))
        {
            await events.RecordAsync(viewer.UserId, SecurityActions.RecoveryCodeRegenerated, SecurityOutcomes.Failed, null, cancellationToken);
            return (failure ?? ServiceResult.Busy(AuthenticatorsCodes.Unavailable)).As<string>();
        }

        await events.RecordAsync(viewer.UserId, SecurityActions.RecoveryCodeRegenerated, SecurityOutcomes.Succeeded, null, cancellationToken);
        await notifier.NotifyAsync(viewer.UserId, SecurityActions.RecoveryCodeRegenerated, cancellationToken);
        return ServiceResults.Success(regenerated.RecoveryCode, AuthenticatorsCodes.RecoveryCodeRegenerated);
    }

    public async Task<ServiceResult> ForgetRememberedBrowsersAsync(AuthenticatorViewer viewer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var failure = await ManagementAsync(() => management.InvalidateRememberedBrowsersAsync(viewer.UserId, cancellationToken));
        await events.RecordAsync(viewer.UserId, SecurityActions.RememberedBrowsersForgotten,
            failure is null ? SecurityOutcomes.Succeeded : SecurityOutcomes.Failed, null, cancellationToken);
        if (failure is not null)
        {
            return failure;
        }

        await notifier.NotifyAsync(viewer.UserId, SecurityActions.RememberedBrowsersForgotten, cancellationToken);
        return ServiceResult.Success(AuthenticatorsCodes.BrowsersForgotten);
    }

    private async Task<ServiceResult> VerifyAsync(AuthenticatorViewer viewer, Func<PendingEnrollment, bool> fits,
        Func<PendingEnrollment, MyAccountVerifyRequest> request, CancellationToken cancellationToken)
    {
        var pending = await state.FindEnrollmentAsync(viewer, cancellationToken);
        if (pending is null || !fits(pending))
        {
            return ServiceResult.Refused(AuthenticatorsCodes.EnrollmentEnded);
        }

        if (await TokenAsync(viewer, cancellationToken) is not { } token)
        {
            return ServiceResult.Refused(AuthenticatorsCodes.TokenNeeded);
        }

        try
        {
            if (await state.WaitAsync(viewer.UserId, cancellationToken) is { } wait)
            {
                return ServiceResult.Busy(AuthenticatorsCodes.Unavailable, wait);
            }

            await myAccount.VerifyAsync(token, pending.MethodSegment, request(pending), cancellationToken);
        }
        catch (MyAccountApiException ex) when (ex.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Forbidden)
        {
            // Not accepted: one attempt fewer; none left ends the enrolment.
            var left = pending.AttemptsLeft - 1;
            LogCodeRefused(logger, _logKey.For(viewer.UserId), left);
            if (left <= 0 || pending.Factor == EnrollableFactor.Passkey)
            {
                await state.ForgetEnrollmentAsync(viewer, cancellationToken);
                return ServiceResult.Refused(AuthenticatorsCodes.EnrollmentEnded);
            }

            await state.SaveEnrollmentAsync(viewer, pending with { AttemptsLeft = left }, cancellationToken);
            return ServiceResult.FieldError("Code", AuthenticatorsCodes.WrongCode, left);
        }
        catch (MyAccountApiException ex)
        {
            return await MyAccountFailureAsync(viewer, ex, cancellationToken);
        }

        await state.ForgetEnrollmentAsync(viewer, cancellationToken);
        await state.ForgetCountAsync(viewer.UserId, cancellationToken);
        var kind = pending.Factor switch
        {
            EnrollableFactor.AuthenticatorApp => AuthenticatorKind.AuthenticatorApp,
            EnrollableFactor.Phone => AuthenticatorKind.Phone,
            EnrollableFactor.Email => AuthenticatorKind.Email,
            _ => AuthenticatorKind.Passkey,
        };
        await events.RecordAsync(viewer.UserId, SecurityActions.AuthenticatorAdded, SecurityOutcomes.Succeeded, TypeName(kind), cancellationToken);
        await notifier.NotifyAsync(viewer.UserId, SecurityActions.AuthenticatorAdded, cancellationToken);
        return ServiceResult.Success(AuthenticatorsCodes.Enrolled);
    }

    private async Task<ServiceResult<AuthenticatorList>> ListedAsync(AuthenticatorViewer viewer, AuthenticatorList list, CancellationToken cancellationToken)
    {
        await state.SaveCountAsync(viewer.UserId, list.SecondFactorCount, cancellationToken);
        return ServiceResults.Success(list);
    }

    /// <summary>The kept My Account token, when the API is in use.</summary>
    private async Task<string?> TokenAsync(AuthenticatorViewer viewer, CancellationToken cancellationToken) =>
        options.Value.UseMyAccountApi && await state.FindTokenAsync(viewer, cancellationToken) is { } token ? token.AccessToken : null;

    /// <summary>One change through whichever API the sign-in can use.</summary>
    private async Task<ServiceResult?> CallAsync(AuthenticatorViewer viewer, Func<string, Task> viaMyAccount, Func<Task> viaManagement,
        CancellationToken cancellationToken) =>
        await TokenAsync(viewer, cancellationToken) is { } token
            ? await MyAccountAsync(viewer, () => viaMyAccount(token), cancellationToken)
            : await ManagementAsync(viaManagement);

    /// <summary>Runs a My Account API call; null when it succeeded, else the failure. A user Auth0 asked to wait is not sent.</summary>
    private async Task<ServiceResult?> MyAccountAsync(AuthenticatorViewer viewer, Func<Task> call, CancellationToken cancellationToken)
    {
        if (await state.WaitAsync(viewer.UserId, cancellationToken) is { } wait)
        {
            return ServiceResult.Busy(AuthenticatorsCodes.Unavailable, wait);
        }

        try
        {
            await call();
            return null;
        }
        catch (MyAccountApiException ex)
        {
            return await MyAccountFailureAsync(viewer, ex, cancellationToken);
        }
    }

    private async Task<ServiceResult> MyAccountFailureAsync(AuthenticatorViewer viewer, MyAccountApiException ex, CancellationToken cancellationToken)
    {
        LogMyAccountFailed(logger, _logKey.For(viewer.UserId), (int)ex.StatusCode);
        switch (ex.StatusCode)
        {
            case HttpStatusCode.TooManyRequests:
                return await HoldBackAsync(viewer, ex, cancellationToken);
            case HttpStatusCode.Unauthorized:
                await state.ForgetTokenAsync(viewer, cancellationToken);
                return ServiceResult.Refused(AuthenticatorsCodes.TokenNeeded);
            case HttpStatusCode.NotFound:
                return ServiceResult.Refused(AuthenticatorsCodes.NotFound);
            case HttpStatusCode.Conflict:
                return ServiceResult.Refused(AuthenticatorsCodes.LastFactor);
            case HttpStatusCode.BadRequest:
                return ServiceResult.Refused(AuthenticatorsCodes.InvalidContact);
            default:
                return ServiceResult.Busy(AuthenticatorsCodes.Unavailable);
        }
    }

    /// <summary>A 429: every instance holds this user's calls back for the wait Auth0 gave (the pacing handler has usually done
    /// so already; a token that is not a JWT is held back here), which the page shows.</summary>
    private async Task<ServiceResult> HoldBackAsync(AuthenticatorViewer viewer, MyAccountApiException ex, CancellationToken cancellationToken)
    {
        var wait = ex.RateLimit?.RetryAfter;
        if (wait is { } known && known > TimeSpan.Zero)
        {
            await state.HoldBackAsync(viewer.UserId, known, cancellationToken);
        }

        return ServiceResult.Busy(AuthenticatorsCodes.Unavailable, wait);
    }

    private static async Task<ServiceResult?> ManagementAsync(Func<Task> call)
    {
        try
        {
            await call();
            return null;
        }
        catch (ManagementApiException ex) when (ex.StatusCode == HttpStatusCode.NotFound && !ex.IsTransportFailure)
        {
            return ServiceResult.Refused(AuthenticatorsCodes.NotFound);
        }
        catch (ManagementApiException ex)
        {
            return ServiceResult.Busy(AuthenticatorsCodes.Unavailable, ex.RateLimit?.RetryAfter);
        }
    }

    private static bool ContactLooksRight(EnrollableFactor factor, string? contact) => factor switch
    {
        // E.164: a plus and 8 to 15 digits; Auth0 checks the rest.
        EnrollableFactor.Phone => contact is { Length: >= 9 and <= 16 } && contact[0] == '+' && contact[1..].All(char.IsAsciiDigit),
        EnrollableFactor.Email => contact is { Length: >= 3 and <= 254 } && contact.IndexOf('@', StringComparison.Ordinal) is > 0 and var at &&
                                  at < contact.Length - 1 && !contact.Any(char.IsWhiteSpace),
        _ => true,
    };

    private static bool IsLocalHttp(Uri? url) => url is not null && url.Scheme == Uri.UriSchemeHttp && url.IsLoopback;

    /// <summary>The stable name recorded in security activity (never the nickname or the number).</summary>
    private static string TypeName(AuthenticatorKind kind) => kind switch
    {
        AuthenticatorKind.AuthenticatorApp => "totp",
        AuthenticatorKind.Phone => "phone",
        AuthenticatorKind.Email => "email",
        AuthenticatorKind.Push => "push",
        AuthenticatorKind.SecurityKey => "webauthn-roaming",
        AuthenticatorKind.DeviceBiometrics => "webauthn-platform",
        AuthenticatorKind.Passkey => "passkey",
        _ => "recovery-code",
    };

    [LoggerMessage(EventId = 4701, Level = LogLevel.Information, Message = "My Account API unusable for {UserKey} ({Status}): listing through the Management API")]
    private static partial void LogMyAccountFallback(ILogger logger, string userKey, int status);

    [LoggerMessage(EventId = 4702, Level = LogLevel.Information, Message = "My Account API call for {UserKey} failed ({Status})")]
    private static partial void LogMyAccountFailed(ILogger logger, string userKey, int status);

    [LoggerMessage(EventId = 4704, Level = LogLevel.Information, Message = "Second factors of {UserKey} not counted ({Status}): the overview leaves the line out")]
    private static partial void LogCountUnavailable(ILogger logger, string userKey, int status);

    [LoggerMessage(EventId = 4703, Level = LogLevel.Information, Message = "Enrolment code of {UserKey} not accepted; {AttemptsLeft} attempts left")]
    private static partial void LogCodeRefused(ILogger logger, string userKey, int attemptsLeft);
}
