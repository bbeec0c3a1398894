namespace Profiles.Core.Pacing;

/// <summary>Tokens handed out by a coordinator, and when the next one will be available.</summary>
public sealed record TokenLease(int Granted, DateTimeOffset NextTokenAt);
