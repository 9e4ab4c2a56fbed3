-- mh51 migration 5: the data are tamper-evident, not only the log (SPEC §16).
--
-- `row_versions` holds, for every data row each write transaction inserted, updated or
-- deleted, the SHA-256 of the row's whole content (NULL: deleted) under the newest audit row
-- of that transaction; `ledger` seals each transaction's versions and chains them with the
-- audit log (src/domain/ledger.rs). Both are append-only. The rows a register already holds
-- become its baseline, recorded by src/db.rs in one audit row (`baseline`) right after this
-- file. Never edit this file.
CREATE TABLE row_versions (
    seq  INTEGER NOT NULL,
    tbl  TEXT NOT NULL,
    key  ANY NOT NULL,
    hash BLOB CHECK (hash IS NULL OR length(hash) = 32),
    PRIMARY KEY (seq, tbl, key)
) STRICT, WITHOUT ROWID;
CREATE TRIGGER row_versions_no_update BEFORE UPDATE ON row_versions
BEGIN
    SELECT RAISE(ABORT, 'row_versions is append-only');
END;
CREATE TRIGGER row_versions_no_delete BEFORE DELETE ON row_versions
BEGIN
    SELECT RAISE(ABORT, 'row_versions is append-only');
END;

CREATE TABLE ledger (
    seq  INTEGER PRIMARY KEY REFERENCES audit_log (seq),
    rows BLOB NOT NULL CHECK (length(rows) = 32),
    hash TEXT NOT NULL
) STRICT;
CREATE TRIGGER ledger_no_update BEFORE UPDATE ON ledger
BEGIN
    SELECT RAISE(ABORT, 'ledger is append-only');
END;
CREATE TRIGGER ledger_no_delete BEFORE DELETE ON ledger
BEGIN
    SELECT RAISE(ABORT, 'ledger is append-only');
END;
