using System.Text.Json.Serialization;
using Profiles.Core.Profiles;
using Profiles.Core.Security;

namespace Profiles.Core.Caching;

/// <summary>The shapes of the portal's cache entries, serialized without reflection.</summary>
[JsonSerializable(typeof(UserProfile))]
[JsonSerializable(typeof(SessionCutoff))]
[JsonSerializable(typeof(bool))]
[JsonSerializable(typeof(long))]
internal sealed partial class PortalCacheJsonContext : JsonSerializerContext;
