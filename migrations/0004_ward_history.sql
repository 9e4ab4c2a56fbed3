-- mh51 migration 4: wards change (SPEC §13) — a ward's existence, and the ward of each case
-- and member on each day.
--
-- A ward exists from `from_on` (NULL: since the register began) until the day before
-- `dissolved_on` (NULL: it still exists); a dissolved ward names the ward that took it over
-- (`successor_id`). `case_wards` and `member_wards` hold one row per change: the ward of a
-- case on day d is the row with the greatest `from_on` <= d, and the first row's `from_on` is
-- the enrollment (joining) day. `cause` says what began the row. WITHOUT ROWID: the primary
-- key is the table, so "ward of case X on day d" is one covering seek (reports do 100,000). `cases.ward_id` and
-- `members.ward_id` stay, meaning the current (or last) ward, so `v_cases`, `v_members`,
-- `list --ward` and scripts keep working; src/domain/wards.rs keeps them in step.
--
-- Every existing case and member gets one row from its current ward: a register made by an
-- earlier mh51 had no moves, so every report of every period gives the same figures.
-- Never edit this file.
ALTER TABLE wards ADD COLUMN from_on TEXT CHECK (from_on IS NULL OR from_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]');
ALTER TABLE wards ADD COLUMN dissolved_on TEXT CHECK (dissolved_on IS NULL OR dissolved_on > coalesce(from_on, ''));
ALTER TABLE wards ADD COLUMN successor_id INTEGER REFERENCES wards (id) CHECK ((successor_id IS NULL) = (dissolved_on IS NULL));

CREATE TABLE case_wards (
    case_id INTEGER NOT NULL REFERENCES cases (id),
    from_on TEXT NOT NULL CHECK (from_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    ward_id INTEGER NOT NULL REFERENCES wards (id),
    cause   TEXT NOT NULL CHECK (cause IN ('enroll', 'move', 'merge')),
    PRIMARY KEY (case_id, from_on)
) STRICT, WITHOUT ROWID;
CREATE INDEX case_wards_ward ON case_wards (ward_id);

CREATE TABLE member_wards (
    member_id INTEGER NOT NULL REFERENCES members (id),
    from_on   TEXT NOT NULL CHECK (from_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    ward_id   INTEGER NOT NULL REFERENCES wards (id),
    cause     TEXT NOT NULL CHECK (cause IN ('join', 'move', 'merge')),
    PRIMARY KEY (member_id, from_on)
) STRICT, WITHOUT ROWID;
CREATE INDEX member_wards_ward ON member_wards (ward_id);

INSERT INTO case_wards (case_id, from_on, ward_id, cause) SELECT id, enrolled_on, ward_id, 'enroll' FROM cases;
INSERT INTO member_wards (member_id, from_on, ward_id, cause) SELECT id, joined_on, ward_id, 'join' FROM members;
