using System.Globalization;
using Profiles.Core.Management.Models;

namespace Profiles.Core.Management;

/// <summary>Typed client for a user's log events.</summary>
public sealed class UserLogsClient(HttpClientSource http, TimeProvider timeProvider) : IUserLogsClient
{
    private readonly ManagementConnection _connection = new(http, timeProvider);

    public UserLogsClient(HttpClient httpClient, TimeProvider timeProvider)
        : this(new HttpClientSource(httpClient), timeProvider)
    {
    }

    public async Task<IReadOnlyList<LogEvent>> GetUserLogsAsync(string userId, int perPage = 50, CancellationToken cancellationToken = default)
    {
        var path = ManagementConnection.UserPath(userId) + "/logs?page=0&per_page=" + Math.Clamp(perPage, 1, 100).ToString(CultureInfo.InvariantCulture)
            + "&sort=date:-1&include_totals=false";
        return await _connection.SendAsync(HttpMethod.Get, path, null, ApplicationsJsonContext.Default.ListLogEvent, cancellationToken);
    }
}
