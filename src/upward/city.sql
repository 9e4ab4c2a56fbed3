-- The city register (SPEC §19): the wards (units) the city registered, the packages they
-- sent, and its own hash-chained audit log. A file of its own kind: `PRAGMA application_id`
-- is set to `upward::APPLICATION_ID` and `settings` holds `kind = 'city'`; the ward's
-- commands refuse it and the city's commands refuse a ward's register (`upward::store`).
--
-- Nothing is changed or deleted: every table refuses UPDATE and DELETE, a newer revision of
-- a package is a new row (the older one is kept), and `check` proves every row against the
-- audit row that recorded it (`upward::check`).

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

-- A ward the city registered: its unit code (the ward's `settings unit_code`), its name and
-- the public key its `mh51 key show` printed (64 lowercase hex digits).
CREATE TABLE units (
    code       TEXT PRIMARY KEY CHECK (length(code) BETWEEN 1 AND 64),
    name       TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    public_key TEXT NOT NULL UNIQUE CHECK (length(public_key) = 64),
    added_at   TEXT NOT NULL
) STRICT;

-- One package as received: the file's text (`document`, verified against the unit's key when
-- it was added and again by `check`), the facts `status` and the reports read, its figures
-- member as JSON (so a report need not parse the tokens), and SHA-256 of its canonical form
-- (`report::package::canonical`), which says whether two files are the same package.
CREATE TABLE packages (
    id              INTEGER PRIMARY KEY,
    unit_code       TEXT NOT NULL REFERENCES units (code),
    period_from     TEXT NOT NULL,
    period_to       TEXT NOT NULL,
    revision        INTEGER NOT NULL CHECK (revision >= 1),
    made_at         TEXT NOT NULL,
    received_at     TEXT NOT NULL,
    audit_head      TEXT NOT NULL,
    key_fingerprint TEXT,
    sha256          TEXT NOT NULL CHECK (length(sha256) = 64),
    figures         TEXT NOT NULL,
    document        TEXT NOT NULL,
    UNIQUE (unit_code, period_from, period_to, revision)
) STRICT;

-- The linking tokens of each package (SPEC §19), for `city duplicates`.
CREATE TABLE tokens (
    package_id INTEGER NOT NULL REFERENCES packages (id),
    case_no    TEXT NOT NULL,
    id_token   TEXT,
    name_year  TEXT
) STRICT;
CREATE INDEX tokens_package ON tokens (package_id);
CREATE INDEX tokens_id ON tokens (id_token) WHERE id_token IS NOT NULL;
CREATE INDEX tokens_name_year ON tokens (name_year) WHERE name_year IS NOT NULL;

-- The package each unit holds as current for each period: its newest revision.
CREATE VIEW current_packages AS
SELECT p.* FROM packages p
WHERE p.revision = (SELECT max(q.revision) FROM packages q
                    WHERE q.unit_code = p.unit_code AND q.period_from = p.period_from
                      AND q.period_to = p.period_to);

-- The same audit log as a ward's (src/audit.rs): append-only and hash-chained. Its table
-- is the ward's own definition, put in place of the next line from schema.sql
-- (`upward::schema`), so that the two are one text.
-- audit_log: schema.sql

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER settings_no_update BEFORE UPDATE ON settings
BEGIN SELECT RAISE(ABORT, 'settings of a city register are not changed'); END;
CREATE TRIGGER settings_no_delete BEFORE DELETE ON settings
BEGIN SELECT RAISE(ABORT, 'settings of a city register are not changed'); END;
CREATE TRIGGER units_no_update BEFORE UPDATE ON units
BEGIN SELECT RAISE(ABORT, 'units are never changed'); END;
CREATE TRIGGER units_no_delete BEFORE DELETE ON units
BEGIN SELECT RAISE(ABORT, 'units are never deleted'); END;
CREATE TRIGGER packages_no_update BEFORE UPDATE ON packages
BEGIN SELECT RAISE(ABORT, 'packages are never changed: a newer revision is a new row'); END;
CREATE TRIGGER packages_no_delete BEFORE DELETE ON packages
BEGIN SELECT RAISE(ABORT, 'packages are never deleted'); END;
CREATE TRIGGER tokens_no_update BEFORE UPDATE ON tokens
BEGIN SELECT RAISE(ABORT, 'tokens are never changed'); END;
CREATE TRIGGER tokens_no_delete BEFORE DELETE ON tokens
BEGIN SELECT RAISE(ABORT, 'tokens are never deleted'); END;
