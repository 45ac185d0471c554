/**
 * Token-bucket rate limits in Redis (DESIGN.md §9: Redis holds rate-limit buckets), one bucket per
 * credential and one per client IP, shared by every gateway process. The bucket is refilled and taken
 * from in one Lua script on Redis time, so concurrent requests on several gateways cannot overdraw it.
 */
import type { Redis } from '../engine/store/mod.ts';

// KEYS[1] bucket; ARGV: capacity, refill per second. Returns {allowed, ms until one token}.
const TAKE = `
local cap = tonumber(ARGV[1])
local rate = tonumber(ARGV[2]) / 1000
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local v = redis.call('HMGET', KEYS[1], 'tokens', 'ts')
local tokens = tonumber(v[1]) or cap
local ts = tonumber(v[2]) or now
tokens = math.min(cap, tokens + math.max(0, now - ts) * rate)
local allowed = 0
local wait = 0
if tokens >= 1 then
  tokens = tokens - 1
  allowed = 1
else
  wait = math.ceil((1 - tokens) / rate)
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'ts', now)
redis.call('PEXPIRE', KEYS[1], math.ceil(cap / rate) + 1000)
return {allowed, wait}
`;

export interface BucketConfig {
  /** Burst size. */
  capacity: number;
  /** Tokens added per second. */
  refillPerS: number;
}

export interface RateLimitOptions {
  perToken: BucketConfig;
  perIp: BucketConfig;
  /** Key prefix (tests use their own). */
  prefix: string;
}

export class RateLimiter {
  readonly #redis: Redis;
  readonly #o: RateLimitOptions;

  constructor(redis: Redis, options: RateLimitOptions) {
    this.#redis = redis;
    this.#o = options;
    redis.defineCommand('psTakeToken', { numberOfKeys: 1, lua: TAKE });
  }

  /** 0 when allowed, else the seconds to wait (Retry-After). */
  async take(kind: 'token' | 'ip', id: string): Promise<number> {
    const b = kind === 'token' ? this.#o.perToken : this.#o.perIp;
    const run = (this.#redis as unknown as { psTakeToken(key: string, cap: number, rate: number): Promise<[number, number]> }).psTakeToken;
    const [allowed, waitMs] = await run.call(this.#redis, `${this.#o.prefix}rl:${kind}:${id}`, b.capacity, b.refillPerS);
    return allowed === 1 ? 0 : Math.max(1, Math.ceil(waitMs / 1000));
  }
}
