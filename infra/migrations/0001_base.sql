-- 0001 base: accounts, users, workflow versions, instruments, and the first time-series tables.
-- Never edit this file once applied anywhere: add 0002_... instead (the migrator refuses changed files).
-- Tables are unqualified on purpose: they go to the first schema of the search path (tests use a
-- throwaway schema). Time is timestamptz; prices are float64 as in the engine (DESIGN.md §4).

CREATE TABLE accounts (
  id          text PRIMARY KEY,                       -- e.g. 'acct-1'
  name        text NOT NULL,
  currency    char(3) NOT NULL DEFAULT 'USD',
  created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE users (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  account_id     text NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  email          text NOT NULL,
  password_hash  text,
  role           text NOT NULL DEFAULT 'trader' CHECK (role IN ('owner', 'trader', 'viewer')),
  created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_email_key ON users (lower(email));
CREATE INDEX users_account_idx ON users (account_id);

-- One row per workflow version: versions are immutable, a change is a new row.
CREATE TABLE workflows (
  account_id  text NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  id          text NOT NULL,
  version     integer NOT NULL CHECK (version > 0),
  definition  jsonb NOT NULL,
  active      boolean NOT NULL DEFAULT true,
  created_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (account_id, id, version)
);

CREATE TABLE instruments (
  name               text PRIMARY KEY,                -- OANDA name, e.g. 'EUR_USD'
  base               char(3) NOT NULL,
  quote              char(3) NOT NULL,
  pip_location       integer NOT NULL,                -- EUR_USD -4, USD_JPY -2
  display_precision  integer NOT NULL,
  tradeable          boolean NOT NULL DEFAULT true
);
INSERT INTO instruments (name, base, quote, pip_location, display_precision) VALUES
  ('EUR_USD', 'EUR', 'USD', -4, 5),
  ('NZD_USD', 'NZD', 'USD', -4, 5),
  ('USD_JPY', 'USD', 'JPY', -2, 3);

-- Time-series tables: TimescaleDB hypertables when the extension is installed in this database
-- (infra/services.sh installs it when the server offers it), otherwise ticks is range-partitioned by
-- month and bars is a plain table. Unique keys include time because both layouts require it.
DO $$
DECLARE
  timescale boolean := EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'timescaledb');
BEGIN
  IF timescale THEN
    CREATE TABLE ticks (
      time        timestamptz NOT NULL,
      instrument  text NOT NULL,
      bid         double precision NOT NULL,
      ask         double precision NOT NULL,
      seq         bigint NOT NULL,
      source      text NOT NULL,
      UNIQUE (source, instrument, seq, time)
    );
    PERFORM create_hypertable('ticks', 'time', chunk_time_interval => interval '1 day');
  ELSE
    CREATE TABLE ticks (
      time        timestamptz NOT NULL,
      instrument  text NOT NULL,
      bid         double precision NOT NULL,
      ask         double precision NOT NULL,
      seq         bigint NOT NULL,
      source      text NOT NULL,
      UNIQUE (source, instrument, seq, time)
    ) PARTITION BY RANGE (time);
    CREATE TABLE ticks_2014_05 PARTITION OF ticks FOR VALUES FROM ('2014-05-01 00:00:00+00') TO ('2014-06-01 00:00:00+00');
    CREATE TABLE ticks_default PARTITION OF ticks DEFAULT;
  END IF;

  CREATE TABLE bars (
    instrument  text NOT NULL,
    timeframe   text NOT NULL,                        -- '1m', '5m', '1h', ...
    time        timestamptz NOT NULL,                 -- bucket start (UTC, epoch-aligned)
    open        double precision NOT NULL,
    high        double precision NOT NULL,
    low         double precision NOT NULL,
    close       double precision NOT NULL,
    ticks       integer NOT NULL,
    PRIMARY KEY (instrument, timeframe, time)
  );
  IF timescale THEN
    PERFORM create_hypertable('bars', 'time', chunk_time_interval => interval '7 days');
  END IF;
END
$$;
CREATE INDEX ticks_instrument_time_idx ON ticks (instrument, time DESC);

-- Journal-derived rows carry no foreign keys: a replayed journal may name accounts or workflows this
-- database has never seen, and persistence must still store it.
CREATE TABLE signals (
  id                uuid PRIMARY KEY,
  account           text NOT NULL,
  workflow_id       text NOT NULL,
  workflow_version  integer NOT NULL,
  node_id           text NOT NULL,
  instrument        text NOT NULL,
  mode              text NOT NULL CHECK (mode IN ('SIGNAL_ALERT', 'SIGNAL_PENDING_CONFIRMATION', 'SIGNAL_AUTO_EXECUTE')),
  time              timestamptz NOT NULL,            -- time of the tick on which the trigger fired
  price             double precision NOT NULL,
  payload           jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX signals_account_time_idx ON signals (account, time DESC);
CREATE INDEX signals_workflow_idx ON signals (account, workflow_id, workflow_version);

-- Ticks that failed validation (DESIGN.md §6 "Tick validation"); raw values kept as received.
CREATE TABLE rejected_ticks (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  received_at  timestamptz NOT NULL DEFAULT now(),
  instrument   text NOT NULL,
  source       text NOT NULL,
  seq          bigint,
  time         timestamptz,
  bid          double precision,
  ask          double precision,
  reason       text NOT NULL,
  raw          jsonb
);
CREATE INDEX rejected_ticks_instrument_idx ON rejected_ticks (instrument, received_at DESC);
