namespace Profiles.LocalTenant.Login;

/// <summary>The tenant's login pages (Universal Login stand-in).</summary>
public static class LoginUi
{
    public static IServiceCollection AddLoginUi(this IServiceCollection services)
    {
        services.AddSingleton<PasswordSignIn>();
        services.AddSingleton<SocialSignIn>();
        services.AddSingleton<SecondFactorGate>();
        services.AddSingleton<Mfa.RememberedBrowsers>();
        return services;
    }

    public static void MapLoginUi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/tenant.css", () => Results.Text(TenantStylesheet.Css, "text/css; charset=utf-8"));
        app.MapGet(WebAuthnScript.Path, () => Results.Text(WebAuthnScript.Source, "text/javascript; charset=utf-8"));
        app.MapGet("/login", LoginEndpoints.Chooser);
        app.MapPost("/login/password", LoginEndpoints.PasswordAsync);
        app.MapGet("/login/signup", LoginEndpoints.Signup);
        app.MapPost("/login/signup", LoginEndpoints.SignupPostAsync);
        app.MapGet("/login/forgot", LoginEndpoints.Forgot);
        app.MapPost("/login/forgot", LoginEndpoints.ForgotPostAsync);
        app.MapGet("/login/social/{connection}", LoginEndpoints.Social);
        app.MapPost("/login/social/{connection}", LoginEndpoints.SocialPostAsync);
        app.MapGet("/login/mfa", MfaEndpoints.Challenge);
        app.MapPost("/login/mfa", MfaEndpoints.VerifyAsync);
        app.MapPost("/login/mfa/continue", MfaEndpoints.ContinueAsync);
        app.MapGet("/mfa/enrollment", EnrollmentEndpoints.Start);
        app.MapPost("/mfa/enrollment", EnrollmentEndpoints.ConfirmAsync);
        app.MapPost("/mfa/enrollment/send", EnrollmentEndpoints.SendAsync);
        app.MapGet("/login/demo-accounts", (Seed.DemoAccounts demo) =>
            PageLayout.Render("Demo accounts", DemoAccountsPanel.Render(demo.All, standalone: true)));
        app.MapGet("/u/reset-password", TicketEndpoints.ResetForm);
        app.MapPost("/u/reset-password", TicketEndpoints.ResetAsync);
        app.MapGet("/u/email-verification", TicketEndpoints.VerifyEmail);
        app.MapGet("/u/unblock", TicketEndpoints.Unblock);
    }
}
