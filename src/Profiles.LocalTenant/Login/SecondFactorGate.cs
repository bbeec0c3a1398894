using Profiles.LocalTenant.Authentication;
using Profiles.LocalTenant.Data;
using Profiles.LocalTenant.Mfa;

namespace Profiles.LocalTenant.Login;

/// <summary>After the first factor: users with a second factor enrolled are asked for it (unless this browser is remembered for
/// them and the application did not ask for step-up), everyone else is signed in.</summary>
public sealed class SecondFactorGate(TenantStore store, LoginTransactions transactions, LoginCompletion completion, RememberedBrowsers remembered)
{
    /// <summary>Where the browser goes next: the challenge page or the application's callback.</summary>
    public string Next(HttpContext context, LoginTransaction transaction, string userId, string connection)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        var enrolled = store.Read(d => MethodEnrollment.Methods(d, userId).Any(m => m.IsSecondFactor));
        if (!enrolled || (!transaction.Request.StepUp && remembered.IsRemembered(context, userId)))
        {
            return completion.SignIn(context, transaction, userId, connection);
        }

        transactions.Update(transaction with { Challenge = new SecondFactorChallenge(userId, connection) });
        return "/login/mfa?state=" + Uri.EscapeDataString(transaction.Id);
    }
}
