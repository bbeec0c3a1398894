namespace Profiles.Core.Pacing;

/// <summary>Auth0's published Management API buckets per plan (reference: rate-limit-policy configuration pages), and how a request
/// maps to one. Mirrors the local tenant's classification: "Write Users" is POST /users and PATCH/DELETE /users/{id}; "Read Users"
/// is GET /users; everything else is "all other endpoints".</summary>
public static class PacingPlans
{
    public const string Auto = "auto";
    public const string Free = "free";
    public const string Essentials = "essentials";
    public const string Enterprise = "enterprise";
    public const string Off = "off";

    /// <summary>Bucket group name when the plan has one global Management bucket.</summary>
    public const string GlobalGroup = "management";

    public static bool IsKnown(string? plan) => plan is Auto or Free or Essentials or Enterprise or Off;

    /// <summary>The bucket group and its starting profile for a request; null when the plan is <see cref="Off"/> or the path is
    /// not under <c>/api/v2/</c>.
    /// <see cref="Auto"/> starts Enterprise-sized with one global bucket and learns the real size from <c>x-ratelimit-limit</c>.</summary>
    public static (string Group, BucketProfile Profile)? Classify(string plan, HttpMethod method, string relativePath)
    {
        ArgumentNullException.ThrowIfNull(method);
        if (relativePath is { Length: > 0 } && relativePath[0] == '/' && !relativePath.Contains("/api/v2/", StringComparison.Ordinal))
        {
            // Not a Management API path (the tenant does not count it against these buckets).
            return null;
        }

        return plan switch
        {
            Off => null,
            Free => (GlobalGroup, new BucketProfile(2, 2, false)),
            Essentials => EssentialsGroup(method, relativePath),
            _ => (GlobalGroup, new BucketProfile(50, 16, false)),
        };
    }

    /// <summary>The profile Auth0 publishes for a bucket of size <paramref name="limit"/>; where a size is ambiguous (10 is both
    /// Essentials "other endpoints" at 150/min and Enterprise non-production at 2/s) the slower rate wins. Unknown sizes keep
    /// <paramref name="current"/>'s rate.</summary>
    public static BucketProfile ForLimit(long limit, BucketProfile current)
    {
        ArgumentNullException.ThrowIfNull(current);
        return limit switch
        {
            2 => new BucketProfile(2, 2, false),
            10 => new BucketProfile(10, 2, false),
            20 => new BucketProfile(20, 200 / 60.0, true),
            40 => new BucketProfile(40, 500 / 60.0, true),
            50 => new BucketProfile(50, 16, false),
            _ => current with { Burst = (int)Math.Clamp(limit, 1, 100_000) },
        };
    }

    /// <summary>The user a request acts on (<c>users/{id}…</c>), used only to take turns fairly between users.</summary>
    public static string UserKey(string relativePath)
    {
        var path = Trim(relativePath);
        if (!path.StartsWith("users/", StringComparison.Ordinal))
        {
            return "";
        }

        var rest = path["users/".Length..];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? rest : rest[..slash];
    }

    private static (string, BucketProfile) EssentialsGroup(HttpMethod method, string relativePath)
    {
        var segments = Trim(relativePath).Split('/');
        if (segments[0] == "users")
        {
            if (segments.Length == 1)
            {
                return method == HttpMethod.Get
                    ? ("read-users", new BucketProfile(40, 500 / 60.0, true))
                    : ("write-users", new BucketProfile(20, 200 / 60.0, true));
            }

            if (segments.Length == 2 && (method == HttpMethod.Patch || method == HttpMethod.Delete))
            {
                return ("write-users", new BucketProfile(20, 200 / 60.0, true));
            }
        }

        return ("management-other", new BucketProfile(10, 150 / 60.0, true));
    }

    private static string Trim(string relativePath)
    {
        var path = relativePath ?? "";
        var query = path.IndexOf('?', StringComparison.Ordinal);
        if (query >= 0)
        {
            path = path[..query];
        }

        var marker = path.IndexOf("/api/v2/", StringComparison.Ordinal);
        if (marker >= 0)
        {
            path = path[(marker + "/api/v2/".Length)..];
        }

        return path.Trim('/');
    }
}
