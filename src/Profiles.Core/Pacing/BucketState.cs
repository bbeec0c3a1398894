namespace Profiles.Core.Pacing;

/// <summary>The portal's view of one tenant bucket. Pure arithmetic on a clock value, shared by the in-memory and database
/// coordinators. Refills run <c>margin</c> behind real time: the tenant starts counting when our first request arrives, one
/// network hop after we sent it, so a client that refilled on its own clock would send each request a little early.</summary>
public sealed class BucketState
{
    // Refill arithmetic adds many small fractions; a count this close to a whole token is that token.
    private const double Epsilon = 1e-9;

    public double Tokens { get; set; }

    public DateTimeOffset LastRefill { get; set; }

    public DateTimeOffset PausedUntil { get; set; }

    /// <summary>Whether the refill phase was already aligned to the tenant's (see <see cref="Anchor"/>).</summary>
    public bool Anchored { get; set; }

    /// <summary>A full bucket, as a fresh tenant bucket starts.</summary>
    public static BucketState Full(BucketProfile profile, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return new BucketState { Tokens = profile.Burst, LastRefill = now, PausedUntil = DateTimeOffset.MinValue };
    }

    /// <summary>Adds the whole refill steps that elapsed up to <paramref name="now"/> − <paramref name="margin"/>.</summary>
    public void Refill(BucketProfile profile, DateTimeOffset now, TimeSpan margin)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var clock = now - margin;
        if (clock <= LastRefill)
        {
            return;
        }

        var steps = Math.Floor((clock - LastRefill) / profile.Interval);
        if (steps <= 0)
        {
            return;
        }

        LastRefill += profile.Interval * steps;
        Tokens = Math.Min(profile.Burst, Tokens + (steps * profile.TokensPerInterval));
    }

    /// <summary>Takes up to <paramref name="wanted"/> whole tokens (none while paused) and says when the next one will be there.</summary>
    public TokenLease Take(BucketProfile profile, int wanted, DateTimeOffset now, TimeSpan margin)
    {
        ArgumentNullException.ThrowIfNull(profile);
        Refill(profile, now, margin);
        if (Tokens > profile.Burst)
        {
            Tokens = profile.Burst;
        }

        var granted = now < PausedUntil ? 0 : (int)Math.Clamp(Math.Floor(Tokens + Epsilon), 0, Math.Max(wanted, 0));
        Tokens = Math.Max(0, Tokens - granted);
        return new TokenLease(granted, NextTokenAt(profile, now, margin));
    }

    /// <summary>When a whole token will be available (now when one is).</summary>
    public DateTimeOffset NextTokenAt(BucketProfile profile, DateTimeOffset now, TimeSpan margin)
    {
        ArgumentNullException.ThrowIfNull(profile);
        DateTimeOffset next;
        if (Tokens + Epsilon >= 1)
        {
            next = now;
        }
        else
        {
            var steps = Math.Max(1, Math.Ceiling(((1 - Tokens) / profile.TokensPerInterval) - Epsilon));
            next = LastRefill + (profile.Interval * steps) + margin;
        }

        return next < PausedUntil ? PausedUntil : next < now ? now : next;
    }

    /// <summary>The tenant said it is empty until <paramref name="until"/> (a 429): nothing is sent before then, and the refill
    /// that follows is aligned to that instant, which also corrects our refill phase to the tenant's.</summary>
    public void Drain(BucketProfile profile, DateTimeOffset now, DateTimeOffset until, TimeSpan margin)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (until <= PausedUntil)
        {
            return;
        }

        Refill(profile, now, margin);
        Tokens = 0;
        PausedUntil = until;
        LastRefill = until - profile.OneTokenLead - margin;
    }

    /// <summary>The tenant reported fewer tokens than we believe can exist: caps our count.</summary>
    public void Cap(BucketProfile profile, DateTimeOffset now, double atMost, TimeSpan margin)
    {
        ArgumentNullException.ThrowIfNull(profile);
        Refill(profile, now, margin);
        if (Tokens > atMost)
        {
            Tokens = Math.Max(0, atMost);
        }
    }

    /// <summary>The tenant creates its bucket when our first request arrives, somewhere between our send and its answer, and
    /// refills at whole steps from then on. Moving our phase to the first answer (once per bucket) keeps our refills after the
    /// tenant's; at most one round trip of refill is given up, once.</summary>
    public void Anchor(DateTimeOffset firstAnswerAt, TimeSpan margin)
    {
        if (Anchored)
        {
            return;
        }

        Anchored = true;
        var phase = firstAnswerAt - margin;
        if (phase > LastRefill)
        {
            LastRefill = phase;
        }
    }
}
