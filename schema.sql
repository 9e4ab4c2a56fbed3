-- mh51 schema, version 9. (Version 9 wrote four CHECK lists of values as comparisons joined
-- by OR, which SQLite checks without building a temporary B-tree per row:
-- migrations/0009_check_lists.sql.)
--
-- This file is the whole schema of a fresh database. It is applied by migration 1 in
-- src/db.rs (an append-only list keyed on PRAGMA user_version); later versions add
-- migrations there and never edit a shipped one. Every table is STRICT; dates are ISO
-- text (YYYY-MM-DD), so they sort and compare as text. `*_fold` columns hold the name
-- folded for search: lower case, Vietnamese diacritics removed, đ → d (see src/text.rs).
--
-- Nothing is deleted by normal commands; corrections are explicit and audited.

-- Key/value settings: district, quota, review_interval_days.
CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

-- Wards (phường). `code` is what clerks type (`5`); `sort_key` gives natural order
-- (`2` before `10`): every run of digits left-padded to 10 places. A ward exists from
-- `from_on` (NULL: since the register began) until the day before `dissolved_on` (NULL: it
-- still exists); a dissolved ward names the ward that took it over, `successor_id` (SPEC §13,
-- added in version 4, hence the column layout ALTER TABLE gives).
CREATE TABLE wards (
    id        INTEGER PRIMARY KEY,
    code      TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 40),
    name      TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    code_fold TEXT NOT NULL UNIQUE,
    name_fold TEXT NOT NULL UNIQUE,
    sort_key  TEXT NOT NULL
, from_on TEXT CHECK (from_on IS NULL OR from_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  dissolved_on TEXT CHECK (dissolved_on IS NULL OR dissolved_on > coalesce(from_on, '')),
  successor_id INTEGER REFERENCES wards (id) CHECK ((successor_id IS NULL) = (dissolved_on IS NULL))) STRICT;

-- Mass organizations (đoàn thể): MTTQ, CA, PN, TN, CCB, NCT and any added.
CREATE TABLE orgs (
    id        INTEGER PRIMARY KEY,
    code      TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 40),
    name      TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    code_fold TEXT NOT NULL UNIQUE,
    name_fold TEXT NOT NULL UNIQUE
) STRICT;

-- Categories of person under management (prison, amnesty, …).
CREATE TABLE categories (
    id        INTEGER PRIMARY KEY,
    code      TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 40),
    name      TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    code_fold TEXT NOT NULL UNIQUE,
    name_fold TEXT NOT NULL UNIQUE
) STRICT;

-- Volunteer members of the model. A member belongs to one org and one ward; `left_on`
-- is the last day they served (NULL while they serve).
CREATE TABLE members (
    id        INTEGER PRIMARY KEY,
    name      TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    name_fold TEXT NOT NULL,
    org_id    INTEGER NOT NULL REFERENCES orgs (id),
    ward_id   INTEGER NOT NULL REFERENCES wards (id),
    phone     TEXT CHECK (phone IS NULL OR length(phone) BETWEEN 1 AND 40),
    joined_on TEXT NOT NULL CHECK (joined_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    left_on   TEXT CHECK (left_on IS NULL OR left_on >= joined_on)
) STRICT;
CREATE INDEX members_ward ON members (ward_id);
CREATE INDEX members_org ON members (org_id);
CREATE INDEX members_fold ON members (name_fold, org_id, ward_id);

-- People who are or were under management. One person may have several cases over
-- time (enrolled again after a release). The identity number (CCCD/CMND) is unique.
CREATE TABLE persons (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    name_fold  TEXT NOT NULL,
    birth_year INTEGER CHECK (birth_year IS NULL OR birth_year BETWEEN 1900 AND 2100),
    birth_date TEXT CHECK (birth_date IS NULL
                           OR (birth_year IS NOT NULL AND substr(birth_date, 1, 4) = printf('%04d', birth_year))),
    gender     TEXT CHECK (gender IS NULL OR gender IN ('male', 'female')),
    id_number  TEXT CHECK (id_number IS NULL OR (length(id_number) IN (9, 12) AND id_number NOT GLOB '*[^0-9]*')),
    address    TEXT CHECK (address IS NULL OR length(address) <= 500)
) STRICT;
CREATE UNIQUE INDEX persons_id_number ON persons (id_number) WHERE id_number IS NOT NULL;
CREATE INDEX persons_fold ON persons (name_fold, birth_year);

-- Cases (hồ sơ quản lý): one period under management of one person, numbered YYYY-NNNN
-- (year of enrollment, sequence within that year). A case is open while `released_on` is
-- NULL; a release carries its reason, and a `progressed` release its credited member.
CREATE TABLE cases (
    id                 INTEGER PRIMARY KEY,
    case_no            TEXT NOT NULL UNIQUE,
    year               INTEGER NOT NULL,
    seq                INTEGER NOT NULL CHECK (seq >= 1),
    person_id          INTEGER NOT NULL REFERENCES persons (id),
    ward_id            INTEGER NOT NULL REFERENCES wards (id),
    category_id        INTEGER NOT NULL REFERENCES categories (id),
    enrolled_on        TEXT NOT NULL CHECK (enrolled_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    released_on        TEXT CHECK (released_on IS NULL OR released_on >= enrolled_on),
    reason             TEXT CHECK (reason IS NULL OR reason IN
                           ('progressed', 'moved', 'deceased', 'reoffended', 'institution', 'other')),
    credited_member_id INTEGER REFERENCES members (id),
    note               TEXT CHECK (note IS NULL OR length(note) <= 4000),
    CHECK ((released_on IS NULL) = (reason IS NULL)),
    CHECK (credited_member_id IS NULL OR reason = 'progressed'),
    CHECK (reason IS NOT 'progressed' OR credited_member_id IS NOT NULL),
    CHECK (year = CAST(substr(enrolled_on, 1, 4) AS INTEGER)),
    UNIQUE (year, seq)
) STRICT;
-- One open case per person.
CREATE UNIQUE INDEX cases_one_open ON cases (person_id) WHERE released_on IS NULL;
CREATE INDEX cases_person ON cases (person_id);
CREATE INDEX cases_enrolled ON cases (enrolled_on);
CREATE INDEX cases_released ON cases (released_on) WHERE released_on IS NOT NULL;
CREATE INDEX cases_credited ON cases (credited_member_id, released_on) WHERE credited_member_id IS NOT NULL;

-- Assignments (phân công): which member is responsible for a case, from `start_on` to
-- `end_on` (NULL while current). Reassigning ends the previous one on the new start day.
CREATE TABLE assignments (
    id        INTEGER PRIMARY KEY,
    case_id   INTEGER NOT NULL REFERENCES cases (id),
    member_id INTEGER NOT NULL REFERENCES members (id),
    start_on  TEXT NOT NULL,
    end_on    TEXT CHECK (end_on IS NULL OR end_on >= start_on)
) STRICT;
-- One current assignment per case.
CREATE UNIQUE INDEX assignments_one_current ON assignments (case_id) WHERE end_on IS NULL;
CREATE INDEX assignments_case ON assignments (case_id, start_on);
CREATE INDEX assignments_member ON assignments (member_id, end_on);

-- Reviews (tiếp xúc, nhận xét, phân loại): one contact and its A–D classification.
-- `voided_on` / `void_reason` (version 7, `mh51 void review`): the day a contact recorded by
-- mistake was voided and why; a voided row stays but counts nowhere (SPEC §17). The two
-- columns are appended after `note` as ALTER TABLE wrote them, so a fresh and a migrated
-- file have the same schema.
CREATE TABLE reviews (
    id          INTEGER PRIMARY KEY,
    case_id     INTEGER NOT NULL REFERENCES cases (id),
    reviewed_on TEXT NOT NULL,
    class       TEXT NOT NULL CHECK (class = 'A' OR class = 'B' OR class = 'C' OR class = 'D'),
    member_id   INTEGER REFERENCES members (id),
    note        TEXT CHECK (note IS NULL OR length(note) <= 4000)
, voided_on TEXT, void_reason TEXT CHECK (void_reason IS NULL OR length(void_reason) <= 4000)) STRICT;
CREATE INDEX reviews_case ON reviews (case_id, voided_on, reviewed_on);
CREATE INDEX reviews_date ON reviews (reviewed_on, case_id, voided_on);

-- Supports (giúp đỡ): concrete help, with an optional amount in đồng; voided like reviews.
CREATE TABLE supports (
    id        INTEGER PRIMARY KEY,
    case_id   INTEGER NOT NULL REFERENCES cases (id),
    given_on  TEXT NOT NULL,
    kind      TEXT NOT NULL CHECK (kind = 'job' OR kind = 'loan' OR kind = 'training' OR kind = 'gift' OR kind = 'other'),
    amount    INTEGER CHECK (amount IS NULL OR amount >= 0),
    member_id INTEGER REFERENCES members (id),
    note      TEXT CHECK (note IS NULL OR length(note) <= 4000)
, voided_on TEXT, void_reason TEXT CHECK (void_reason IS NULL OR length(void_reason) <= 4000)) STRICT;
CREATE INDEX supports_case ON supports (case_id, voided_on, given_on);
CREATE INDEX supports_date ON supports (given_on, case_id);

-- The audit log: append-only (the triggers below refuse UPDATE and DELETE) and
-- hash-chained: `hash` = SHA-256 of `prev_hash` and this row's content (src/audit.rs).
CREATE TABLE audit_log (
    seq        INTEGER PRIMARY KEY,
    at         TEXT NOT NULL,
    actor      TEXT NOT NULL,
    action     TEXT NOT NULL,
    entity     TEXT NOT NULL,
    entity_key TEXT NOT NULL,
    detail     TEXT NOT NULL,
    prev_hash  TEXT NOT NULL,
    hash       TEXT NOT NULL
) STRICT;
CREATE INDEX audit_entity ON audit_log (entity, entity_key);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;

-- Nothing is deleted (SPEC §3), enforced by the file itself (added in version 2): a stray
-- DELETE in the sqlite3 shell is refused. Retention is done by anonymising closed cases in
-- place (README, "Data protection").
CREATE TRIGGER persons_no_delete BEFORE DELETE ON persons
BEGIN
    SELECT RAISE(ABORT, 'mh51 never deletes people: anonymise instead (see README, Data protection)');
END;
CREATE TRIGGER cases_no_delete BEFORE DELETE ON cases
BEGIN
    SELECT RAISE(ABORT, 'mh51 never deletes cases: release, or correct with mh51 edit');
END;
CREATE TRIGGER members_no_delete BEFORE DELETE ON members
BEGIN
    SELECT RAISE(ABORT, 'mh51 never deletes members: use mh51 member leave');
END;
CREATE TRIGGER assignments_no_delete BEFORE DELETE ON assignments
BEGIN
    SELECT RAISE(ABORT, 'mh51 never deletes assignment history');
END;
CREATE TRIGGER reviews_no_delete BEFORE DELETE ON reviews
BEGIN
    SELECT RAISE(ABORT, 'mh51 never deletes reviews');
END;
CREATE TRIGGER supports_no_delete BEFORE DELETE ON supports
BEGIN
    SELECT RAISE(ABORT, 'mh51 never deletes supports');
END;

-- Ward history (version 4): the ward of a case or member on day d is the row with the
-- greatest `from_on` <= d; the first row's `from_on` is the enrollment (joining) day. `cause`
-- says what began the row (`enroll`/`join`, `move`, `merge`). `cases.ward_id` and
-- `members.ward_id` hold the current (or last) ward, kept in step by src/domain/wards.rs.
CREATE TABLE case_wards (
    case_id INTEGER NOT NULL REFERENCES cases (id),
    from_on TEXT NOT NULL CHECK (from_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    ward_id INTEGER NOT NULL REFERENCES wards (id),
    cause   TEXT NOT NULL CHECK (cause = 'enroll' OR cause = 'move' OR cause = 'merge'),
    PRIMARY KEY (case_id, from_on)
) STRICT, WITHOUT ROWID;
CREATE INDEX case_wards_ward ON case_wards (ward_id);

CREATE TABLE member_wards (
    member_id INTEGER NOT NULL REFERENCES members (id),
    from_on   TEXT NOT NULL CHECK (from_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    ward_id   INTEGER NOT NULL REFERENCES wards (id),
    cause     TEXT NOT NULL CHECK (cause = 'join' OR cause = 'move' OR cause = 'merge'),
    PRIMARY KEY (member_id, from_on)
) STRICT, WITHOUT ROWID;
CREATE INDEX member_wards_ward ON member_wards (ward_id);

-- The ledger (version 5, SPEC §16): for every data row each write transaction inserted,
-- updated or deleted, the SHA-256 of the row's whole content (NULL: deleted) under the newest
-- audit row of that transaction; `ledger` seals each transaction's versions and chains them
-- with the audit log (src/domain/ledger.rs). Both are append-only.
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

-- The register's signing key (version 7, SPEC §19): one row, the Ed25519 public key (hex),
-- the secret seed (32 bytes; `mh51 query` reads it as NULL) and when it was made
-- (src/domain/signing.rs). Never changed, never deleted.
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

-- The periods sent to the city (version 8, SPEC §19): one row per revision of a period's
-- package; while `reopened_at` is NULL the period is sent and writes dated in it are refused
-- (src/domain/sent.rs). Only ever reopened, once per revision; never deleted.
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

-- v_cases: one row per case, for ad-hoc questions (`mh51 query`, the sqlite3 shell).
--   case_no            YYYY-NNNN
--   person_id          the person (several cases may share one)
--   name               the person's name (NFC)
--   birth_year         year of birth, or NULL
--   birth_date         exact date of birth (ISO), or NULL
--   gender             'male', 'female' or NULL
--   id_number          CCCD/CMND, or NULL
--   address            or NULL
--   ward               the current ward's code (for a released case, its last ward)
--   category           category code
--   enrolled_on        ISO date the case was opened
--   released_on        ISO date it was closed, NULL while open
--   reason             release reason, NULL while open
--   credited_member_id member credited with a progressed release
--   member_id          the current, or for a closed case the last, assigned member
--   note               free text
--   member_name        that member's name
--   org                that member's org code
--   last_contact       date of the latest review not voided, else the enrollment date
CREATE VIEW v_cases AS
SELECT c.case_no,
       c.person_id,
       p.name,
       p.birth_year,
       p.birth_date,
       p.gender,
       p.id_number,
       p.address,
       w.code AS ward,
       k.code AS category,
       c.enrolled_on,
       c.released_on,
       c.reason,
       c.credited_member_id,
       a.member_id,
       c.note,
       m.name AS member_name,
       o.code AS org,
       coalesce((SELECT max(r.reviewed_on) FROM reviews r WHERE r.case_id = c.id AND r.voided_on IS NULL),
                c.enrolled_on) AS last_contact
FROM cases c
JOIN persons p ON p.id = c.person_id
JOIN wards w ON w.id = c.ward_id
JOIN categories k ON k.id = c.category_id
LEFT JOIN assignments a ON a.id = (SELECT a2.id FROM assignments a2 WHERE a2.case_id = c.id
                                   ORDER BY a2.start_on DESC, a2.id DESC LIMIT 1)
LEFT JOIN members m ON m.id = a.member_id
LEFT JOIN orgs o ON o.id = m.org_id;

-- v_members: one row per member.
--   id, name, org (code), ward (code), phone, joined_on, left_on (NULL while serving)
--   open_cases  open cases currently assigned to the member
CREATE VIEW v_members AS
SELECT m.id,
       m.name,
       o.code AS org,
       w.code AS ward,
       m.phone,
       m.joined_on,
       m.left_on,
       (SELECT count(*) FROM assignments a JOIN cases c ON c.id = a.case_id
        WHERE a.member_id = m.id AND a.end_on IS NULL AND c.released_on IS NULL) AS open_cases
FROM members m
JOIN orgs o ON o.id = m.org_id
JOIN wards w ON w.id = m.ward_id;

-- v_reviews: the contacts that count, one row per review not voided — the columns of
-- `mh51 export reviews`: id, case_no, reviewed_on (ISO), class (A–D), member_id (who made
-- the contact, NULL if nobody was assigned), note. Voided rows are in the table `reviews`
-- (voided_on, void_reason) and in `mh51 export reviews --voided`.
CREATE VIEW v_reviews AS
SELECT r.id, c.case_no, r.reviewed_on, r.class, r.member_id, r.note
FROM reviews r JOIN cases c ON c.id = r.case_id
WHERE r.voided_on IS NULL;

-- v_supports: the supports that count, one row per support not voided — the columns of
-- `mh51 export supports`: id, case_no, given_on (ISO), kind, amount (đồng, or NULL),
-- member_id, note.
CREATE VIEW v_supports AS
SELECT s.id, c.case_no, s.given_on, s.kind, s.amount, s.member_id, s.note
FROM supports s JOIN cases c ON c.id = s.case_id
WHERE s.voided_on IS NULL;
