namespace Profiles.Core.Account;

/// <summary>The result of a data export: the file, or why there is none.</summary>
/// <param name="RetryAfter">When throttled: how long until the next download is allowed.</param>
public sealed record DataExportResult(DataExportOutcome Outcome, byte[]? Content = null, string? FileName = null, TimeSpan RetryAfter = default)
{
    public bool Succeeded => Outcome == DataExportOutcome.Ready;
}
