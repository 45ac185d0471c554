/**
 * Credentials: short-lived JWT access tokens (jose, HS256), opaque refresh tokens rotated on every use
 * with reuse detection per family, and API keys for programs. Refresh tokens and API keys are 256-bit
 * random secrets stored only as SHA-256 digests (infra/migrations/0005_gateway.sql).
 */
import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { errors as joseErrors, jwtVerify, SignJWT } from 'jose';
import { PipstreamError } from '../../engine/errors/mod.ts';
import type { Sql } from '../../engine/store/mod.ts';
import type { Principal, Role } from '../http/route.ts';

const ISSUER = 'pipstream';
const AUDIENCE = 'pipstream-gateway';
const API_KEY_PREFIX = 'psk_';

export interface TokenPair {
  access_token: string;
  token_type: 'Bearer';
  expires_in: number;
  refresh_token: string;
  refresh_expires_in: number;
}

export interface UserRef { id: string; account_id: string; role: Role }

const digest = (secret: string) => createHash('sha256').update(secret).digest();
const unauthorized = (message: string) => new PipstreamError('PS_UNAUTHORIZED', message);

export interface TokenServiceOptions {
  /** HS256 key, at least 32 bytes; shared by every gateway process. */
  jwtSecret: Uint8Array;
  accessTtlS: number;
  refreshTtlS: number;
}

export class TokenService {
  readonly #sql: Sql;
  readonly #o: TokenServiceOptions;

  constructor(sql: Sql, options: TokenServiceOptions) {
    if (options.jwtSecret.length < 32) throw new PipstreamError('PS_CONFIG_INVALID', 'the JWT secret must be at least 32 bytes');
    this.#sql = sql;
    this.#o = options;
  }

  /** A new session: an access token and the first refresh token of a new family. */
  issue(user: UserRef): Promise<TokenPair> {
    return this.#pair(this.#sql, user, randomUUID());
  }

  async #pair(sql: Sql, user: UserRef, family: string): Promise<TokenPair> {
    const access = await new SignJWT({ acct: user.account_id, role: user.role })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(user.id).setIssuer(ISSUER).setAudience(AUDIENCE).setJti(randomUUID())
      .setIssuedAt().setExpirationTime(`${this.#o.accessTtlS}s`)
      .sign(this.#o.jwtSecret);
    const refresh = randomBytes(32).toString('base64url');
    await sql`insert into refresh_tokens (token_hash, family_id, user_id, expires_at)
      values (${digest(refresh)}, ${family}, ${user.id}, now() + make_interval(secs => ${this.#o.refreshTtlS}))`;
    return { access_token: access, token_type: 'Bearer', expires_in: this.#o.accessTtlS, refresh_token: refresh, refresh_expires_in: this.#o.refreshTtlS };
  }

  /**
   * Rotation: the presented token is consumed and a new one of the same family issued. A token that was
   * already consumed is a stolen or replayed one: the whole family is revoked (both holders must log in).
   */
  async refresh(token: string): Promise<TokenPair> {
    const outcome = await this.#sql.begin(async (tx) => {
      const rows = await tx<{ family_id: string; used_at: Date | null; revoked_at: Date | null; expired: boolean; id: string; account_id: string; role: Role }[]>`
        select r.family_id, r.used_at, r.revoked_at, r.expires_at < now() as expired, u.id, u.account_id, u.role
        from refresh_tokens r join users u on u.id = r.user_id where r.token_hash = ${digest(token)} for update of r`;
      if (rows.length === 0) return 'unknown' as const;
      const row = rows[0];
      if (row.revoked_at !== null) return 'revoked' as const;
      if (row.used_at !== null) {
        await tx`update refresh_tokens set revoked_at = now() where family_id = ${row.family_id} and revoked_at is null`;
        return 'reused' as const;
      }
      if (row.expired) return 'expired' as const;
      await tx`update refresh_tokens set used_at = now() where token_hash = ${digest(token)}`;
      return this.#pair(tx as unknown as Sql, { id: row.id, account_id: row.account_id, role: row.role }, row.family_id);
    });
    if (outcome === 'reused') {
      throw new PipstreamError('PS_REFRESH_REUSED', 'refresh token reused: every session of this login is revoked; log in again');
    }
    if (typeof outcome === 'string') throw unauthorized(`refresh token ${outcome}`);
    return outcome;
  }

  /** Revokes the token's family (logout). Unknown tokens are ignored: logout is idempotent. */
  async revokeFamily(token: string): Promise<void> {
    await this.#sql`update refresh_tokens set revoked_at = now()
      where family_id = (select family_id from refresh_tokens where token_hash = ${digest(token)}) and revoked_at is null`;
  }

  async verifyAccess(token: string): Promise<Principal> {
    try {
      const { payload } = await jwtVerify(token, this.#o.jwtSecret, { issuer: ISSUER, audience: AUDIENCE, algorithms: ['HS256'] });
      const role = payload.role;
      if (typeof payload.sub !== 'string' || typeof payload.acct !== 'string' || (role !== 'owner' && role !== 'trader' && role !== 'viewer')) {
        throw unauthorized('access token without subject, account or role');
      }
      return { userId: payload.sub, account: payload.acct, role, via: 'token', credential: digest(token).toString('base64url') };
    } catch (err) {
      if (err instanceof PipstreamError) throw err;
      throw unauthorized(err instanceof joseErrors.JWTExpired ? 'access token expired' : 'invalid access token');
    }
  }

  // ---- API keys: `psk_<id without dashes>_<secret>`; the id finds the row, the secret's digest proves it.

  async createApiKey(user: UserRef, name: string): Promise<{ id: string; name: string; key: string; created_at: Date }> {
    const id = randomUUID();
    const secret = randomBytes(32).toString('base64url');
    const rows = await this.#sql<{ created_at: Date }[]>`insert into api_keys (id, account_id, user_id, name, key_hash)
      values (${id}, ${user.account_id}, ${user.id}, ${name}, ${digest(secret)}) returning created_at`;
    return { id, name, key: `${API_KEY_PREFIX}${id.replaceAll('-', '')}_${secret}`, created_at: rows[0].created_at };
  }

  static isApiKey(value: string): boolean {
    return value.startsWith(API_KEY_PREFIX);
  }

  async verifyApiKey(key: string): Promise<Principal> {
    const m = /^psk_([0-9a-f]{32})_([A-Za-z0-9_-]{43})$/.exec(key);
    if (m === null) throw unauthorized('malformed API key');
    const h = m[1];
    const id = `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
    const rows = await this.#sql<{ key_hash: Buffer; account_id: string; user_id: string; role: Role }[]>`
      select k.key_hash, k.account_id, k.user_id, u.role from api_keys k join users u on u.id = k.user_id
      where k.id = ${id} and k.revoked_at is null`;
    const presented = digest(m[2]);
    if (rows.length === 0 || !timingSafeEqual(rows[0].key_hash, presented)) throw unauthorized('unknown or revoked API key');
    const r = rows[0];
    return { userId: r.user_id, account: r.account_id, role: r.role, via: 'api_key', credential: presented.toString('base64url') };
  }
}
