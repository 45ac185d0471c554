-- 0002 persistence: event ids on ticks (idempotent journal writes) and the tamper-evident audit log.

-- Ticks from the journal carry their envelope event id. Unique indexes on partitioned tables and
-- hypertables must include the partitioning column, hence (event_id, time); rows written before
-- this migration keep a NULL event_id (NULLs never conflict).
ALTER TABLE ticks ADD COLUMN event_id uuid;
CREATE UNIQUE INDEX ticks_event_id_key ON ticks (event_id, time);
-- signals.id is the signal's event id already (its primary key): nothing to add there.

-- Append-only, hash-chained: hash = sha256(prev_hash || '\n' || id || '\n' || content), hex.
-- ids are gapless (assigned by the writer under the audit_head row lock), so a deleted row shows
-- as a gap as well as a broken link. content is the exact text that was hashed.
CREATE TABLE audit_log (
  id         bigint PRIMARY KEY CHECK (id > 0),
  prev_hash  char(64) NOT NULL,
  hash       char(64) NOT NULL,
  content    text NOT NULL
);

-- The chain head: the one row writers lock to append in order; it also exposes a deleted tail.
CREATE TABLE audit_head (
  one      boolean PRIMARY KEY DEFAULT true CHECK (one),
  last_id  bigint NOT NULL,
  hash     char(64) NOT NULL
);
INSERT INTO audit_head (last_id, hash) VALUES (0, repeat('0', 64));

-- Append-only for everyone but the table owner disabling the trigger (which verify still catches).
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER audit_log_no_update_delete BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
