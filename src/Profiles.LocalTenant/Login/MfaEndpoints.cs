using Microsoft.AspNetCore.Antiforgery;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using Profiles.LocalTenant.Authentication;
using Profiles.LocalTenant.Data;
using Profiles.LocalTenant.Logs;
using Profiles.LocalTenant.Mfa;
using Profiles.LocalTenant.Outbox;
using static Profiles.LocalTenant.Localization.TenantText;

namespace Profiles.LocalTenant.Login;

/// <summary><c>/login/mfa</c>: the second step of a sign-in for users with a second factor. TOTP codes are checked per RFC 6238, email
/// and phone codes are sent to the outbox, a used recovery code is replaced by a new one shown once.</summary>
public static class MfaEndpoints
{
    /// <summary>Wrong answers before the sign-in must start again.</summary>
    public const int MaxFailures = 5;

    private static readonly TimeSpan CodeLifetime = TimeSpan.FromMinutes(5);

    public static IResult Challenge(HttpContext context, IAntiforgery antiforgery, LoginTransactions transactions, TenantStore store, OutboxService outbox,
        PasskeyCeremonies passkeys, TimeProvider time, string? state, [FromQuery(Name = "method")] string? methodId)
    {
        var transaction = transactions.Find(state);
        if (transaction?.Challenge is not { Passed: false } challenge)
        {
            return LoginPages.Expired();
        }

        var methods = Choices(store, challenge.UserId);
        var method = methods.FirstOrDefault(m => m.Id == methodId) ?? Preferred(methods);
        if (method is null)
        {
            return LoginPages.Expired();
        }

        if (method.Type is AuthenticationMethodTypes.Email or AuthenticationMethodTypes.Phone
            && (challenge.SentToMethodId != method.Id || challenge.SentCodeExpiresAt <= time.GetUtcNow()))
        {
            var code = OneTimeCodes.New();
            OneTimeCodes.Send(outbox, method.Email ?? method.PhoneNumber!, code, method.Type == AuthenticationMethodTypes.Email ? "mfa-email" : "mfa-sms",
                CodeLifetime);
            transactions.Update(transaction with
            {
                Challenge = challenge with { SentCode = code, SentToMethodId = method.Id, SentCodeExpiresAt = time.GetUtcNow() + CodeLifetime },
            });
        }

        if (method.Type == AuthenticationMethodTypes.Passkey)
        {
            var options = passkeys.AssertionOptions(store.Read(d => MethodEnrollment.Methods(d, challenge.UserId).Where(m => m.Id == method.Id).ToList()));
            transactions.Update(transaction with { Challenge = challenge with { PasskeyOptions = options } });
            return PasskeyPage(context, antiforgery, transaction.Id, method, methods, options, null);
        }

        return Page(context, antiforgery, transaction.Id, method, methods, null);
    }

    public static async Task<IResult> VerifyAsync(HttpContext context, IAntiforgery antiforgery, LoginTransactions transactions, TenantStore store,
        TotpCodes totp, PasskeyCeremonies passkeys, RememberedBrowsers remembered, LoginCompletion completion, TenantLogs logs, TimeProvider time)
    {
        var read = await Forms.ReadValidatedAsync(antiforgery, context);
        if (!Forms.Accept(read, out var form, out var refusal))
        {
            return refusal;
        }

        var transaction = transactions.Find(Forms.Field(form, "state"));
        if (transaction?.Challenge is not { Passed: false } challenge)
        {
            return LoginPages.Expired();
        }

        var methods = Choices(store, challenge.UserId);
        var method = methods.FirstOrDefault(m => m.Id == Forms.Field(form, "method_id"));
        if (method is null)
        {
            return LoginPages.Expired();
        }

        var code = Forms.Field(form, "code");
        var now = time.GetUtcNow();
        var passkeyVerified = false;
        if (method.Type == AuthenticationMethodTypes.Passkey)
        {
            var stored = store.Read(d => d.Find<TenantAuthenticationMethod>(method.Id) is { } m ? new TenantAuthenticationMethod
            {
                Id = m.Id, UserId = m.UserId, Type = m.Type, KeyId = m.KeyId, PublicKey = m.PublicKey, SignCount = m.SignCount, UserHandle = m.UserHandle,
            } : null);
            passkeyVerified = stored is not null && challenge.PasskeyOptions is not null && form["credential"].ToString() is { Length: > 0 } credential
                && await passkeys.VerifyAsync(stored, challenge.PasskeyOptions, credential, context.RequestAborted);
            method.SignCount = stored?.SignCount ?? 0;
        }

        string? newRecoveryCode = null;
        var passed = store.Write(w =>
        {
            var stored = w.Find<TenantAuthenticationMethod>(method.Id);
            var ok = stored?.Type switch
            {
                AuthenticationMethodTypes.Totp => totp.Accept(stored, code),
                AuthenticationMethodTypes.RecoveryCode => RecoveryCodes.Matches(stored, code),
                AuthenticationMethodTypes.Email or AuthenticationMethodTypes.Phone => challenge.SentToMethodId == stored.Id
                    && challenge.SentCodeExpiresAt > now && OneTimeCodes.Matches(challenge.SentCode, code),
                AuthenticationMethodTypes.Passkey when passkeyVerified => UpdateCounter(stored, method.SignCount),
                _ => false,
            };
            if (!ok)
            {
                return false;
            }

            if (stored!.Type == AuthenticationMethodTypes.RecoveryCode)
            {
                newRecoveryCode = RecoveryCodes.New();
                stored.RecoveryCodeHash = RecoveryCodes.Hash(newRecoveryCode);
            }

            stored.LastAuthAt = now;
            w.Save(stored);
            return true;
        });
        var clientId = transaction.Request.ClientId;
        if (!passed)
        {
            logs.Record(context, LogEventTypes.SecondFactorFailed, challenge.UserId, clientId, challenge.Connection, "Wrong second factor: " + method.Type);
            var failures = challenge.Failures + 1;
            if (failures >= MaxFailures)
            {
                transactions.Complete(transaction.Id);
                return LoginPages.Expired();
            }

            transactions.Update(transaction with { Challenge = challenge with { Failures = failures } });
            return method.Type == AuthenticationMethodTypes.Passkey && challenge.PasskeyOptions is not null
                ? PasskeyPage(context, antiforgery, transaction.Id, method, methods, challenge.PasskeyOptions, T("Mfa.Passkey.Failed"))
                : Page(context, antiforgery, transaction.Id, method, methods, T("Mfa.WrongCode"));
        }

        logs.Record(context, newRecoveryCode is null ? LogEventTypes.SecondFactorSucceeded : LogEventTypes.RecoveryCodeSucceeded, challenge.UserId, clientId,
            challenge.Connection, null);
        if (string.Equals(Forms.Field(form, "remember"), "true", StringComparison.Ordinal))
        {
            remembered.Remember(context, challenge.UserId);
        }

        if (newRecoveryCode is not null)
        {
            transactions.Update(transaction with { Challenge = challenge with { Passed = true } });
            return MfaPages.NewRecoveryCode(Forms.Antiforgery(antiforgery, context), transaction.Id, newRecoveryCode);
        }

        return Results.Redirect(completion.SignIn(context, transaction, challenge.UserId, challenge.Connection, secondFactor: true,
                firstFactorNow: !challenge.FirstFactorFromSession));
    }

    /// <summary>After the new recovery code was shown.</summary>
    public static async Task<IResult> ContinueAsync(HttpContext context, IAntiforgery antiforgery, LoginTransactions transactions, LoginCompletion completion)
    {
        var read = await Forms.ReadValidatedAsync(antiforgery, context);
        if (!Forms.Accept(read, out var form, out var refusal))
        {
            return refusal;
        }

        var transaction = transactions.Find(Forms.Field(form, "state"));
        return transaction?.Challenge is { Passed: true } challenge
            ? Results.Redirect(completion.SignIn(context, transaction, challenge.UserId, challenge.Connection, secondFactor: true,
                firstFactorNow: !challenge.FirstFactorFromSession))
            : LoginPages.Expired();
    }

    private static bool UpdateCounter(TenantAuthenticationMethod passkey, uint signCount)
    {
        passkey.SignCount = signCount;
        return true;
    }

    private static HtmlResult PasskeyPage(HttpContext context, IAntiforgery antiforgery, string state, TenantAuthenticationMethod method,
        IReadOnlyList<TenantAuthenticationMethod> methods, string optionsJson, string? error)
        => MfaPages.Passkey(Forms.Antiforgery(antiforgery, context), state, method, [.. methods.Where(m => m.Id != method.Id)],
            JsonNode.Parse(optionsJson)!.ToJsonString(), error);

    private static HtmlResult Page(HttpContext context, IAntiforgery antiforgery, string state, TenantAuthenticationMethod method,
        IReadOnlyList<TenantAuthenticationMethod> methods, string? error)
        => MfaPages.Challenge(Forms.Antiforgery(antiforgery, context), state, method, [.. methods.Where(m => m.Id != method.Id)], error);

    /// <summary>The ways the user can answer the challenge: second factors and the recovery code.</summary>
    private static List<TenantAuthenticationMethod> Choices(TenantStore store, string userId)
        => store.Read(d => MethodEnrollment.Methods(d, userId)
            .Where(m => m.IsSecondFactor || m.Type == AuthenticationMethodTypes.RecoveryCode)
            .Select(m => new TenantAuthenticationMethod
            {
                Id = m.Id, UserId = m.UserId, Type = m.Type, Email = m.Email, PhoneNumber = m.PhoneNumber,
            })
            .ToList());

    private static TenantAuthenticationMethod? Preferred(List<TenantAuthenticationMethod> methods)
        => methods.FirstOrDefault(m => m.Type == AuthenticationMethodTypes.Totp)
            ?? methods.FirstOrDefault(m => m.Type == AuthenticationMethodTypes.Passkey)
            ?? methods.FirstOrDefault(m => m.Type == AuthenticationMethodTypes.Phone)
            ?? methods.FirstOrDefault(m => m.Type == AuthenticationMethodTypes.Email)
            ?? methods.FirstOrDefault();
}
