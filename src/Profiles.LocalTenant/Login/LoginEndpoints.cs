using Microsoft.AspNetCore.Mvc;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Antiforgery;
using Profiles.LocalTenant.Authentication;
using Profiles.LocalTenant.Data;
using Profiles.LocalTenant.Logs;
using Profiles.LocalTenant.Security;
using Profiles.LocalTenant.Seed;
using static Profiles.LocalTenant.Localization.TenantText;

namespace Profiles.LocalTenant.Login;

/// <summary>The login transaction's pages: chooser and password form, sign-up, forgotten password, emulated social providers.</summary>
public static partial class LoginEndpoints
{
    private const string WrongPasswordLogDescription = "Wrong email or password.";
    private const string BlockedLogDescription = "Too many failed login attempts: this IP address is blocked for the account.";

    /// <summary>Auth0's text for <c>too_many_attempts</c>, shown when brute-force protection blocks the sign-in: the English
    /// text of the resource <c>SignIn.Blocked</c>.</summary>
    public const string BlockedText =
        "Your account has been blocked after multiple consecutive login attempts. We've sent you an email with instructions on how to unblock it.";

    public static IResult Chooser(HttpContext context, IAntiforgery antiforgery, LoginTransactions transactions, TenantStore store, DemoAccounts demo,
        string? state, [FromQuery(Name = "demo")] string? demoEmail)
    {
        var login = LoginContext.Load(transactions, store, state);
        if (login is null)
        {
            return LoginPages.Expired();
        }

        var request = login.Transaction.Request;
        if (request.ScreenHint == "signup" && login.Database is { SignupDisabled: false })
        {
            return SignupForm(context, antiforgery, store, login, null, null, null);
        }

        if (request.Connection is not null && login.Connections is [{ IsDatabase: false } only])
        {
            return Results.Redirect($"/login/social/{Uri.EscapeDataString(only.Name)}?state={Uri.EscapeDataString(login.State)}");
        }

        var chosen = DemoAccountsPanel.Find(demo.All, demoEmail);
        return LoginPages.Chooser(Forms.Antiforgery(antiforgery, context), login.State, login.ClientName, login.Connections, demo.All,
            chosen?.Email ?? request.LoginHint, null, StatusCodes.Status200OK, request.Reason, chosen?.Password);
    }

    public static async Task<IResult> PasswordAsync(HttpContext context, IAntiforgery antiforgery, LoginTransactions transactions, TenantStore store,
        DemoAccounts demo, PasswordSignIn passwords, SecondFactorGate gate, TenantLogs logs, ILogger<PasswordSignIn> logger)
    {
        var read = await Forms.ReadValidatedAsync(antiforgery, context);
        if (!Forms.Accept(read, out var form, out var refusal))
        {
            return refusal;
        }

        var login = LoginContext.Load(transactions, store, Forms.Field(form, "state"));
        if (login?.Database is null)
        {
            return LoginPages.Expired();
        }

        var email = Forms.Field(form, "email");
        var password = form["password"].ToString();
        var result = email is null || password.Length == 0
            ? PasswordSignInResult.WrongCredentials
            : passwords.SignIn(login.Database.Name, email, password, BruteForceProtection.IpOf(context));
        if (result.UserId is null)
        {
            if (result.AttemptedUserId is { } attempted)
            {
                logs.Record(context, result.IsBlocked ? LogEventTypes.BlockedAccount : LogEventTypes.FailedLoginWrongPassword, attempted,
                    login.Transaction.Request.ClientId, login.Database.Name, result.IsBlocked ? BlockedLogDescription : WrongPasswordLogDescription);
            }

            if (result.IsBlocked)
            {
                AuthenticationLog.BruteForceBlocked(logger, login.Database.Name, login.Transaction.Request.ClientId);
            }
            else
            {
                AuthenticationLog.WrongCredentials(logger, login.Database.Name, login.Transaction.Request.ClientId);
            }

            return LoginPages.Chooser(Forms.Antiforgery(antiforgery, context), login.State, login.ClientName, login.Connections, demo.All, email,
                result.IsBlocked ? T("SignIn.Blocked") : T("SignIn.WrongCredentials"), result.IsBlocked ? StatusCodes.Status429TooManyRequests : StatusCodes.Status400BadRequest,
                login.Transaction.Request.Reason);
        }

        return Results.Redirect(gate.Next(context, login.Transaction, result.UserId, login.Database.Name));
    }

    public static IResult Signup(HttpContext context, IAntiforgery antiforgery, LoginTransactions transactions, TenantStore store, string? state)
    {
        var login = LoginContext.Load(transactions, store, state);
        return login?.Database is { SignupDisabled: false }
            ? SignupForm(context, antiforgery, store, login, null, null, null)
            : LoginPages.Expired();
    }

    public static async Task<IResult> SignupPostAsync(HttpContext context, IAntiforgery antiforgery, LoginTransactions transactions, TenantStore store,
        DatabaseSignup signup, LoginCompletion completion, TenantLogs logs)
    {
        var read = await Forms.ReadValidatedAsync(antiforgery, context);
        if (!Forms.Accept(read, out var form, out var refusal))
        {
            return refusal;
        }

        var login = LoginContext.Load(transactions, store, Forms.Field(form, "state"));
        if (login?.Database is not { SignupDisabled: false } database)
        {
            return LoginPages.Expired();
        }

        var email = Forms.Field(form, "email");
        var result = signup.SignUp(new SignupInput(login.Transaction.Request.ClientId, database.Name, email, form["password"].ToString() is { Length: > 0 } p ? p : null));
        if (result.Succeeded)
        {
            logs.Record(context, LogEventTypes.SuccessSignup, result.User!.UserId, login.Transaction.Request.ClientId, database.Name, null);
            return Results.Redirect(completion.SignIn(context, login.Transaction, result.User.UserId, database.Name));
        }

        var message = result.Error?["code"]?.GetValue<string>() switch
        {
            "invalid_signup" when result.PasswordCheck is null => T("Signup.Refused"),
            _ when result.PasswordCheck is not null => PasswordErrorText.For(result.PasswordCheck),
            _ => result.Message,
        };
        return SignupForm(context, antiforgery, store, login, email, message, result.PasswordCheck);
    }

    public static IResult Forgot(HttpContext context, IAntiforgery antiforgery, string? state)
        => LoginPages.Forgot(Forms.Antiforgery(antiforgery, context), state, null, null);

    public static async Task<IResult> ForgotPostAsync(HttpContext context, IAntiforgery antiforgery, LoginTransactions transactions, TenantStore store,
        AccountEmails emails)
    {
        var read = await Forms.ReadValidatedAsync(antiforgery, context);
        if (!Forms.Accept(read, out var form, out var refusal))
        {
            return refusal;
        }

        var state = Forms.Field(form, "state");
        var email = Forms.Field(form, "email");
        if (email is null || !email.Contains('@', StringComparison.Ordinal))
        {
            return LoginPages.Forgot(Forms.Antiforgery(antiforgery, context), state, email, T("Forgot.EnterEmail"));
        }

        var login = LoginContext.Load(transactions, store, state);
        var connection = login?.Database?.Name
            ?? store.Read(d => d.All<TenantConnection>().FirstOrDefault(c => c.IsDatabase)?.Name);
        if (connection is not null)
        {
            emails.SendPasswordReset(email, connection, login?.Transaction.Request.ClientId);
        }

        return LoginPages.ResetSent(login?.State);
    }

    public static IResult Social(HttpContext context, IAntiforgery antiforgery, LoginTransactions transactions, TenantStore store, string connection,
        string? state, [FromQuery(Name = "demo")] string? demoEmail)
    {
        var login = LoginContext.Load(transactions, store, state);
        var choice = login?.Connections.FirstOrDefault(c => c.Name == connection && !c.IsDatabase);
        return login is null || choice is null
            ? LoginPages.Expired()
            : SocialForm(context, antiforgery, store, login, choice, null, null);
    }

    public static async Task<IResult> SocialPostAsync(HttpContext context, IAntiforgery antiforgery, LoginTransactions transactions, TenantStore store,
        SocialSignIn social, SecondFactorGate gate, string connection)
    {
        var read = await Forms.ReadValidatedAsync(antiforgery, context);
        if (!Forms.Accept(read, out var form, out var refusal))
        {
            return refusal;
        }

        var login = LoginContext.Load(transactions, store, Forms.Field(form, "state"));
        var choice = login?.Connections.FirstOrDefault(c => c.Name == connection && !c.IsDatabase);
        if (login is null || choice is null)
        {
            return LoginPages.Expired();
        }

        var profile = new SocialProfile(Forms.Field(form, "user_id") ?? "", Forms.Field(form, "email"),
            string.Equals(Forms.Field(form, "email_verified"), "true", StringComparison.OrdinalIgnoreCase),
            Forms.Field(form, "name"), Forms.Field(form, "given_name"), Forms.Field(form, "family_name"), Forms.Field(form, "nickname"),
            Forms.Field(form, "picture"));
        if (!ProviderUserIdPattern().IsMatch(profile.ProviderUserId))
        {
            return SocialForm(context, antiforgery, store, login, choice, profile,
                T("Social.InvalidUserId"));
        }

        if (profile.Email is not null && !profile.Email.Contains('@', StringComparison.Ordinal))
        {
            return SocialForm(context, antiforgery, store, login, choice, profile, T("Social.InvalidEmail"));
        }

        var userId = social.SignIn(choice.Name, profile);
        return Results.Redirect(gate.Next(context, login.Transaction, userId, choice.Name));
    }

    private static HtmlResult SignupForm(HttpContext context, IAntiforgery antiforgery, TenantStore store, LoginContext login, string? email,
        string? error, PasswordCheck? check)
    {
        var policy = store.Read(d => d.FindConnection(login.Database!.Name)?.PasswordPolicy) ?? new PasswordPolicy();
        var rules = check?.Rules ?? PasswordPolicyChecker.Check(policy, "").Rules;
        return LoginPages.Signup(Forms.Antiforgery(antiforgery, context), login.State, login.ClientName, rules, check is not null, email, error);
    }

    private static HtmlResult SocialForm(HttpContext context, IAntiforgery antiforgery, TenantStore store, LoginContext login, ConnectionChoice choice,
        SocialProfile? entered, string? error)
    {
        var known = store.Read(d => d.All<TenantUser>()
            .SelectMany(u => u.Identities.Select((identity, index) => (User: u, Identity: identity, Index: index)))
            .Where(x => x.Identity.Connection == choice.Name)
            .Select(x => x.Index == 0
                ? new SocialProfile(x.Identity.UserId, x.User.Email, x.User.EmailVerified, x.User.Name, x.User.GivenName, x.User.FamilyName,
                    x.User.Nickname, x.User.Picture)
                : new SocialProfile(x.Identity.UserId, Text(x.Identity, "email"), x.Identity.ProfileData?["email_verified"]?.GetValue<bool>() == true,
                    Text(x.Identity, "name"), Text(x.Identity, "given_name"), Text(x.Identity, "family_name"), Text(x.Identity, "nickname"),
                    Text(x.Identity, "picture")))
            .OrderBy(p => p.Name ?? p.ProviderUserId, StringComparer.OrdinalIgnoreCase)
            .ToList());
        var suggested = TenantIds.ObjectId()[..12];
        return SocialPage.Render(Forms.Antiforgery(antiforgery, context), login.State, choice.Name, choice.DisplayName, known, suggested, entered, error);
    }

    private static string? Text(TenantIdentity identity, string name) => identity.ProfileData?[name]?.GetValue<string>();

    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex ProviderUserIdPattern();
}
