/**
 * The compare-and-set behind `RedisHotCache.setIfNewer`. It runs as one Lua
 * script because a GET-then-SET from the client would let two replicas both
 * see "older" and the slower one put a stale version back.
 *
 * An entry is a hash `{v: version, j: json}`: the version can be compared
 * without parsing the value, and `get` reads both with one HMGET.
 *
 * KEYS[1] the namespaced key
 * ARGV[1] version, ARGV[2] JSON value, ARGV[3] TTL in ms (0 = none)
 * returns 1 when stored, 0 when the stored version is the same or newer.
 */
export const SET_IF_NEWER_LUA = `
local current = redis.call('HGET', KEYS[1], 'v')
if current and tonumber(current) >= tonumber(ARGV[1]) then
  return 0
end
redis.call('HSET', KEYS[1], 'v', ARGV[1], 'j', ARGV[2])
local ttl = tonumber(ARGV[3])
if ttl > 0 then
  redis.call('PEXPIRE', KEYS[1], ttl)
else
  -- HSET keeps an old TTL; a write without one must not expire with its predecessor.
  redis.call('PERSIST', KEYS[1])
end
return 1
`;

/** The name the script is registered under with `defineCommand`. */
export const SET_IF_NEWER_COMMAND = 'qfzzSetIfNewer';

/** ioredis adds defined commands at run time; this is their typed shape. */
export interface WithSetIfNewer {
  [SET_IF_NEWER_COMMAND](key: string, version: string, json: string, ttlMs: string): Promise<number>;
}
