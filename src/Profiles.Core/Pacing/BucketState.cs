namespace Profiles.Core.Pacing;

/// <summary>The portal's view of one tenant bucket. Pure arithmetic on a clock value, shared by the in-memory and database
/// coordinators. Refills run <c>margin</c> behind real time: the tenant starts counting when our first request arrives, one
/// network hop after we sent it, so a client that refilled on its own clock would send each request a little early.</summary>
public sealed class BucketState
{
    // Refill arithmetic adds fractions that binary floating point cannot hold exactly: a count this close to a whole token is
    // that token, except right after a refill (see Refill).
    private const double Epsilon = 1e-9;

    public double Tokens { get; set; }

    public DateTimeOffset LastRefill { get; set; }

    public DateTimeOffset PausedUntil { get; set; }

    /// <summary>Whether the refill phase is aligned to the tenant's (see <see cref="Anchor"/>). False for a fresh bucket and again
    /// after a token is taken from a (nearly) full one: the tenant's may be full, and its refill restarts only when that request
    /// arrives.</summary>
    public bool Anchored { get; set; }

    /// <summary>When a token was last taken from a (possibly) full bucket, which cleared <see cref="Anchored"/>; only the answer to
    /// a request sent since then may anchor again (an older request can have reached the tenant before its bucket was full).</summary>
    public DateTimeOffset ArmedAt { get; set; } = DateTimeOffset.MinValue;

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
        var whole = Math.Round(Tokens);
        if (profile.RefillsEverySecond && Tokens < profile.Burst && Math.Abs(Tokens - whole) < Epsilon)
        {
            // A per-second step adds as much here as at the tenant (the margin only delays it), so nothing but rounding tells the
            // two counts apart, and the tenant adds the same fractions in binary floating point in its own order: 200 a minute
            // adds 3.3333333333333335 a step, and 0.6666666666666661 plus that is 3.9999999999999996, not 4. The tenant then
            // counts the fourth token as 0.9999999999999996 and refuses it (the scale-out burst on the essentials plan did
            // exactly that). A step that lands on a whole number therefore stays just below it: that one token waits one more
            // step, and the count carries on from there. (Per-millisecond refills run the margin's refill behind the tenant's.)
            Tokens = whole - (2 * Epsilon);
        }
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
        if (granted > 0 && Tokens + Epsilon >= profile.Burst - (profile.RatePerSecond * margin.TotalSeconds))
        {
            // The tenant's bucket may be full (ours runs `margin` behind it), and a full bucket stops refilling. The tenant starts
            // again when this request arrives, which can be long after now (a new connection, a busy host): the answer to a
            // request sent from now on moves our refill phase there.
            Anchored = false;
            ArmedAt = now;
        }

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
        Anchored = true;
    }

    /// <summary>An answer at <paramref name="now"/> to a request sent at <paramref name="sentAt"/> said how many tokens the tenant
    /// has left: anchors the refill phase when it is not and the request was sent since <see cref="ArmedAt"/> (before refilling,
    /// so no refill from before that request's arrival is counted), then caps our count at <paramref name="atMost"/>.</summary>
    public void Cap(BucketProfile profile, DateTimeOffset now, double atMost, TimeSpan margin, DateTimeOffset sentAt)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (sentAt >= ArmedAt)
        {
            Anchor(now, margin);
        }

        Refill(profile, now, margin);
        if (Tokens > atMost)
        {
            Tokens = Math.Max(0, atMost);
        }
    }

    /// <summary>The tenant creates its bucket when our first request arrives, somewhere between our send and its answer, and
    /// refills at whole steps from then on; a full bucket likewise starts refilling only when the next request arrives. Moving
    /// our phase to the first answer after that (once per fresh or full bucket) keeps our refills after the tenant's; at most
    /// one round trip of refill is given up each time.</summary>
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
