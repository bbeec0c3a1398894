using System.Net;
using Microsoft.Extensions.Options;
using Profiles.LocalTenant.Data;
using Profiles.LocalTenant.Hosting;

namespace Profiles.LocalTenant.Security;

/// <summary>
/// Auth0's brute-force protection in its default mode: failed password sign-ins are counted per user and IP address;
/// at the threshold (Auth0's default is 10) that user is blocked from that IP, even with the right password, until an
/// administrator unblocks them (<c>/api/v2/user-blocks</c>), they follow the emailed unblock link, they reset their
/// password, or 30 days pass without a failed attempt. A successful sign-in resets the count.
/// </summary>
public sealed class BruteForceProtection(TenantStore store, TimeProvider time, IOptions<LocalTenantOptions> options)
{
    /// <summary>Auth0 lifts a brute-force block 30 days after the last failed attempt.</summary>
    public static readonly TimeSpan BlockLifetime = TimeSpan.FromDays(30);

    /// <summary>Whether protection is on (a threshold of 0 turns it off).</summary>
    public bool Enabled => options.Value.BruteForceThreshold > 0;

    /// <summary>The address a sign-in came from, as blocks record it (IPv4 addresses without the IPv6 mapping).</summary>
    public static string IpOf(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var address = context.Connection.RemoteIpAddress ?? IPAddress.Loopback;
        return (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString();
    }

    public bool IsBlocked(string userId, string ip)
        => Enabled && store.Read(d => d.Find<TenantLoginFailures>(TenantLoginFailures.KeyOf(userId, ip)) is { } f && IsActive(f));

    /// <summary>Counts a wrong password; true when this attempt reached the threshold (the caller sends the unblock email).</summary>
    public bool RecordFailure(string userId, string identifier, string ip, string connection)
    {
        if (!Enabled)
        {
            return false;
        }

        var now = time.GetUtcNow();
        var threshold = options.Value.BruteForceThreshold;
        return store.Write(w =>
        {
            var failures = w.Find<TenantLoginFailures>(TenantLoginFailures.KeyOf(userId, ip));
            if (failures is null || (failures.BlockedAt is not null && !IsActive(failures)))
            {
                failures = new TenantLoginFailures { UserId = userId, Ip = ip, Identifier = identifier, Connection = connection };
            }

            failures.Count++;
            failures.LastFailureAt = now;
            failures.Identifier = identifier;
            var reached = failures.BlockedAt is null && failures.Count >= threshold;
            if (reached)
            {
                failures.BlockedAt = now;
            }

            w.Save(failures);
            return reached;
        });
    }

    /// <summary>A successful sign-in from <paramref name="ip"/> starts the count again.</summary>
    public void RecordSuccess(string userId, string ip)
        => store.Write(w => w.Remove<TenantLoginFailures>(TenantLoginFailures.KeyOf(userId, ip)));

    /// <summary>The user's active blocks, oldest first.</summary>
    public IReadOnlyList<TenantLoginFailures> BlocksOf(TenantData data, string userId)
    {
        ArgumentNullException.ThrowIfNull(data);
        return data.All<TenantLoginFailures>().Where(f => f.UserId == userId && IsActive(f)).OrderBy(f => f.BlockedAt).ToList();
    }

    /// <summary>Removes every block and count of the user (admin unblock, unblock link, password reset).</summary>
    public static void Unblock(TenantWriter writer, string userId)
    {
        ArgumentNullException.ThrowIfNull(writer);
        foreach (var failures in writer.All<TenantLoginFailures>().Where(f => f.UserId == userId).ToList())
        {
            writer.Remove<TenantLoginFailures>(failures.Key);
        }
    }

    private bool IsActive(TenantLoginFailures failures)
        => failures.BlockedAt is not null && time.GetUtcNow() - failures.LastFailureAt < BlockLifetime;
}
