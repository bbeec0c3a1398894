namespace Profiles.LocalTenant.Outbox;

/// <summary>An email a development portal asks the tenant's outbox to keep.</summary>
public sealed record OutboxMessage(string To, string Subject, string? Body, string? Kind);
