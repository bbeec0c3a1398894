namespace Profiles.Core.Pacing;

/// <summary>The Lua script that owns one tenant bucket in Redis. It is <see cref="BucketState"/>'s arithmetic, line for line, run
/// by Redis as one atomic step (Redis runs one script at a time), so instances never read-modify-write the same bucket
/// concurrently and there is nothing to retry. The hash holds <c>tokens</c>, <c>last</c> (refill phase, UNIX ms), <c>paused</c>
/// (UNIX ms) and <c>anchored</c>; a missing key is a full bucket, which is also what an idle bucket has become by the time the
/// key expires.</summary>
internal static class RedisBucketScript
{
    public const string Take = "take";
    public const string Drain = "drain";
    public const string Cap = "cap";
    public const string Anchor = "anchor";

    // KEYS[1] the bucket. ARGV: operation, now (ms), margin (ms), burst, tokens per interval, interval (ms), one-token lead (ms),
    // the operation's argument (wanted / pause end ms / most tokens / first answer ms), idle expiry (ms), the answered request's
    // send time (ms, cap only). The hash also keeps `armed`: when a take last cleared `anchored` (see BucketState.ArmedAt).
    // Returns { granted, next token at (ms, text), tokens (text) }: Redis would truncate Lua numbers to integers.
    public const string Source = """
        local eps = 1e-9
        local op = ARGV[1]
        local now = tonumber(ARGV[2])
        local margin = tonumber(ARGV[3])
        local burst = tonumber(ARGV[4])
        local per = tonumber(ARGV[5])
        local interval = tonumber(ARGV[6])
        local lead = tonumber(ARGV[7])
        local arg = tonumber(ARGV[8])
        local idle = tonumber(ARGV[9])
        local sent = tonumber(ARGV[10])

        local saved = redis.call('HMGET', KEYS[1], 'tokens', 'last', 'paused', 'anchored', 'armed')
        local tokens, last, paused, anchored, armed = burst, now, 0, false, 0
        if saved[1] then
          tokens = math.min(tonumber(saved[1]), burst)
          last = tonumber(saved[2])
          paused = tonumber(saved[3])
          anchored = saved[4] == '1'
          armed = tonumber(saved[5] or '0')
        end

        local function refill()
          local clock = now - margin
          if clock <= last then return end
          local steps = math.floor((clock - last) / interval)
          if steps <= 0 then return end
          last = last + interval * steps
          tokens = math.min(burst, tokens + steps * per)
        end

        local function anchor(at)
          if not anchored then
            anchored = true
            if at - margin > last then last = at - margin end
          end
        end

        local granted = 0
        if op == 'take' then
          refill()
          if now >= paused then
            granted = math.max(0, math.min(math.floor(tokens + eps), math.max(arg, 0)))
          end
          if granted > 0 and tokens + eps >= burst - per / interval * margin then
            anchored = false
            armed = now
          end
          tokens = math.max(0, tokens - granted)
        elseif op == 'drain' then
          if arg > paused then
            refill()
            tokens = 0
            paused = arg
            last = arg - lead - margin
            anchored = true
          end
        elseif op == 'cap' then
          if sent >= armed then anchor(now) end
          refill()
          if tokens > arg then tokens = math.max(0, arg) end
        elseif op == 'anchor' then
          anchor(arg)
        end

        local next
        if tokens + eps >= 1 then
          next = now
        else
          local steps = math.max(1, math.ceil(((1 - tokens) / per) - eps))
          next = last + interval * steps + margin
        end
        if next < paused then next = paused elseif next < now then next = now end

        local fmt = '%.17g'
        redis.call('HSET', KEYS[1], 'tokens', string.format(fmt, tokens), 'last', string.format(fmt, last),
          'paused', string.format(fmt, paused), 'anchored', anchored and '1' or '0', 'armed', string.format(fmt, armed))
        redis.call('PEXPIRE', KEYS[1], math.ceil(idle + math.max(0, paused - now)))
        return { granted, string.format(fmt, next), string.format(fmt, tokens) }
        """;
}
