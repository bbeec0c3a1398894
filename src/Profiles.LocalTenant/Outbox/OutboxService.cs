using System.Text.RegularExpressions;
using Profiles.LocalTenant.Data;

namespace Profiles.LocalTenant.Outbox;

/// <summary>Where every email the tenant sends ends up, so people and tests can follow its links.</summary>
public sealed partial class OutboxService(TenantStore store, TimeProvider time)
{
    public OutboxEmail Send(string to, string subject, string body, string kind)
    {
        var email = new OutboxEmail
        {
            Id = TenantIds.Prefixed("msg_"),
            To = to,
            Subject = subject,
            Body = body,
            Kind = kind,
            Links = LinkPattern().Matches(body).Select(m => m.Value.TrimEnd('.', ',', ')')).ToList(),
            SentAt = time.GetUtcNow(),
        };
        store.Write(w => w.Save(email));
        return email;
    }

    /// <summary>Emails, newest first, optionally only those sent to <paramref name="to"/>.</summary>
    public IReadOnlyList<OutboxEmail> List(string? to = null)
        => store.Read(d => d.All<OutboxEmail>()
            .Where(e => to is null || string.Equals(e.To, to, StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(e => e.SentAt)
            .ThenByDescending(e => e.Id, StringComparer.Ordinal)
            .ToList());

    public void Clear() => store.Write(w =>
    {
        foreach (var email in w.All<OutboxEmail>().ToList())
        {
            w.Remove<OutboxEmail>(email.Key);
        }
    });

    [GeneratedRegex(@"https?://[^\s""<>]+", RegexOptions.CultureInvariant)]
    private static partial Regex LinkPattern();
}
