-- mh51 migration 8 (schema version 8): the periods sent to the city (SPEC §19, "Sent periods
-- are locked"). Never edit this file.
--
-- One row per revision of a period's package: the period (ISO dates), the revision (1, 2, …),
-- when it was made, the audit head its figures were read at, and the SHA-256 of the
-- canonical JSON of its figures (src/domain/sent.rs), so that making the package again can
-- tell whether the figures are still the ones sent. While `reopened_at` is NULL the period is
-- sent: writes dated in it are refused. `mh51 period reopen P --reason TEXT` sets
-- `reopened_at` and `reopen_reason` once; nothing else in a row ever changes, and no row is
-- ever deleted.
CREATE TABLE sent_periods (
    id            INTEGER PRIMARY KEY,
    period_from   TEXT NOT NULL CHECK (period_from GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    period_to     TEXT NOT NULL CHECK (period_to GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND period_to >= period_from),
    revision      INTEGER NOT NULL CHECK (revision >= 1),
    sent_at       TEXT NOT NULL,
    audit_head    TEXT NOT NULL,
    figures_hash  TEXT NOT NULL CHECK (length(figures_hash) = 64),
    reopened_at   TEXT,
    reopen_reason TEXT CHECK (reopen_reason IS NULL OR length(reopen_reason) BETWEEN 1 AND 4000),
    CHECK ((reopened_at IS NULL) = (reopen_reason IS NULL)),
    UNIQUE (period_from, period_to, revision)
) STRICT;
CREATE INDEX sent_periods_open ON sent_periods (period_from, period_to) WHERE reopened_at IS NULL;
CREATE TRIGGER sent_periods_once BEFORE UPDATE ON sent_periods
WHEN OLD.reopened_at IS NOT NULL
  OR NEW.id IS NOT OLD.id OR NEW.period_from IS NOT OLD.period_from OR NEW.period_to IS NOT OLD.period_to
  OR NEW.revision IS NOT OLD.revision OR NEW.sent_at IS NOT OLD.sent_at
  OR NEW.audit_head IS NOT OLD.audit_head OR NEW.figures_hash IS NOT OLD.figures_hash
BEGIN
    SELECT RAISE(ABORT, 'a sent period is only ever reopened, once per revision');
END;
CREATE TRIGGER sent_periods_no_delete BEFORE DELETE ON sent_periods
BEGIN
    SELECT RAISE(ABORT, 'mh51 never deletes a sent period');
END;
