/** Register, login, refresh (rotation with reuse detection), logout, the caller, and API keys. */
import { randomBytes } from 'node:crypto';
import { PipstreamError } from '../../engine/errors/mod.ts';
import { DUMMY_HASH, hashPassword, verifyPassword } from '../auth/passwords.ts';
import type { UserRef } from '../auth/tokens.ts';
import type { GatewayDeps } from '../deps.ts';
import { notFound } from '../http/errors.ts';
import type { Principal, RouteDef } from '../http/route.ts';
import { S } from '../http/validate.ts';

const tokenPair = {
  type: 'object',
  properties: {
    access_token: { type: 'string' }, token_type: { const: 'Bearer' }, expires_in: { type: 'integer' },
    refresh_token: { type: 'string' }, refresh_expires_in: { type: 'integer' },
  },
};
const refreshBody = { type: 'object', required: ['refresh_token'], additionalProperties: false,
  properties: { refresh_token: { type: 'string', minLength: 1, maxLength: 200 } } };
const apiKey = { type: 'object', properties: { id: S.uuid, name: { type: 'string' }, created_at: { type: 'string', format: 'date-time' },
  revoked_at: { type: ['string', 'null'], format: 'date-time' } } };

const me = (ctx: { principal: Principal | null }) => ctx.principal!;
const userOf = (p: Principal): UserRef => ({ id: p.userId, account_id: p.account, role: p.role });

export function authRoutes(deps: GatewayDeps): RouteDef[] {
  const { sql, tokens } = deps;
  return [
    {
      method: 'post', path: '/v1/auth/register', tag: 'auth', access: 'public',
      summary: 'Create an account with its owner and start a session',
      body: { type: 'object', required: ['email', 'password'], additionalProperties: false,
        properties: { email: S.email, password: S.password, account_name: S.name } },
      response: { status: 201, description: 'the new account and a token pair', schema: tokenPair },
      async handle(ctx) {
        const b = ctx.body as { email: string; password: string; account_name?: string };
        const hash = await hashPassword(b.password);
        const account = `acct_${randomBytes(8).toString('hex')}`;
        const user = await sql.begin(async (tx) => {
          const taken = await tx`select 1 from users where lower(email) = lower(${b.email})`;
          if (taken.length > 0) return null;
          await tx`insert into accounts (id, name) values (${account}, ${b.account_name ?? b.email})`;
          const rows = await tx<UserRef[]>`insert into users (account_id, email, password_hash, role)
            values (${account}, ${b.email}, ${hash}, 'owner') returning id, account_id, role`;
          return rows[0];
        }).catch((err: { code?: string }) => {
          if (err.code === '23505') return null; // a concurrent registration of the same email won
          throw err;
        });
        if (user === null) throw new PipstreamError('PS_CONFLICT', 'this email is already registered');
        return { status: 201, body: { account: user.account_id, user: user.id, ...(await tokens.issue(user)) } };
      },
    },
    {
      method: 'post', path: '/v1/auth/login', tag: 'auth', access: 'public',
      summary: 'Exchange email and password for a token pair',
      body: { type: 'object', required: ['email', 'password'], additionalProperties: false,
        properties: { email: { type: 'string', maxLength: 254 }, password: { type: 'string', maxLength: 200 } } },
      response: { status: 200, description: 'a token pair', schema: tokenPair },
      async handle(ctx) {
        const b = ctx.body as { email: string; password: string };
        const rows = await sql<(UserRef & { password_hash: string | null })[]>`
          select id, account_id, role, password_hash from users where lower(email) = lower(${b.email})`;
        const ok = await verifyPassword(b.password, rows[0]?.password_hash ?? await DUMMY_HASH);
        if (rows.length === 0 || !ok) throw new PipstreamError('PS_UNAUTHORIZED', 'wrong email or password');
        return { body: await tokens.issue(rows[0]) };
      },
    },
    {
      method: 'post', path: '/v1/auth/refresh', tag: 'auth', access: 'public',
      summary: 'Rotate a refresh token; a reused one revokes its whole family',
      body: refreshBody,
      response: { status: 200, description: 'a new token pair', schema: tokenPair },
      async handle(ctx) {
        return { body: await tokens.refresh((ctx.body as { refresh_token: string }).refresh_token) };
      },
    },
    {
      method: 'post', path: '/v1/auth/logout', tag: 'auth', access: 'public',
      summary: 'Revoke the refresh token and every token rotated from the same login',
      body: refreshBody,
      response: { status: 204, description: 'logged out' },
      async handle(ctx) {
        await tokens.revokeFamily((ctx.body as { refresh_token: string }).refresh_token);
        return { status: 204 };
      },
    },
    {
      method: 'get', path: '/v1/me', tag: 'auth', access: 'read',
      summary: 'The caller: user, account and role',
      response: { status: 200, description: 'the caller', schema: { type: 'object' } },
      async handle(ctx) {
        const p = me(ctx);
        const rows = await sql<{ email: string }[]>`select email from users where id = ${p.userId}`;
        return { body: { user: p.userId, account: p.account, role: p.role, email: rows[0]?.email ?? null, via: p.via } };
      },
    },
    {
      method: 'post', path: '/v1/accounts/{account}/api-keys', tag: 'api-keys', access: 'owner',
      summary: 'Create an API key for a program (the key is shown once)',
      body: { type: 'object', required: ['name'], additionalProperties: false, properties: { name: S.name } },
      response: { status: 201, description: 'the key', schema: { type: 'object', properties: { ...apiKey.properties, key: { type: 'string' } } } },
      async handle(ctx) {
        if (me(ctx).via === 'api_key') throw new PipstreamError('PS_FORBIDDEN', 'an API key cannot create API keys');
        return { status: 201, body: await tokens.createApiKey(userOf(me(ctx)), (ctx.body as { name: string }).name) };
      },
    },
    {
      method: 'get', path: '/v1/accounts/{account}/api-keys', tag: 'api-keys', access: 'owner',
      summary: "The account's API keys (never the secrets)",
      response: { status: 200, description: 'keys', schema: { type: 'object', properties: { api_keys: { type: 'array', items: apiKey } } } },
      async handle(ctx) {
        const rows = await sql`select id, name, created_at, revoked_at from api_keys where account_id = ${me(ctx).account} order by created_at`;
        return { body: { api_keys: rows } };
      },
    },
    {
      method: 'delete', path: '/v1/accounts/{account}/api-keys/{keyId}', tag: 'api-keys', access: 'owner',
      summary: 'Revoke an API key', params: { keyId: S.uuid },
      response: { status: 204, description: 'revoked' },
      async handle(ctx) {
        const rows = await sql`update api_keys set revoked_at = coalesce(revoked_at, now())
          where id = ${ctx.params.keyId} and account_id = ${me(ctx).account} returning id`;
        if (rows.length === 0) throw notFound(`API key ${ctx.params.keyId}`);
        return { status: 204 };
      },
    },
  ];
}

