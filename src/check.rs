//! `mh51 check`: re-verify a register from its stored rows.
//!
//! The commands enforce SPEC §3 when they write; the schema backs some rules with CHECKs,
//! partial unique indexes and triggers. But the file can be opened by anyone holding it (the
//! `sqlite3` shell, a script, a disk error), so `check` trusts nothing: it runs SQLite's own
//! `integrity_check` and `foreign_key_check`, re-states every rule of §3 as a query that
//! returns the rows breaking it, and walks the audit hash chain. Each problem names its row
//! by case number, person id, member id or audit sequence number, never by a person's name
//! or identity number, so a check report can be shown to whoever maintains the machine.
//!
//! Nothing here writes: the caller passes a read-only connection.

use anyhow::Result;
use chrono::NaiveDate;
use rusqlite::Connection;

use crate::audit;
use crate::domain::ledger;
use crate::domain::types::iso;
use crate::text::{clean, fold, natural_key};

/// One problem found, in both languages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub en: String,
    pub vi: String,
}

impl Problem {
    pub fn text(&self, vietnamese: bool) -> &str {
        if vietnamese {
            &self.vi
        } else {
            &self.en
        }
    }
}

/// What a check found, and how much it looked at (for the all-clear line).
#[derive(Debug, Clone, Default)]
pub struct Report {
    pub problems: Vec<Problem>,
    /// How many rules of the register were checked (besides SQLite's integrity and
    /// foreign key checks and the audit chain).
    pub rules: usize,
    pub cases: i64,
    pub audit_rows: i64,
    /// Data rows proved against the ledger, and in how many tables.
    pub rows_proved: i64,
    pub tables: usize,
    /// The head (`SEQ`, ledger hash) the proof reached.
    pub head: Option<(i64, String)>,
}

/// A rule of the register as a query. The query returns the rows that break it as
/// `(kind, key, detail)`: `kind` is `case`, `person`, `member`, `assignment`, `review`,
/// `support` or `table`, `key` names the row, `detail` holds ids and dates only. A `?1`
/// in the query is bound to today's date.
struct Rule {
    /// What the rule forbids, as the catalogue's id (`i18n/*/check.ftl`).
    words: &'static str,
    sql: &'static str,
}

/// `col` is a real ISO calendar day (`date()` normalises 2022-02-31 to 2022-03-03, so a
/// round trip catches impossible days) from 1900 on.
macro_rules! valid_date {
    ($col:literal) => {
        concat!(
            "(",
            $col,
            " GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND date(",
            $col,
            ") IS ",
            $col,
            " AND ",
            $col,
            " >= '1900-01-01')"
        )
    };
}

const RULES: &[Rule] = &[
    Rule {
        words: "check-rule-person-more-than-one-open",
        sql: "SELECT 'person', CAST(person_id AS TEXT), 'open cases ' || group_concat(case_no, ', ')
              FROM (SELECT person_id, case_no FROM cases WHERE released_on IS NULL ORDER BY case_no)
              GROUP BY person_id HAVING count(*) > 1",
    },
    Rule {
        words: "check-rule-two-cases-same-person-overlap",
        sql: "SELECT 'case', b.case_no, 'enrolled ' || b.enrolled_on || ' while case ' || a.case_no || ' ran from '
                     || a.enrolled_on || ' to ' || coalesce(a.released_on, 'now')
              FROM cases a JOIN cases b ON b.person_id = a.person_id AND b.id <> a.id
              WHERE (a.enrolled_on < b.enrolled_on OR (a.enrolled_on = b.enrolled_on AND a.id < b.id))
                AND (a.released_on IS NULL OR a.released_on > b.enrolled_on)
                AND NOT (a.released_on IS NULL AND b.released_on IS NULL)
              ORDER BY b.case_no",
    },
    Rule {
        words: "check-rule-case-more-than-one-current",
        sql: "SELECT 'case', c.case_no, 'members ' || group_concat(a.member_id, ', ')
              FROM assignments a JOIN cases c ON c.id = a.case_id
              WHERE a.end_on IS NULL GROUP BY a.case_id HAVING count(*) > 1 ORDER BY c.case_no",
    },
    Rule {
        words: "check-rule-released-case-still-current-assignment",
        sql: "SELECT 'case', c.case_no, 'released ' || c.released_on || ', member ' || a.member_id || ' still assigned'
              FROM assignments a JOIN cases c ON c.id = a.case_id
              WHERE a.end_on IS NULL AND c.released_on IS NOT NULL ORDER BY c.case_no",
    },
    Rule {
        words: "check-rule-two-assignments-case-overlap-time",
        sql: "SELECT 'case', c.case_no, 'member ' || a.member_id || ' from ' || a.start_on || ' to '
                     || coalesce(a.end_on, 'now') || ' overlaps member ' || b.member_id || ' from ' || b.start_on
              FROM assignments a JOIN assignments b ON b.case_id = a.case_id AND b.id <> a.id
              JOIN cases c ON c.id = a.case_id
              WHERE (a.start_on < b.start_on OR (a.start_on = b.start_on AND a.id < b.id))
                AND (a.end_on IS NULL OR a.end_on > b.start_on)
                AND NOT (a.end_on IS NULL AND b.end_on IS NULL)
              ORDER BY c.case_no",
    },
    Rule {
        words: "check-rule-assignment-lies-outside-case-s",
        sql: "SELECT 'case', c.case_no, 'member ' || a.member_id || ' from ' || a.start_on || ' to '
                     || coalesce(a.end_on, 'now') || '; case ' || c.enrolled_on || ' to ' || coalesce(c.released_on, 'now')
              FROM assignments a JOIN cases c ON c.id = a.case_id
              WHERE a.start_on < c.enrolled_on
                 OR (a.end_on IS NOT NULL AND a.end_on < a.start_on)
                 OR (c.released_on IS NOT NULL AND coalesce(a.end_on, a.start_on) > c.released_on)
              ORDER BY c.case_no",
    },
    Rule {
        words: "check-rule-review-dated-outside-case-s",
        sql: "SELECT 'case', c.case_no, 'review ' || r.id || ' on ' || r.reviewed_on || '; case '
                     || c.enrolled_on || ' to ' || coalesce(c.released_on, 'now')
              FROM reviews r JOIN cases c ON c.id = r.case_id
              WHERE r.voided_on IS NULL
                AND (r.reviewed_on < c.enrolled_on OR r.reviewed_on > coalesce(c.released_on, r.reviewed_on))
              ORDER BY c.case_no, r.id",
    },
    Rule {
        words: "check-rule-support-dated-outside-case-s",
        sql: "SELECT 'case', c.case_no, 'support ' || s.id || ' on ' || s.given_on || '; case '
                     || c.enrolled_on || ' to ' || coalesce(c.released_on, 'now')
              FROM supports s JOIN cases c ON c.id = s.case_id
              WHERE s.voided_on IS NULL
                AND (s.given_on < c.enrolled_on OR s.given_on > coalesce(c.released_on, s.given_on))
              ORDER BY c.case_no, s.id",
    },
    Rule {
        words: "check-rule-release-incomplete-inconsistent-date-reason",
        sql: "SELECT 'case', case_no, 'released_on ' || coalesce(released_on, 'none') || ', reason '
                     || coalesce(reason, 'none') || ', credited member ' || coalesce(credited_member_id, 'none')
              FROM cases
              WHERE (released_on IS NULL) <> (reason IS NULL)
                 OR (reason IS NOT NULL AND reason NOT IN
                     ('progressed', 'moved', 'deceased', 'reoffended', 'institution', 'other'))
                 OR released_on < enrolled_on
                 OR (credited_member_id IS NOT NULL AND reason IS NOT 'progressed')
                 OR (reason = 'progressed' AND credited_member_id IS NULL)
              ORDER BY case_no",
    },
    Rule {
        words: "check-rule-member-credited-with-progressed-release",
        sql: "SELECT 'case', c.case_no, 'credited member ' || c.credited_member_id || ', released ' || c.released_on
                     || coalesce('; member served ' || m.joined_on || ' to ' || coalesce(m.left_on, 'now'), '; no such member')
              FROM cases c LEFT JOIN members m ON m.id = c.credited_member_id
              WHERE c.credited_member_id IS NOT NULL
                AND (m.id IS NULL OR m.joined_on > c.released_on OR m.left_on < c.released_on)
              ORDER BY c.case_no",
    },
    Rule {
        words: "check-rule-case-assigned-member-who-was",
        sql: "SELECT 'case', c.case_no, 'member ' || a.member_id || ' from ' || a.start_on
                     || coalesce('; member served ' || m.joined_on || ' to ' || coalesce(m.left_on, 'now'), '; no such member')
              FROM assignments a JOIN cases c ON c.id = a.case_id LEFT JOIN members m ON m.id = a.member_id
              WHERE m.id IS NULL OR m.joined_on > a.start_on OR m.left_on < a.start_on
              ORDER BY c.case_no",
    },
    Rule {
        words: "check-rule-assignment-runs-past-day-member",
        sql: "SELECT 'case', c.case_no, 'member ' || a.member_id || ' left ' || m.left_on || ', assignment from '
                     || a.start_on || ' to ' || coalesce(a.end_on, 'now')
              FROM assignments a JOIN cases c ON c.id = a.case_id JOIN members m ON m.id = a.member_id
              WHERE m.left_on IS NOT NULL AND a.start_on <= m.left_on
                AND (a.end_on IS NULL OR a.end_on > m.left_on)
              ORDER BY c.case_no",
    },
    Rule {
        words: "check-rule-review-recorded-by-member-who",
        sql: "SELECT 'case', c.case_no, 'review ' || r.id || ' on ' || r.reviewed_on || ' by member ' || r.member_id
                     || coalesce('; member served ' || m.joined_on || ' to ' || coalesce(m.left_on, 'now'), '; no such member')
              FROM reviews r JOIN cases c ON c.id = r.case_id LEFT JOIN members m ON m.id = r.member_id
              WHERE r.member_id IS NOT NULL AND r.voided_on IS NULL
                AND (m.id IS NULL OR m.joined_on > r.reviewed_on OR m.left_on < r.reviewed_on)
              ORDER BY c.case_no, r.id",
    },
    Rule {
        words: "check-rule-support-recorded-by-member-who",
        sql: "SELECT 'case', c.case_no, 'support ' || s.id || ' on ' || s.given_on || ' by member ' || s.member_id
                     || coalesce('; member served ' || m.joined_on || ' to ' || coalesce(m.left_on, 'now'), '; no such member')
              FROM supports s JOIN cases c ON c.id = s.case_id LEFT JOIN members m ON m.id = s.member_id
              WHERE s.member_id IS NOT NULL AND s.voided_on IS NULL
                AND (m.id IS NULL OR m.joined_on > s.given_on OR m.left_on < s.given_on)
              ORDER BY c.case_no, s.id",
    },
    Rule {
        words: "check-rule-identity-number-not-9-12",
        sql: "SELECT 'person', CAST(id AS TEXT), length(id_number) || ' characters'
              FROM persons
              WHERE id_number IS NOT NULL
                AND (length(id_number) NOT IN (9, 12) OR id_number GLOB '*[^0-9]*' OR typeof(id_number) <> 'text')
              ORDER BY id",
    },
    Rule {
        words: "check-rule-identity-number-held-by-more",
        sql: "SELECT 'person', CAST(min(id) AS TEXT), 'also persons ' || group_concat(id, ', ')
              FROM persons WHERE id_number IS NOT NULL GROUP BY id_number HAVING count(*) > 1 ORDER BY min(id)",
    },
    Rule {
        words: "check-rule-date-not-real-calendar-day",
        sql: concat!(
            "SELECT 'case', case_no, 'enrolled_on ' || quote(enrolled_on) FROM cases WHERE NOT ", valid_date!("enrolled_on"),
            " UNION ALL SELECT 'case', case_no, 'released_on ' || quote(released_on) FROM cases
               WHERE released_on IS NOT NULL AND NOT ", valid_date!("released_on"),
            " UNION ALL SELECT 'case', c.case_no, 'assignment start_on ' || quote(a.start_on)
               FROM assignments a JOIN cases c ON c.id = a.case_id WHERE NOT ", valid_date!("a.start_on"),
            " UNION ALL SELECT 'case', c.case_no, 'assignment end_on ' || quote(a.end_on)
               FROM assignments a JOIN cases c ON c.id = a.case_id WHERE a.end_on IS NOT NULL AND NOT ", valid_date!("a.end_on"),
            " UNION ALL SELECT 'case', c.case_no, 'review ' || r.id || ' reviewed_on ' || quote(r.reviewed_on)
               FROM reviews r JOIN cases c ON c.id = r.case_id WHERE NOT ", valid_date!("r.reviewed_on"),
            " UNION ALL SELECT 'case', c.case_no, 'support ' || s.id || ' given_on ' || quote(s.given_on)
               FROM supports s JOIN cases c ON c.id = s.case_id WHERE NOT ", valid_date!("s.given_on"),
            " UNION ALL SELECT 'member', CAST(id AS TEXT), 'joined_on ' || quote(joined_on) FROM members WHERE NOT ",
            valid_date!("joined_on"),
            " UNION ALL SELECT 'member', CAST(id AS TEXT), 'left_on ' || quote(left_on) FROM members
               WHERE left_on IS NOT NULL AND NOT ", valid_date!("left_on"),
            " UNION ALL SELECT 'person', CAST(id AS TEXT), 'birth_date is not a valid date' FROM persons
               WHERE birth_date IS NOT NULL AND NOT ", valid_date!("birth_date"),
        ),
    },
    Rule {
        words: "check-rule-date-future",
        sql: "SELECT 'case', case_no, 'enrolled_on ' || enrolled_on FROM cases WHERE enrolled_on > ?1
              UNION ALL SELECT 'case', case_no, 'released_on ' || released_on FROM cases WHERE released_on > ?1
              UNION ALL SELECT 'case', c.case_no, 'assignment from ' || a.start_on || ' to ' || coalesce(a.end_on, 'now')
                FROM assignments a JOIN cases c ON c.id = a.case_id WHERE a.start_on > ?1 OR a.end_on > ?1
              UNION ALL SELECT 'case', c.case_no, 'review ' || r.id || ' on ' || r.reviewed_on
                FROM reviews r JOIN cases c ON c.id = r.case_id WHERE r.reviewed_on > ?1
              UNION ALL SELECT 'case', c.case_no, 'support ' || s.id || ' on ' || s.given_on
                FROM supports s JOIN cases c ON c.id = s.case_id WHERE s.given_on > ?1
              UNION ALL SELECT 'member', CAST(id AS TEXT), 'joined ' || joined_on || ', left ' || coalesce(left_on, 'never')
                FROM members WHERE joined_on > ?1 OR left_on > ?1
              UNION ALL SELECT 'person', CAST(id AS TEXT), 'birth date in the future' FROM persons WHERE birth_date > ?1",
    },
    Rule {
        words: "check-rule-case-number-does-not-match",
        sql: "SELECT 'case', case_no, 'year ' || year || ', seq ' || seq || ', enrolled ' || enrolled_on
              FROM cases
              WHERE case_no IS NOT printf('%04d-%04d', year, seq)
                 OR year IS NOT CAST(substr(enrolled_on, 1, 4) AS INTEGER)
                 OR seq < 1
              ORDER BY case_no",
    },
    Rule {
        words: "check-rule-member-left-before-joining",
        sql: "SELECT 'member', CAST(id AS TEXT), 'joined ' || joined_on || ', left ' || left_on
              FROM members WHERE left_on < joined_on ORDER BY id",
    },
    Rule {
        words: "check-rule-value-outside-vocabulary-limits",
        sql: "SELECT 'case', c.case_no, 'review ' || r.id || ' class ' || quote(r.class)
                FROM reviews r JOIN cases c ON c.id = r.case_id WHERE r.class NOT IN ('A', 'B', 'C', 'D')
              UNION ALL SELECT 'case', c.case_no, 'support ' || s.id || ' kind ' || quote(s.kind)
                FROM supports s JOIN cases c ON c.id = s.case_id
                WHERE s.kind NOT IN ('job', 'loan', 'training', 'gift', 'other')
              UNION ALL SELECT 'case', c.case_no, 'support ' || s.id || ' amount ' || quote(s.amount)
                FROM supports s JOIN cases c ON c.id = s.case_id
                WHERE s.amount IS NOT NULL AND (typeof(s.amount) <> 'integer' OR s.amount < 0)
              UNION ALL SELECT 'person', CAST(id AS TEXT), 'gender ' || quote(gender)
                FROM persons WHERE gender IS NOT NULL AND gender NOT IN ('male', 'female')
              UNION ALL SELECT 'person', CAST(id AS TEXT), 'birth year ' || quote(birth_year)
                FROM persons WHERE birth_year IS NOT NULL AND (birth_year < 1900 OR birth_year > CAST(substr(?1, 1, 4) AS INTEGER))
              UNION ALL SELECT 'person', CAST(id AS TEXT), 'birth date does not match birth year ' || quote(birth_year)
                FROM persons WHERE birth_date IS NOT NULL AND substr(birth_date, 1, 4) IS NOT printf('%04d', birth_year)
              UNION ALL SELECT 'case', case_no, 'note of ' || length(note) || ' characters (at most 4000)'
                FROM cases WHERE length(note) > 4000
              UNION ALL SELECT 'case', c.case_no, 'review ' || r.id || ' note of ' || length(r.note) || ' characters (at most 4000)'
                FROM reviews r JOIN cases c ON c.id = r.case_id WHERE length(r.note) > 4000
              UNION ALL SELECT 'case', c.case_no, 'support ' || s.id || ' note of ' || length(s.note) || ' characters (at most 4000)'
                FROM supports s JOIN cases c ON c.id = s.case_id WHERE length(s.note) > 4000
              UNION ALL SELECT 'person', CAST(id AS TEXT), 'address of ' || length(address) || ' characters (at most 500)'
                FROM persons WHERE length(address) > 500",
    },
    Rule {
        words: "check-rule-person-was-born-after-one",
        sql: "SELECT 'case', c.case_no, 'born ' || p.birth_year || ', enrolled ' || c.enrolled_on
              FROM cases c JOIN persons p ON p.id = c.person_id
              WHERE p.birth_year > CAST(substr(c.enrolled_on, 1, 4) AS INTEGER) ORDER BY c.case_no",
    },
    Rule {
        words: "check-rule-person-no-case",
        sql: "SELECT 'person', CAST(p.id AS TEXT), 'no case refers to this person'
              FROM persons p WHERE NOT EXISTS (SELECT 1 FROM cases c WHERE c.person_id = p.id) ORDER BY p.id",
    },
    Rule {
        words: "check-rule-case-member-no-audit-row",
        // A register made by `extract` holds the cases and members it was handed up to the
        // ids its first audit row records; their history is in the source's chain.
        sql: "WITH x AS (SELECT coalesce((SELECT json_extract(detail, '$.last_case_id') FROM audit_log
                                           WHERE seq = 1 AND action = 'extract'), 0) AS c,
                                 coalesce((SELECT json_extract(detail, '$.last_member_id') FROM audit_log
                                           WHERE seq = 1 AND action = 'extract'), 0) AS m)
              SELECT 'case', c.case_no, 'no audit row for this case' FROM cases c
              WHERE c.id > (SELECT c FROM x)
                AND NOT EXISTS (SELECT 1 FROM audit_log l WHERE l.entity = 'case' AND l.entity_key = c.case_no)
              UNION ALL SELECT 'member', CAST(m.id AS TEXT), 'no audit row for this member' FROM members m
              WHERE m.id > (SELECT m FROM x)
                AND NOT EXISTS (SELECT 1 FROM audit_log l WHERE l.entity = 'member' AND l.entity_key = CAST(m.id AS TEXT))",
    },
    // Wards change (SPEC §13): one ward per case and member per day (the primary key
    // (case_id, from_on) holds one row per day), a history that covers exactly the case's
    // (member's) own days, and no day spent in a ward that did not exist on it.
    Rule {
        words: "check-rule-case-s-ward-history-does",
        sql: "SELECT 'case', c.case_no, 'enrolled ' || c.enrolled_on || ', first ward row '
                     || coalesce((SELECT min(cw.from_on) FROM case_wards cw WHERE cw.case_id = c.id), 'none')
              FROM cases c
              WHERE (SELECT min(cw.from_on) FROM case_wards cw WHERE cw.case_id = c.id) IS NOT c.enrolled_on
              ORDER BY c.case_no",
    },
    Rule {
        words: "check-rule-case-changes-ward-after-release",
        sql: "SELECT 'case', c.case_no, 'ward change on ' || cw.from_on || ', released ' || c.released_on
              FROM case_wards cw JOIN cases c ON c.id = cw.case_id
              WHERE c.released_on IS NOT NULL AND cw.from_on > c.released_on
              ORDER BY c.case_no",
    },
    Rule {
        words: "check-rule-case-s-ward-not-ward",
        sql: "SELECT 'case', c.case_no, 'ward id ' || c.ward_id
              FROM cases c
              WHERE c.ward_id IS NOT (SELECT cw.ward_id FROM case_wards cw WHERE cw.case_id = c.id
                                      ORDER BY cw.from_on DESC LIMIT 1)
              ORDER BY c.case_no",
    },
    Rule {
        words: "check-rule-case-ward-on-day-ward",
        sql: "SELECT 'case', case_no, 'ward ' || code || ' from ' || s || ' to ' || coalesce(e, 'now')
                     || '; the ward exists from ' || coalesce(wf, 'the start') || coalesce(' until before ' || wd, ' on')
              FROM (SELECT c.case_no, w.code, cw.from_on AS s, w.from_on AS wf, w.dissolved_on AS wd,
                           coalesce(date(lead(cw.from_on) OVER (PARTITION BY cw.case_id ORDER BY cw.from_on), '-1 day'),
                                    c.released_on) AS e
                    FROM case_wards cw JOIN cases c ON c.id = cw.case_id JOIN wards w ON w.id = cw.ward_id)
              WHERE (wf IS NOT NULL AND wf > s) OR (wd IS NOT NULL AND (e IS NULL OR wd <= e))
              ORDER BY case_no, s",
    },
    Rule {
        words: "check-rule-member-s-ward-history-does",
        sql: "SELECT 'member', CAST(m.id AS TEXT), 'joined ' || m.joined_on || ', first ward row '
                     || coalesce((SELECT min(mw.from_on) FROM member_wards mw WHERE mw.member_id = m.id), 'none')
              FROM members m
              WHERE (SELECT min(mw.from_on) FROM member_wards mw WHERE mw.member_id = m.id) IS NOT m.joined_on
              ORDER BY m.id",
    },
    Rule {
        words: "check-rule-member-changes-ward-after-leaving",
        sql: "SELECT 'member', CAST(m.id AS TEXT), 'ward change on ' || mw.from_on || ', left ' || m.left_on
              FROM member_wards mw JOIN members m ON m.id = mw.member_id
              WHERE m.left_on IS NOT NULL AND mw.from_on > m.left_on
              ORDER BY m.id",
    },
    Rule {
        words: "check-rule-member-s-ward-not-ward",
        sql: "SELECT 'member', CAST(m.id AS TEXT), 'ward id ' || m.ward_id
              FROM members m
              WHERE m.ward_id IS NOT (SELECT mw.ward_id FROM member_wards mw WHERE mw.member_id = m.id
                                      ORDER BY mw.from_on DESC LIMIT 1)
              ORDER BY m.id",
    },
    Rule {
        words: "check-rule-member-ward-on-day-ward",
        sql: "SELECT 'member', CAST(id AS TEXT), 'ward ' || code || ' from ' || s || ' to ' || coalesce(e, 'now')
                     || '; the ward exists from ' || coalesce(wf, 'the start') || coalesce(' until before ' || wd, ' on')
              FROM (SELECT m.id, w.code, mw.from_on AS s, w.from_on AS wf, w.dissolved_on AS wd,
                           coalesce(date(lead(mw.from_on) OVER (PARTITION BY mw.member_id ORDER BY mw.from_on), '-1 day'),
                                    m.left_on) AS e
                    FROM member_wards mw JOIN members m ON m.id = mw.member_id JOIN wards w ON w.id = mw.ward_id)
              WHERE (wf IS NOT NULL AND wf > s) OR (wd IS NOT NULL AND (e IS NULL OR wd <= e))
              ORDER BY id, s",
    },
    Rule {
        words: "check-rule-dissolved-ward-s-successor-did",
        sql: "SELECT 'ward', w.code, 'dissolved ' || w.dissolved_on || ' into ' || coalesce(s.code, 'nothing')
              FROM wards w LEFT JOIN wards s ON s.id = w.successor_id
              WHERE w.dissolved_on IS NOT NULL
                AND (s.id IS NULL OR s.id = w.id OR coalesce(s.from_on, '') > w.dissolved_on
                     OR coalesce(s.dissolved_on, '9999-12-31') <= w.dissolved_on)
              ORDER BY w.code",
    },
];

/// Rules checked in Rust over every row: how names are stored.
const NAME_RULES: usize = 2;

/// How many rules of the register `check` verifies, besides SQLite's integrity and foreign
/// key checks and the audit chain.
pub fn rule_count() -> usize {
    RULES.len() + NAME_RULES
}

/// What a problem is about, in the reader's language.
fn subject(kind: &str, vi: bool) -> String {
    match kind {
        "case" => crate::w!(vi, "check-subject-case"),
        "person" => crate::w!(vi, "check-subject-person"),
        "member" => crate::w!(vi, "check-subject-member"),
        "audit" => crate::w!(vi, "check-subject-audit"),
        "ward" => crate::w!(vi, "check-subject-ward"),
        "org" => crate::w!(vi, "check-subject-org"),
        "category" => crate::w!(vi, "check-subject-category"),
        _ => crate::w!(vi, "check-subject-table"),
    }
}

fn problem(kind: &str, key: &str, rule_en: &str, rule_vi: &str, detail: &str) -> Problem {
    let (ken, kvi) = (subject(kind, false), subject(kind, true));
    let tail = if detail.is_empty() { String::new() } else { format!(" ({detail})") };
    Problem { en: format!("{ken} {key}: {rule_en}{tail}"), vi: format!("{kvi} {key}: {rule_vi}{tail}") }
}

/// Check the whole register. Returns every problem found; an error only when the file
/// cannot be read at all.
pub fn check(conn: &Connection, today: NaiveDate) -> Result<Report> {
    let mut report = Report { rules: rule_count(), ..Report::default() };
    let today = iso(today);

    // 1. SQLite's own view of the file.
    match pragma_rows(conn, "SELECT * FROM pragma_integrity_check") {
        Ok(rows) => {
            for r in rows.into_iter().filter(|r| r != "ok") {
                report.problems.push(problem(
                    "table",
                    "-",
                    &crate::w!(false, "check-sqlite-integrity-failed"),
                    &crate::w!(true, "check-sqlite-integrity-failed"),
                    &r,
                ));
            }
        }
        Err(e) => report.problems.push(could_not_run("integrity_check", &e)),
    }
    match foreign_keys(conn) {
        Ok(rows) => {
            for (table, rowid, parent) in rows {
                report.problems.push(problem(
                    "table",
                    &format!("{table} row {rowid}"),
                    &crate::w!(false, "check-refers-to-missing-row"),
                    &crate::w!(true, "check-refers-to-missing-row"),
                    &format!("in {parent}"),
                ));
            }
        }
        Err(e) => report.problems.push(could_not_run("foreign_key_check", &e)),
    }

    // 2. The rules of the register.
    for rule in RULES {
        if let Err(e) = run_rule(conn, rule, &today, &mut report.problems) {
            report.problems.push(could_not_run(&crate::words::text(false, rule.words, &[]), &e));
        }
    }
    if let Err(e) = names(conn, &mut report.problems) {
        report.problems.push(could_not_run("names", &e));
    }

    // 3. The audit chain.
    match audit::verify(conn) {
        Ok(None) => {}
        Ok(Some((seq, what))) => report.problems.push(problem(
            "audit",
            &seq.to_string(),
            &crate::w!(false, "check-audit-chain-broken"),
            &crate::w!(true, "check-audit-chain-broken"),
            &what,
        )),
        Err(e) => report.problems.push(could_not_run("audit verify", &e)),
    }
    // 4. The data against the ledger, and the schema against schema.sql (SPEC §16).
    match data(conn) {
        Ok((problems, proved, tables)) => {
            report.problems.extend(problems);
            report.rows_proved = proved;
            report.tables = tables;
        }
        Err(e) => report.problems.push(could_not_run("ledger", &e)),
    }
    match schema(conn) {
        Ok(problems) => report.problems.extend(problems),
        Err(e) => report.problems.push(could_not_run("schema", &e)),
    }
    // The signing key's two halves belong together (a missing key is a rule above). The
    // secret is read to compare, never shown.
    match crate::domain::signing::present(conn) {
        Ok(false) => report.problems.push(Problem {
            en: crate::w!(false, "check-no-signing-key"),
            vi: crate::w!(true, "check-no-signing-key"),
        }),
        Ok(true) if crate::domain::signing::secret(conn).is_err() => report.problems.push(Problem {
            en: crate::w!(false, "check-signing-key-mismatch"),
            vi: crate::w!(true, "check-signing-key-mismatch"),
        }),
        Ok(true) => {}
        Err(e) => report.problems.push(could_not_run("signing key", &e)),
    }
    report.head = ledger::head(conn).unwrap_or(None);
    // 5. An anonymisation whose scrub was interrupted (SPEC §16).
    match crate::domain::anonymise::unfinished(conn) {
        Ok(None) => {}
        Ok(Some(d)) => report.problems.push(Problem {
            en: crate::w!(false, "check-anonymise-unfinished", day = d.as_str()),
            vi: crate::w!(true, "check-anonymise-unfinished", day = d.as_str()),
        }),
        Err(e) => report.problems.push(could_not_run("anonymise_unfinished", &e)),
    }
    report.cases = conn.query_row("SELECT count(*) FROM cases", [], |r| r.get(0)).unwrap_or(0);
    report.audit_rows = audit::rows(conn).unwrap_or(0);
    Ok(report)
}

/// Every data row against the ledger (`domain::ledger::prove`): the problems, how many rows
/// were proved and in how many tables. Shared by `check` and `audit verify`.
pub fn data(conn: &Connection) -> Result<(Vec<Problem>, i64, usize)> {
    let Some((found, proved)) = ledger::prove(conn)? else {
        return Ok((
            vec![Problem { en: crate::w!(false, "check-no-ledger"), vi: crate::w!(true, "check-no-ledger") }],
            0,
            0,
        ));
    };
    let problems = found
        .iter()
        .map(|f| {
            let (en, vi) = ledger::describe(f);
            Problem { en, vi }
        })
        .collect();
    Ok((problems, proved, ledger::tables(conn)?.len()))
}

/// The file's tables, indexes, triggers and views are exactly those of `schema.sql`.
pub fn schema(conn: &Connection) -> Result<Vec<Problem>> {
    Ok(ledger::schema_diff(conn, crate::db::SCHEMA)?
        .into_iter()
        .map(|d| {
            let what = |vi: bool| match d.what {
                "missing" => crate::w!(vi, "check-schema-missing"),
                "changed" => crate::w!(vi, "check-schema-changed"),
                _ => crate::w!(vi, "check-schema-added"),
            };
            let (en, vi) = (what(false), what(true));
            let kvi = match d.kind.as_str() {
                "table" => crate::w!(true, "check-schema-kind-table"),
                "index" => crate::w!(true, "check-schema-kind-index"),
                "trigger" => crate::w!(true, "check-schema-kind-trigger"),
                "view" => crate::w!(true, "check-schema-kind-view"),
                _ => crate::w!(true, "check-schema-kind-other"),
            };
            Problem {
                en: crate::w!(false, "check-schema-problem", kind = &d.kind, name = &d.name, what = en),
                vi: crate::w!(true, "check-schema-problem", kind = kvi, name = &d.name, what = vi),
            }
        })
        .collect())
}

fn could_not_run(what: &str, e: &anyhow::Error) -> Problem {
    Problem {
        en: crate::w!(false, "check-could-not-run", what = what, error = format!("{e:#}")),
        vi: crate::w!(true, "check-could-not-run", what = what, error = format!("{e:#}")),
    }
}

fn pragma_rows(conn: &Connection, sql: &str) -> Result<Vec<String>> {
    let mut stmt = conn.prepare(sql)?;
    let rows = stmt.query_map([], |r| r.get::<_, String>(0))?.collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

fn foreign_keys(conn: &Connection) -> Result<Vec<(String, i64, String)>> {
    let mut stmt = conn.prepare("SELECT \"table\", rowid, parent FROM pragma_foreign_key_check")?;
    let rows = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get::<_, Option<i64>>(1)?.unwrap_or(0), r.get(2)?)))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

fn run_rule(conn: &Connection, rule: &Rule, today: &str, out: &mut Vec<Problem>) -> Result<()> {
    let mut stmt = conn.prepare(rule.sql)?;
    let text = |v: rusqlite::types::Value| match v {
        rusqlite::types::Value::Null => String::new(),
        rusqlite::types::Value::Integer(i) => i.to_string(),
        rusqlite::types::Value::Real(f) => f.to_string(),
        rusqlite::types::Value::Text(t) => t,
        rusqlite::types::Value::Blob(_) => "(blob)".into(),
    };
    let mut rows = if stmt.parameter_count() == 1 { stmt.query([today])? } else { stmt.query([])? };
    while let Some(r) = rows.next()? {
        let kind = text(r.get(0)?);
        let key = text(r.get(1)?);
        let detail = text(r.get(2)?);
        out.push(problem(
            &kind,
            &key,
            &crate::words::text(false, rule.words, &[]),
            &crate::words::text(true, rule.words, &[]),
            &detail,
        ));
    }
    Ok(())
}

/// Names are stored cleaned (trimmed, spaces collapsed, NFC) and their `*_fold` columns
/// equal `text::fold` of them; otherwise search and duplicate checks silently miss rows.
fn names(conn: &Connection, out: &mut Vec<Problem>) -> Result<()> {
    let (clean_en, clean_vi) = (crate::w!(false, "check-name-not-clean"), crate::w!(true, "check-name-not-clean"));
    let (fold_en, fold_vi) = (crate::w!(false, "check-fold-mismatch"), crate::w!(true, "check-fold-mismatch"));
    for (kind, sql) in [
        ("person", "SELECT id, name, name_fold FROM persons ORDER BY id"),
        ("member", "SELECT id, name, name_fold FROM members ORDER BY id"),
    ] {
        let mut stmt = conn.prepare(sql)?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let id: i64 = r.get(0)?;
            let name: String = r.get(1)?;
            let name_fold: String = r.get(2)?;
            if clean(&name) != name {
                out.push(problem(kind, &id.to_string(), &clean_en, &clean_vi, "name"));
            }
            if fold(&name) != name_fold {
                out.push(problem(kind, &id.to_string(), &fold_en, &fold_vi, "name_fold"));
            }
        }
    }
    for (kind, sql) in [
        ("ward", "SELECT code, name, code_fold, name_fold, sort_key FROM wards ORDER BY id"),
        ("org", "SELECT code, name, code_fold, name_fold, NULL FROM orgs ORDER BY id"),
        ("category", "SELECT code, name, code_fold, name_fold, NULL FROM categories ORDER BY id"),
    ] {
        let mut stmt = conn.prepare(sql)?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let code: String = r.get(0)?;
            let name: String = r.get(1)?;
            let code_fold: String = r.get(2)?;
            let name_fold: String = r.get(3)?;
            let sort_key: Option<String> = r.get(4)?;
            if clean(&name) != name || clean(&code) != code {
                out.push(problem(kind, &code, &clean_en, &clean_vi, "code or name"));
            }
            if fold(&code) != code_fold || fold(&name) != name_fold {
                out.push(problem(kind, &code, &fold_en, &fold_vi, "code_fold or name_fold"));
            }
            if sort_key.is_some_and(|k| k != natural_key(&code)) {
                out.push(problem(kind, &code, &fold_en, &fold_vi, "sort_key"));
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    /// Every rule's words are in both catalogues (they are looked up by the id in `RULES`,
    /// which the catalogue test's scan for `w!` does not see), and differ between them.
    #[test]
    fn every_rule_is_worded_in_both_catalogues() {
        assert!(super::RULES.len() > 30);
        for r in super::RULES {
            assert!(r.words.starts_with("check-rule-") && crate::words::has(r.words), "{}", r.words);
            assert_ne!(crate::words::text(true, r.words, &[]), crate::words::text(false, r.words, &[]), "{}", r.words);
        }
    }
}
