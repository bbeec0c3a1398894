namespace Profiles.LocalTenant.Data;

/// <summary>An email the tenant (or the portal, through the tenant's outbox) "sent".</summary>
public sealed class OutboxEmail : TenantDocument
{
    public override string Key => Id;

    public required string Id { get; set; }
    public required string To { get; set; }
    public required string Subject { get; set; }
    public required string Body { get; set; }

    /// <summary>Absolute links in the body, in order, so tests can follow them.</summary>
    public List<string> Links { get; set; } = [];

    /// <summary>What kind of email this is, e.g. <c>verification</c>, <c>password-reset</c>, <c>portal</c>.</summary>
    public string Kind { get; set; } = "";

    public DateTimeOffset SentAt { get; set; }
}
