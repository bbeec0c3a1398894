using System.Text.Json.Serialization;
using Profiles.Core.Management.Models;

namespace Profiles.Core.Management;

/// <summary>Source-generated JSON metadata for the connected-applications and sign-in-history payloads.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    PropertyNameCaseInsensitive = false)]
[JsonSerializable(typeof(RefreshTokensPage))]
[JsonSerializable(typeof(List<LogEvent>))]
[JsonSerializable(typeof(ClientSummary))]
internal sealed partial class ApplicationsJsonContext : JsonSerializerContext;
