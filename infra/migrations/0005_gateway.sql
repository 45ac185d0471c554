-- 0005 gateway (DESIGN.md §10): refresh-token families with rotation and reuse detection, and API keys.
-- Secrets are never stored: refresh tokens and API keys are random 256-bit values kept as SHA-256
-- digests (high-entropy secrets need no slow hash; passwords use scrypt in users.password_hash).

-- One row per issued refresh token. A refresh consumes its row (used_at) and issues the next one in the
-- same family; presenting a consumed token again is reuse: the whole family is revoked.
CREATE TABLE refresh_tokens (
  token_hash  bytea PRIMARY KEY,
  family_id   uuid NOT NULL,
  user_id     uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  issued_at   timestamptz NOT NULL DEFAULT now(),
  expires_at  timestamptz NOT NULL,
  used_at     timestamptz,
  revoked_at  timestamptz
);
CREATE INDEX refresh_tokens_family_idx ON refresh_tokens (family_id);

CREATE TABLE api_keys (
  id          uuid PRIMARY KEY,
  account_id  text NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  user_id     uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  key_hash    bytea NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  revoked_at  timestamptz
);
CREATE INDEX api_keys_account_idx ON api_keys (account_id);
