using System.Text.Json.Serialization;

namespace Profiles.Core.Authenticators;

/// <summary>Source-generated JSON for what the authenticators journey keeps in the shared cache.</summary>
[JsonSerializable(typeof(PendingEnrollment))]
[JsonSerializable(typeof(MyAccountToken))]
internal sealed partial class AuthenticatorsJsonContext : JsonSerializerContext;
