-- 0006: persistence derives 1-minute bars (OHLC of mid, epoch-aligned UTC buckets, DESIGN.md §6) from the
-- ticks it stores. Bars are kept per tick source (a replay must not blend into the live feed's bars), and
-- each bar remembers the time and sequence of its first and last tick (ticks of one time are ordered by
-- their sequence, as the engine reads them), so batches merged in any order (redeliveries after a crash)
-- still give the right open and close.
ALTER TABLE bars ADD COLUMN source text NOT NULL DEFAULT '';
ALTER TABLE bars ADD COLUMN first_time timestamptz;
ALTER TABLE bars ADD COLUMN first_seq bigint;
ALTER TABLE bars ADD COLUMN last_time timestamptz;
ALTER TABLE bars ADD COLUMN last_seq bigint;
ALTER TABLE bars DROP CONSTRAINT bars_pkey;
ALTER TABLE bars ADD PRIMARY KEY (instrument, timeframe, source, time);
