using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Profiles.Core.Data;

namespace Profiles.Core.DependencyInjection;

/// <summary>Registers "download my data" and "delete my account" (the web layer supplies <see cref="IDeletionNotifications"/>).</summary>
public static class DataJourneyCoreServiceCollectionExtensions
{
    public static IServiceCollection AddDataJourneyCore(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<DataExportOptions>().Bind(configuration.GetSection(DataExportOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<DeletionOptions>().Bind(configuration.GetSection(DeletionOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddScoped<IDataExportService, DataExportService>();
        services.TryAddScoped<DeletionProcessor>();
        services.TryAddScoped<DeletionNotices>();
        services.TryAddScoped<DeletionRequestStore>();
        services.TryAddScoped<DeletionMarks>();
        services.TryAddScoped<DeletionAudit>();
        services.TryAddScoped<DeletionRequests>();
        services.TryAddScoped<DeletionCancellation>();
        services.TryAddScoped<IAccountDeletionService, AccountDeletionService>();
        services.AddHostedService<DeletionWorker>();
        return services;
    }
}
