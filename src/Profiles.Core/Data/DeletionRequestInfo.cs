namespace Profiles.Core.Data;

/// <summary>A user's open deletion request, as pages and the export show it.</summary>
/// <param name="Status">One of <see cref="Persistence.DeletionStatus"/>.</param>
public sealed record DeletionRequestInfo(Guid Id, string Status, DateTimeOffset RequestedAt, DateTimeOffset DueAt);
