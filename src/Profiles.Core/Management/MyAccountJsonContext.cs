using System.Text.Json.Serialization;
using Profiles.Core.Management.Models;

namespace Profiles.Core.Management;

/// <summary>Source-generated JSON metadata for My Account API payloads.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    PropertyNameCaseInsensitive = false)]
[JsonSerializable(typeof(MyAccountMethodList))]
[JsonSerializable(typeof(MyAccountAuthenticationMethod))]
[JsonSerializable(typeof(MyAccountEnrollmentRequest))]
[JsonSerializable(typeof(MyAccountEnrollment))]
[JsonSerializable(typeof(MyAccountVerifyRequest))]
[JsonSerializable(typeof(AuthenticationMethodNameUpdate))]
[JsonSerializable(typeof(MyAccountErrorBody))]
internal sealed partial class MyAccountJsonContext : JsonSerializerContext;
