-- 0004 trade records: what the persistence actor writes from the RISK, ORDERS, PORTFOLIO, METRICS and
-- NOTIFY journal streams (DESIGN.md §9), and how far each of its consumers has committed.
-- Like signals, these rows carry no foreign keys: a replayed journal may name accounts never seen here.
-- Event-keyed tables are written with ON CONFLICT DO NOTHING; the current-state tables (orders,
-- positions) only move forward (the rule is in actors/persistence and next to each table below).

-- One row per risk decision (RISK stream, one per order).
CREATE TABLE risk_decisions (
  event_id    uuid PRIMARY KEY,
  order_id    text NOT NULL,
  signal_id   text NOT NULL,
  account     text NOT NULL,
  instrument  text NOT NULL,
  approved    boolean NOT NULL,
  reason      text,                                  -- risk reason code when rejected (MAX_POSITION, ...)
  risk_limit  double precision,                      -- the limit and the value checked against it, when one applied
  risk_value  double precision,
  side        text NOT NULL CHECK (side IN ('buy', 'sell')),
  units       bigint NOT NULL,
  time        timestamptz NOT NULL,
  bid         double precision NOT NULL,
  ask         double precision NOT NULL,
  limits      jsonb                                  -- the limits document in force; NULL when the account had none
);
CREATE INDEX risk_decisions_account_time_idx ON risk_decisions (account, time DESC);
CREATE INDEX risk_decisions_order_idx ON risk_decisions (order_id);

-- The full lifecycle: one row per OrderUpdate (ORDERS stream).
CREATE TABLE order_events (
  event_id           uuid PRIMARY KEY,
  order_id           text NOT NULL,
  state              text NOT NULL CHECK (state IN ('PENDING_CONFIRMATION', 'CONFIRMED', 'EXPIRED', 'REJECTED_BY_USER',
                                                    'RISK_REJECTED', 'SUBMITTED', 'FILLED', 'REJECTED', 'CANCELLED')),
  signal_id          text NOT NULL,
  account            text NOT NULL,
  instrument         text NOT NULL,
  side               text CHECK (side IN ('buy', 'sell')),
  units              bigint NOT NULL,
  time               timestamptz NOT NULL,
  broker             text NOT NULL,
  price              double precision,
  reason             text,
  risk_limit         double precision,
  risk_value         double precision,
  stop_loss_price    double precision,
  take_profit_price  double precision,
  slippage_pips      double precision,
  bid                double precision NOT NULL,
  ask                double precision NOT NULL,
  expires_at         timestamptz,
  workflow_id        text NOT NULL,
  workflow_version   integer NOT NULL,
  stop_loss_pips     double precision,
  take_profit_pips   double precision
);
CREATE INDEX order_events_order_idx ON order_events (order_id, time);
CREATE INDEX order_events_account_time_idx ON order_events (account, time DESC);

-- One row per order holding its latest state. state_rank orders the lifecycle: PENDING_CONFIRMATION 1,
-- CONFIRMED 2, SUBMITTED 3, every terminal state 4. A row is replaced only by a strictly higher rank, so a
-- redelivered older state never moves it back and the first terminal state stays.
CREATE TABLE orders (
  order_id          text PRIMARY KEY,
  state             text NOT NULL,
  state_rank        smallint NOT NULL CHECK (state_rank BETWEEN 1 AND 4),
  event_id          uuid NOT NULL,                   -- the order_events row this state came from
  signal_id         text NOT NULL,
  account           text NOT NULL,
  instrument        text NOT NULL,
  side              text CHECK (side IN ('buy', 'sell')),
  units             bigint NOT NULL,
  time              timestamptz NOT NULL,            -- time of the current state
  broker            text NOT NULL,
  price             double precision,
  reason            text,
  workflow_id       text NOT NULL,
  workflow_version  integer NOT NULL
);
CREATE INDEX orders_account_time_idx ON orders (account, time DESC);

-- One row per FILLED update.
CREATE TABLE fills (
  order_id           text PRIMARY KEY,
  event_id           uuid NOT NULL UNIQUE,
  signal_id          text NOT NULL,
  account            text NOT NULL,
  instrument         text NOT NULL,
  side               text NOT NULL CHECK (side IN ('buy', 'sell')),
  units              bigint NOT NULL,
  price              double precision NOT NULL,
  time               timestamptz NOT NULL,
  slippage_pips      double precision,
  stop_loss_price    double precision,
  take_profit_price  double precision,
  broker             text NOT NULL
);
CREATE INDEX fills_account_time_idx ON fills (account, time DESC);

-- Every position change (PORTFOLIO portfolio.positions.*), and the current one per account and instrument.
CREATE TABLE position_history (
  event_id    uuid PRIMARY KEY,
  account     text NOT NULL,
  instrument  text NOT NULL,
  order_id    text NOT NULL,                         -- the fill that moved the position
  units       bigint NOT NULL,                       -- signed: positive long, negative short, 0 flat
  avg_price   double precision NOT NULL,
  realized    double precision NOT NULL,
  time        timestamptz NOT NULL
);
CREATE INDEX position_history_idx ON position_history (account, instrument, time);

-- Replaced only by a later (time, journal_seq): two fills on one tick are ordered by the journal.
CREATE TABLE positions (
  account      text NOT NULL,
  instrument   text NOT NULL,
  order_id     text NOT NULL,
  units        bigint NOT NULL,
  avg_price    double precision NOT NULL,
  realized     double precision NOT NULL,
  time         timestamptz NOT NULL,
  journal_seq  bigint NOT NULL,                      -- PORTFOLIO stream sequence of the update
  event_id     uuid NOT NULL,
  PRIMARY KEY (account, instrument)
);

CREATE TABLE notifications (
  id                uuid PRIMARY KEY,                -- the notification id (also its event id)
  kind              text NOT NULL,
  account           text NOT NULL,
  instrument        text NOT NULL,
  message           text NOT NULL,
  time              timestamptz NOT NULL,
  signal_id         text NOT NULL,
  workflow_id       text NOT NULL,
  workflow_version  integer NOT NULL,
  node_id           text NOT NULL,
  price             double precision NOT NULL,
  bid               double precision NOT NULL,
  ask               double precision NOT NULL
);
CREATE INDEX notifications_account_time_idx ON notifications (account, time DESC);

-- Time series, hypertables when TimescaleDB is installed (as in 0001). The keys are what the journal
-- dedupes on (msgIds <account>:<time_ms> and <node>:<stage>:<end_ms>) and include time, as hypertables need.
DO $$
DECLARE
  timescale boolean := EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'timescaledb');
BEGIN
  CREATE TABLE pnl_series (
    account       text NOT NULL,
    time          timestamptz NOT NULL,              -- tick time of the sample
    balance       double precision NOT NULL,
    realized      double precision NOT NULL,
    unrealized    double precision NOT NULL,
    equity        double precision NOT NULL,
    equity_peak   double precision NOT NULL,
    drawdown_pct  double precision NOT NULL,
    daily_pnl     double precision NOT NULL,
    day_start     timestamptz,                       -- start of the trading day (17:00 New York)
    event_id      uuid NOT NULL,
    PRIMARY KEY (account, time)
  );
  CREATE TABLE latency_samples (
    node_id     text NOT NULL,
    stage       text NOT NULL,                       -- 'tick_to_signal', 'tick_to_order', ...
    time        timestamptz NOT NULL,                -- end of the interval (wall clock)
    start_time  timestamptz NOT NULL,
    count       bigint NOT NULL,
    p50_us      double precision NOT NULL,
    p99_us      double precision NOT NULL,
    p999_us     double precision NOT NULL,
    max_us      double precision NOT NULL,
    event_id    uuid NOT NULL,
    PRIMARY KEY (node_id, stage, time)
  );
  IF timescale THEN
    PERFORM create_hypertable('pnl_series', 'time', chunk_time_interval => interval '7 days');
    PERFORM create_hypertable('latency_samples', 'time', chunk_time_interval => interval '1 day');
  END IF;
END
$$;

-- Highest stream sequence each persistence consumer (by durable name) has committed, written in the
-- same transaction as the batch: the persistence lag survives restarts.
CREATE TABLE persistence_progress (
  durable        text PRIMARY KEY,
  stream         text NOT NULL,
  committed_seq  bigint NOT NULL,
  updated_at     timestamptz NOT NULL DEFAULT now()
);
