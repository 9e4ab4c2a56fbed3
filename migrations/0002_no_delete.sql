-- mh51 migration 2: nothing is deleted (SPEC §3), enforced by the file itself.
--
-- Version 1 guarded only the audit log. A stray `DELETE` typed in the sqlite3 shell could
-- silently remove people, cases or their history, and reports would simply count less.
-- These triggers refuse DELETE on every table of the register; corrections stay explicit,
-- audited commands. Retention is done by anonymising closed cases in place (README, "Data
-- protection"), which keeps the counts of past reports true. Never edit this file.
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
