-- mh51 migration 9 (schema version 9): four CHECK constraints written as a list of values
-- (`class IN ('A', 'B', 'C', 'D')`) written instead as comparisons joined by OR. Never edit
-- this file.
--
-- Why: SQLite checks `x IN (three or more constants)` in a CHECK constraint by building a
-- temporary B-tree of the constants for every row it inserts or updates (it opens, fills and
-- closes one each time), which made inserting a contact twice as slow as inserting the same
-- row with no check at all (BENCHMARKS.md, "The lists of values in four CHECK
-- constraints"). The comparisons accept and refuse exactly the same values (each column is
-- NOT NULL TEXT in a STRICT table) and cost nothing measurable.
--
-- How: SQLite's own procedure for changing a CHECK constraint without rewriting a row
-- (https://sqlite.org/lang_altertable.html, "Making Other Kinds Of Table Schema Changes"):
-- the table's definition is edited in `sqlite_schema`, which src/db.rs (`migrate`) opens for
-- writing around this file and then bumps `schema_version` so every connection reads the
-- new definitions. No row changes, so the ledger has nothing to record.
UPDATE sqlite_schema
   SET sql = replace(sql, 'CHECK (class IN (''A'', ''B'', ''C'', ''D''))',
                          'CHECK (class = ''A'' OR class = ''B'' OR class = ''C'' OR class = ''D'')')
 WHERE type = 'table' AND name = 'reviews';
UPDATE sqlite_schema
   SET sql = replace(sql, 'CHECK (kind IN (''job'', ''loan'', ''training'', ''gift'', ''other''))',
                          'CHECK (kind = ''job'' OR kind = ''loan'' OR kind = ''training'' OR kind = ''gift'' OR kind = ''other'')')
 WHERE type = 'table' AND name = 'supports';
UPDATE sqlite_schema
   SET sql = replace(sql, 'CHECK (cause IN (''enroll'', ''move'', ''merge''))',
                          'CHECK (cause = ''enroll'' OR cause = ''move'' OR cause = ''merge'')')
 WHERE type = 'table' AND name = 'case_wards';
UPDATE sqlite_schema
   SET sql = replace(sql, 'CHECK (cause IN (''join'', ''move'', ''merge''))',
                          'CHECK (cause = ''join'' OR cause = ''move'' OR cause = ''merge'')')
 WHERE type = 'table' AND name = 'member_wards';
