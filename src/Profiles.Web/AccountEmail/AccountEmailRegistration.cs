using Profiles.Core.Account;
using Profiles.Core.DependencyInjection;
using Profiles.Web.Banners;

namespace Profiles.Web.AccountEmail;

/// <summary>Registers the email page's services: Core's rules, the localized emails and the verification banner.</summary>
public static class AccountEmailRegistration
{
    public static IServiceCollection AddAccountEmail(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddAccountEmailServices(configuration);
        services.AddScoped<IEmailChangeMessages, EmailChangeMessages>();
        services.AddScoped<IAccountBannerSource, UnverifiedEmailBannerSource>();
        return services;
    }
}
