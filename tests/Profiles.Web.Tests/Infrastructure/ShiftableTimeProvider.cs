namespace Profiles.Web.Tests.Infrastructure;

/// <summary>The real clock plus an offset a test can move, so the portal can be made to see a sign-in as old without waiting.
/// The tenant keeps the real clock.</summary>
public sealed class ShiftableTimeProvider : TimeProvider
{
    private long _offsetTicks;

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);

    public void Reset() => Interlocked.Exchange(ref _offsetTicks, 0);

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;
}
