using System.Text.RegularExpressions;
using Profiles.LocalTenant.Data;
using Profiles.LocalTenant.Outbox;
using Profiles.LocalTenant.Security;

namespace Profiles.LocalTenant.Mfa;

/// <summary>Starts and verifies enrolments of second factors, for the My Account API and the hosted enrolment page alike:
/// TOTP (QR code, then a code from the app), email and phone (a code sent to the outbox), recovery code (shown once).</summary>
public sealed partial class MethodEnrollment(TenantStore store, PendingEnrollments pending, TotpCodes totp, OutboxService outbox, TenantUrls urls,
    TimeProvider time, PasskeyCeremonies passkeys)
{
    /// <summary>The method id a passkey enrolment uses until it is verified (Auth0's <c>passkey|new</c>).</summary>
    public const string NewPasskeyId = "passkey|new";

    /// <summary>Starts registering a passkey for the database identity <paramref name="connection"/> of the user.</summary>
    public (EnrollmentStart? Started, EnrollmentFailure Failure) StartPasskey(string userId, string connection, string? identityUserId)
    {
        var found = store.Read(d =>
        {
            var user = d.FindUser(userId);
            var identity = user?.Identities.FirstOrDefault(i => i.Connection == connection && i.PasswordHash is not null
                && (identityUserId is null || i.FullUserId == identityUserId || i.UserId == identityUserId));
            return user is null || identity is null
                ? null
                : new { User = user.Clone(), Identity = identity.FullUserId, Existing = Methods(d, userId).Where(m => m.Type == AuthenticationMethodTypes.Passkey).ToList() };
        });
        if (found is null)
        {
            return (null, EnrollmentFailure.InvalidField);
        }

        var (options, shown) = passkeys.CreationOptions(found.User, found.Existing);
        var started = new EnrollmentStart(new PendingEnrollment(PendingEnrollments.NewSession(), userId, AuthenticationMethodTypes.Passkey, NewPasskeyId,
            pending.ExpiryFromNow(), PasskeyOptions: options, IdentityUserId: found.Identity), PasskeyOptions: shown);
        pending.Add(started.Pending);
        return (started, EnrollmentFailure.None);
    }

    /// <summary>Completes a passkey registration with the browser's attestation answer.</summary>
    public async Task<(TenantAuthenticationMethod? Method, EnrollmentFailure Failure)> VerifyPasskeyAsync(string userId, string? authSession,
        System.Text.Json.Nodes.JsonNode? response, string? userAgent, CancellationToken cancellationToken)
    {
        var enrollment = pending.Find(authSession, userId, NewPasskeyId);
        if (enrollment is null)
        {
            return (null, EnrollmentFailure.InvalidSession);
        }

        var method = await passkeys.RegisterAsync(enrollment, response, userAgent, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        if (method is null)
        {
            return (null, EnrollmentFailure.InvalidCode);
        }

        pending.Complete(enrollment.AuthSession);
        var saved = store.Write(w =>
        {
            if (w.FindUser(userId) is null)
            {
                return false;
            }

            w.Save(method);
            return true;
        });
        return saved ? (method, EnrollmentFailure.None) : (null, EnrollmentFailure.InvalidSession);
    }

    /// <summary>Starts enrolling <paramref name="type"/>; null with the failure when refused.</summary>
    public (EnrollmentStart? Started, EnrollmentFailure Failure) Start(string userId, string type, string? email = null, string? phoneNumber = null,
        string? preferred = null)
    {
        var user = store.Read(d => d.FindUser(userId) is { } u ? new { u.Email, Methods = Methods(d, userId).Select(m => m.Type).ToList() } : null)
            ?? throw new InvalidOperationException("Enrolment for a user that does not exist.");
        if (type is AuthenticationMethodTypes.Totp or AuthenticationMethodTypes.RecoveryCode && user.Methods.Contains(type, StringComparer.Ordinal))
        {
            return (null, EnrollmentFailure.AlreadyEnrolled);
        }

        var methodId = AuthenticationMethodTypes.NewId(type);
        var session = PendingEnrollments.NewSession();
        var expires = pending.ExpiryFromNow();
        EnrollmentStart started;
        switch (type)
        {
            case AuthenticationMethodTypes.Totp:
                var secret = TotpCodes.NewSecret();
                started = new EnrollmentStart(new PendingEnrollment(session, userId, type, methodId, expires, TotpSecret: secret),
                    TotpCodes.BarcodeUri(IssuerName(), user.Email ?? userId, secret), secret);
                break;
            case AuthenticationMethodTypes.RecoveryCode:
                var recovery = RecoveryCodes.New();
                started = new EnrollmentStart(new PendingEnrollment(session, userId, type, methodId, expires, RecoveryCode: recovery), RecoveryCode: recovery);
                break;
            case AuthenticationMethodTypes.Email:
                if (email is null || !email.Contains('@', StringComparison.Ordinal) || email.Length > 254)
                {
                    return (null, EnrollmentFailure.InvalidField);
                }

                var emailCode = OneTimeCodes.New();
                OneTimeCodes.Send(outbox, email, emailCode, "mfa-email", PendingEnrollments.Lifetime);
                started = new EnrollmentStart(new PendingEnrollment(session, userId, type, methodId, expires, Code: emailCode, Email: email));
                break;
            case AuthenticationMethodTypes.Phone:
                if (phoneNumber is null || !PhonePattern().IsMatch(phoneNumber) || preferred is not (null or "sms" or "voice"))
                {
                    return (null, EnrollmentFailure.InvalidField);
                }

                var phoneCode = OneTimeCodes.New();
                OneTimeCodes.Send(outbox, phoneNumber, phoneCode, preferred == "voice" ? "mfa-voice" : "mfa-sms", PendingEnrollments.Lifetime);
                started = new EnrollmentStart(new PendingEnrollment(session, userId, type, methodId, expires, Code: phoneCode, PhoneNumber: phoneNumber,
                    PreferredAuthenticationMethod: preferred ?? "sms"));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(type), type, "Not an enrollable factor here.");
        }

        pending.Add(started.Pending);
        return (started, EnrollmentFailure.None);
    }

    /// <summary>Completes an enrolment with the user's code (none for a recovery code); returns the new, confirmed method.</summary>
    public (TenantAuthenticationMethod? Method, EnrollmentFailure Failure) Verify(string userId, string methodId, string? authSession, string? code)
    {
        var enrollment = pending.Find(authSession, userId, methodId);
        if (enrollment is null)
        {
            return (null, EnrollmentFailure.InvalidSession);
        }

        // The TOTP step the code matched is recorded, so the same code cannot also pass a sign-in challenge.
        var step = enrollment.Type == AuthenticationMethodTypes.Totp ? totp.Verify(enrollment.TotpSecret!, code?.Trim(), null) : null;
        var valid = enrollment.Type switch
        {
            AuthenticationMethodTypes.Totp => step is not null,
            AuthenticationMethodTypes.RecoveryCode => true,
            _ => OneTimeCodes.Matches(enrollment.Code, code),
        };
        if (!valid)
        {
            return (null, EnrollmentFailure.InvalidCode);
        }

        var now = time.GetUtcNow();
        var method = new TenantAuthenticationMethod
        {
            Id = enrollment.MethodId,
            UserId = userId,
            Type = enrollment.Type,
            CreatedAt = now,
            TotpSecret = enrollment.TotpSecret,
            LastTotpStep = step,
            RecoveryCodeHash = enrollment.RecoveryCode is null ? null : RecoveryCodes.Hash(enrollment.RecoveryCode),
            Email = enrollment.Email,
            PhoneNumber = enrollment.PhoneNumber,
            PreferredAuthenticationMethod = enrollment.PreferredAuthenticationMethod,
        };
        var saved = store.Write(w =>
        {
            if (w.FindUser(userId) is null
                || (enrollment.Type is AuthenticationMethodTypes.Totp or AuthenticationMethodTypes.RecoveryCode && Methods(w, userId).Any(m => m.Type == enrollment.Type)))
            {
                return false;
            }

            w.Save(method);
            return true;
        });
        pending.Complete(enrollment.AuthSession);
        return saved ? (method, EnrollmentFailure.None) : (null, EnrollmentFailure.AlreadyEnrolled);
    }

    /// <summary>The user's confirmed methods, oldest first.</summary>
    public static IEnumerable<TenantAuthenticationMethod> Methods(TenantData data, string userId)
    {
        ArgumentNullException.ThrowIfNull(data);
        return data.All<TenantAuthenticationMethod>().Where(m => m.UserId == userId).OrderBy(m => m.CreatedAt).ThenBy(m => m.Id, StringComparer.Ordinal);
    }

    /// <summary>The name authenticator apps show for the tenant: its host.</summary>
    public string IssuerName() => new Uri(urls.BaseUrl).Authority;

    // E.164: a plus sign, then up to 15 digits not starting with 0.
    [GeneratedRegex(@"^\+[1-9][0-9]{6,14}$", RegexOptions.CultureInvariant)]
    private static partial Regex PhonePattern();
}
