namespace Profiles.Core.Pacing;

/// <summary>The Lua script that owns one tenant bucket in Redis. It is <see cref="BucketState"/>'s arithmetic, line for line, plus
/// the cap by tokens in flight (<see cref="PacingOptions.InFlightHorizon"/>), run by Redis as one atomic step (Redis runs one
/// script at a time), so instances never read-modify-write the same bucket concurrently and there is nothing to retry. The hash
/// holds <c>tokens</c>, <c>last</c> (refill phase, UNIX ms), <c>paused</c> (UNIX ms), <c>anchored</c> and <c>armed</c>; a missing
/// key is a full bucket, which is also what an idle bucket has become by the time the key expires. A scarce token goes to the
/// instance whose waiter runs out first (earliest admission deadline), held for it a short grace while it is expected back.</summary>
internal static class RedisBucketScript
{
    public const string Take = "take";
    public const string Drain = "drain";
    public const string Cap = "cap";
    public const string Anchor = "anchor";
    public const string Peek = "peek";

    // KEYS[1] the bucket. ARGV: operation, now (ms), margin (ms), burst, tokens per interval, interval (ms), one-token lead (ms),
    // the operation's argument (wanted / pause end ms / most tokens / first answer ms), idle expiry (ms), the answered request's
    // send time (ms, cap only), the in-flight horizon (ms, 0 = off). The hash also keeps `armed`: when a take last cleared
    // `anchored` (see BucketState.ArmedAt), and `seq`, the last in-flight id. KEYS[2] is a sorted set of the tokens handed out
    // and not yet answered (score: when), trimmed to the horizon; KEYS[3] the tokens answered within the last refill step plus
    // margin (score: when answered). The bucket never refills above burst minus both.
    // ARGV[12] is the calling instance's id, ARGV[13] (take only) the admission deadlines (ms, comma-separated, in the order the
    // instance serves them) of the waiters the take is for; empty = no deadlines known (lowest priority). KEYS[4] is a hash of
    // every instance's waiters the last take left unserved: field = instance id, value = "due|deadline,deadline,…", due = when
    // that take told the instance to come back. While it is not more than `grace` overdue, a scarce token goes to whichever
    // instance's waiter runs out first (earliest deadline), not to whichever pump reaches Redis first.
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
        local horizon = tonumber(ARGV[11])
        local id = ARGV[12] or ''
        -- While every token is out and unanswered, nothing can be handed out until an answer: look again this soon.
        local poll = 25
        -- How late an instance may come back for a token held for its waiter (timer and scheduling delay, a round trip) before
        -- anyone may take it: tokens are never left unused for longer.
        local grace = 50
        -- Our refill runs up to one step plus the margin behind the tenant's: an answer that came within that long may be to a
        -- request the tenant's last refill still found on its way.
        local linger = interval + margin

        local saved = redis.call('HMGET', KEYS[1], 'tokens', 'last', 'paused', 'anchored', 'armed')
        local tokens, last, paused, anchored, armed = burst, now, 0, false, 0
        if saved[1] then
          tokens = math.min(tonumber(saved[1]), burst)
          last = tonumber(saved[2])
          paused = tonumber(saved[3])
          anchored = saved[4] == '1'
          armed = tonumber(saved[5] or '0')
        end

        -- Tokens handed out and not yet answered may not have reached the tenant: its bucket still holds them, so it is full
        -- (and stops refilling) when ours plus them reach the burst. Ours stays below that ceiling.
        local flying, landed = 0, 0
        if horizon > 0 then
          redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', string.format('(%.17g', now - horizon))
          flying = redis.call('ZCARD', KEYS[2])
          redis.call('ZREMRANGEBYSCORE', KEYS[3], '-inf', string.format('(%.17g', now - linger))
          landed = redis.call('ZCARD', KEYS[3])
        end

        local function ceiling() return math.max(0, burst - flying - landed) end

        -- An answer lands the oldest token in flight, unless that one was handed out after the answered request was sent (the
        -- answered one has passed the horizon already: the newer one is still on its way). The landed token keeps counting
        -- for `linger`.
        local function land(sentAt)
          if flying > 0 then
            local oldest = redis.call('ZRANGE', KEYS[2], 0, 0, 'WITHSCORES')
            if sentAt and tonumber(oldest[2]) > sentAt + margin then return end
            redis.call('ZREM', KEYS[2], oldest[1])
            redis.call('ZADD', KEYS[3], now, oldest[1])
            flying = flying - 1
            landed = landed + 1
          end
        end

        local function refill()
          local clock = now - margin
          if clock <= last then return end
          local steps = math.floor((clock - last) / interval)
          if steps <= 0 then return end
          last = last + interval * steps
          local top = ceiling()
          if tokens < top then
            tokens = math.min(top, tokens + steps * per)
            -- A per-second step that lands within eps of a whole number stays below it (BucketState.Refill says why).
            local whole = math.floor(tokens + 0.5)
            if interval > 1 and tokens < burst and math.abs(tokens - whole) < eps then tokens = whole - 2 * eps end
          end
        end

        local function anchor(at)
          if not anchored then
            anchored = true
            if at - margin > last then last = at - margin end
          end
        end

        -- Hands the whole tokens there are to the earliest deadlines among the caller's waiters and the other instances' waiters
        -- still expected back; returns the caller's share, the tokens held for others and when the first of those lapses.
        local function share(available, mine)
          local waiters = {}
          local all = redis.call('HGETALL', KEYS[4])
          for i = 1, #all, 2 do
            local who = all[i]
            if who ~= id then
              local due, list = string.match(all[i + 1], '^([^|]*)|(.*)$')
              due = tonumber(due) or 0
              if now > due + grace then
                redis.call('HDEL', KEYS[4], who)
              else
                for d in string.gmatch(list, '[^,]+') do
                  d = tonumber(d)
                  if d >= now then waiters[#waiters + 1] = { d, who, due + grace } end
                end
              end
            end
          end
          if #waiters == 0 then return math.min(available, #mine), 0, nil end
          for _, d in ipairs(mine) do waiters[#waiters + 1] = { d, id, 0 } end
          table.sort(waiters, function(a, b) if a[1] ~= b[1] then return a[1] < b[1] end return a[2] < b[2] end)
          local own, held, lapse = 0, 0, nil
          for i = 1, math.min(available, #waiters) do
            local w = waiters[i]
            if w[2] == id then
              own = own + 1
            else
              held = held + 1
              if not lapse or w[3] < lapse then lapse = w[3] end
            end
          end
          return own, held, lapse
        end

        local granted, held, lapse, mine = 0, 0, nil, {}
        if op == 'take' then
          refill()
          for d in string.gmatch(ARGV[13] or '', '[^,]+') do mine[#mine + 1] = tonumber(d) end
          if #mine == 0 then for _ = 1, math.max(arg, 0) do mine[#mine + 1] = math.huge end end
          if now >= paused then
            local available = math.max(0, math.floor(tokens + eps))
            if available > 0 and id ~= '' then
              granted, held, lapse = share(available, mine)
            else
              granted = math.min(available, #mine)
            end
          end
          if granted > 0 and tokens + eps >= burst - per / interval * margin then
            anchored = false
            armed = now
          end
          tokens = math.max(0, tokens - granted)
          if horizon > 0 then
            for _ = 1, granted do
              redis.call('ZADD', KEYS[2], now, redis.call('HINCRBY', KEYS[1], 'seq', 1))
            end
            flying = flying + granted
          end
        elseif op == 'drain' then
          if arg > paused then
            refill()
            tokens = 0
            paused = arg
            last = arg - lead - margin
            anchored = true
          end
          land()
        elseif op == 'cap' then
          if sent >= armed then anchor(now) end
          refill()
          if tokens > arg then tokens = math.max(0, arg) end
          land(sent)
        elseif op == 'anchor' then
          anchor(arg)
        elseif op == 'peek' then
          refill()
        end

        local next
        if tokens + eps >= 1 then
          next = now
        else
          local steps = math.max(1, math.ceil(((1 - tokens) / per) - eps))
          next = last + interval * steps + margin
          if ceiling() < 1 and next < now + poll then next = now + poll end
        end
        if held > 0 and granted < #mine then
          -- The caller wants more, but the whole tokens left are held for others' earlier waiters: come back when the first of
          -- those instances is overdue, or when a token more than those is there.
          local steps = math.max(1, math.ceil(((math.floor(tokens + eps) + 1 - tokens) / per) - eps))
          next = last + interval * steps + margin
          if lapse < next then next = lapse end
          if next < now + 1 then next = now + 1 end
        end
        if next < paused then next = paused elseif next < now then next = now end

        if op == 'take' and id ~= '' then
          -- The caller's waiters this take left unserved, and when it comes back for them.
          local left = {}
          for i = granted + 1, #mine do
            if mine[i] ~= math.huge then left[#left + 1] = string.format('%.17g', mine[i]) end
          end
          if #left > 0 then
            redis.call('HSET', KEYS[4], id, string.format('%.17g', next) .. '|' .. table.concat(left, ','))
          else
            redis.call('HDEL', KEYS[4], id)
          end
        end

        local fmt = '%.17g'
        redis.call('HSET', KEYS[1], 'tokens', string.format(fmt, tokens), 'last', string.format(fmt, last),
          'paused', string.format(fmt, paused), 'anchored', anchored and '1' or '0', 'armed', string.format(fmt, armed))
        redis.call('PEXPIRE', KEYS[1], math.ceil(idle + math.max(0, paused - now)))
        redis.call('PEXPIRE', KEYS[2], math.ceil(idle + math.max(0, paused - now)))
        redis.call('PEXPIRE', KEYS[3], math.ceil(idle + math.max(0, paused - now)))
        redis.call('PEXPIRE', KEYS[4], math.ceil(idle + math.max(0, paused - now)))
        return { granted, string.format(fmt, next), string.format(fmt, tokens) }
        """;
}
