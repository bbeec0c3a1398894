using System.Globalization;
using Profiles.Core.Results;

namespace Profiles.Core.Data;

/// <summary>"Download my data": one JSON document with what Auth0 and the portal hold about the user.</summary>
public interface IDataExportService
{
    /// <summary>How long until the user may download again (zero when they may now).</summary>
    Task<TimeSpan> RemainingCooldownAsync(string userId, CancellationToken cancellationToken);

    /// <summary>Builds the export. <paramref name="culture"/> picks the labels of the operator-declared <c>app_metadata</c>.</summary>
    Task<ServiceResult<DataExportFile>> ExportAsync(string userId, CultureInfo culture, CancellationToken cancellationToken);
}
