-- 0003 risk limits per account (DESIGN §7; the document is the limits file / REST resource shape).
-- Nodes load them into each account's risk shared memory and follow changes live: every change is
-- announced on the channel pipstream_risk_limits with the account as payload ('' after a TRUNCATE:
-- everything may have changed).
CREATE TABLE risk_limits (
  account     text PRIMARY KEY CHECK (length(account) BETWEEN 1 AND 128),
  document    jsonb NOT NULL CHECK (jsonb_typeof(document) = 'object'),
  version     integer NOT NULL DEFAULT 1 CHECK (version > 0),
  updated_at  timestamptz NOT NULL DEFAULT now()
);

-- Every update bumps the version, whoever writes (a hand edit too), so watchers can tell changes apart.
CREATE FUNCTION risk_limits_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.version := OLD.version + 1;
  NEW.updated_at := now();
  RETURN NEW;
END
$$;
CREATE TRIGGER risk_limits_version BEFORE UPDATE ON risk_limits
  FOR EACH ROW EXECUTE FUNCTION risk_limits_bump();

CREATE FUNCTION risk_limits_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    PERFORM pg_notify('pipstream_risk_limits', '');
    RETURN NULL;
  END IF;
  -- OLD and NEW name the same account unless the key itself changed; PostgreSQL delivers identical
  -- notifications of one transaction once.
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM pg_notify('pipstream_risk_limits', OLD.account);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM pg_notify('pipstream_risk_limits', NEW.account);
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER risk_limits_changed AFTER INSERT OR UPDATE OR DELETE ON risk_limits
  FOR EACH ROW EXECUTE FUNCTION risk_limits_notify();
CREATE TRIGGER risk_limits_truncated AFTER TRUNCATE ON risk_limits
  FOR EACH STATEMENT EXECUTE FUNCTION risk_limits_notify();
