-- mh51 migration 7 (schema version 7): the register's signing key (SPEC §19). Never edit this file.
--
-- One row (id 1): the Ed25519 public key (64 lowercase hex digits), the secret seed (32
-- bytes) and when the key was made (src/domain/signing.rs). The migration in src/db.rs makes
-- the key right after this file runs, in the same transaction. The row never changes and is
-- never deleted.
CREATE TABLE signing_key (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    public_key TEXT NOT NULL CHECK (length(public_key) = 64 AND public_key NOT GLOB '*[^0-9a-f]*'),
    secret     BLOB NOT NULL CHECK (length(secret) = 32),
    made_at    TEXT NOT NULL
) STRICT;
CREATE TRIGGER signing_key_no_update BEFORE UPDATE ON signing_key
BEGIN
    SELECT RAISE(ABORT, 'the signing key never changes');
END;
CREATE TRIGGER signing_key_no_delete BEFORE DELETE ON signing_key
BEGIN
    SELECT RAISE(ABORT, 'the signing key is never deleted');
END;
