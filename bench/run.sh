#!/usr/bin/env bash
# mh51 benchmarks (SPEC §10): each command against the sqlite3 shell doing the same work with
# hand-written SQL on the same file, in one run. Prints, per line: mh51's median wall time,
# sqlite3's, their ratio, and both peak resident memories.
#
#   bench/run.sh            the synthetic city (300 wards, 6,000 members, 100,000 cases,
#                           1,000,000 reviews); builds it once into bench/data/ (≈ 40 s)
#   bench/run.sh --small    a twentieth of that, for CI (keeps the script working)
#
# Needs: bash, the sqlite3 shell, /usr/bin/time (GNU time), cargo. Timings are medians of
# REPS runs (default 5; 3 with --small). Nothing here is a pass/fail test.
set -Eeuo pipefail
cd "$(dirname "$0")/.."
# Any failure says what failed (set -e alone would exit silently).
trap 'rc=$?; echo "bench/run.sh: line $LINENO: \`$BASH_COMMAND\` failed (exit $rc)" >&2; exit $rc' ERR

size=city
reps=${REPS:-5}
if [ "${1:-}" = "--small" ]; then size=small; reps=${REPS:-3}; fi

for tool in sqlite3 /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "bench: needs $tool (apt-get install sqlite3 time)" >&2; exit 1; }
done

me=bench/run.sh
# shellcheck source=bench/lib.sh
. bench/lib.sh
data="$PWD/bench/data"
mkdir -p "$data"

export MH51_ACTOR=bench
unset MH51_TODAY MH51_LANG

db="$data/$size.db"
# A city built by an older mh51 would be migrated (and backed up) by the first command timed:
# rebuild it instead when its schema version is not this build's.
quiet "$MH51" --db "$work/version.db" init
want=$(sqlite3 "$work/version.db" "PRAGMA user_version")
if [ -f "$db" ] && [ "$(sqlite3 "$db" "PRAGMA user_version")" != "$want" ]; then
  echo "rebuilding $db (schema version changed)" >&2
  rm -f "$db" "$db"-wal "$db"-shm "$db".v*.bak*
fi
if [ ! -f "$db" ]; then
  echo "building $db (once) ..." >&2
  quiet "$MH51" --db "$db" demo --size "$size"
  # Ward history in place (SPEC §13): three wards merged in mid-2022, so the 2022 reports
  # find cases and members that changed ward inside the period.
  quiet "$MH51" --db "$db" ward merge 1 2 3 --into 4 --on 2022-07-01
fi

# median of a list of numbers
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# run_one OUTFILE cmd... : wall time in ms and peak RSS in KB of one run, appended to OUTFILE
run_one() {
  local out=$1; shift
  local s e
  s=$(date +%s%N)
  /usr/bin/time -f "%M" -o "$work/mem" "$@" >/dev/null 2>"$work/err" || { cat "$work/err" >&2; return 1; }
  e=$(date +%s%N)
  echo "$(( (e - s) / 1000000 )) $(tail -1 "$work/mem")" >>"$out"
}

printf '%-34s %10s %10s %7s %10s %10s\n' "benchmark ($size)" "mh51 ms" "sqlite ms" "ratio" "mh51 MB" "sqlite MB"

# bench NAME "MH51 ARGS" "SQL" : alternate the two, REPS times each
bench() {
  local name=$1 args=$2 sql=$3
  rm -f "$work/a" "$work/b"
  for _ in $(seq "$reps"); do
    # shellcheck disable=SC2086
    run_one "$work/a" "$MH51" --db "$db" $args
    run_one "$work/b" sqlite3 -csv -header "$db" "$sql"
  done
  report "$name"
}

report() {
  local name=$1 ta tb ma mb
  ta=$(awk '{print $1}' "$work/a" | median); tb=$(awk '{print $1}' "$work/b" | median)
  ma=$(awk '{print $2}' "$work/a" | sort -n | tail -1); mb=$(awk '{print $2}' "$work/b" | sort -n | tail -1)
  awk -v n="$name" -v ta="$ta" -v tb="$tb" -v ma="$ma" -v mb="$mb" 'BEGIN {
    r = (tb > 0) ? ta / tb : 0;
    printf "%-34s %10d %10d %7.2f %10.1f %10.1f\n", n, ta, tb, r, ma / 1024, mb / 1024 }'
}

F=2022-01-01; T=2022-12-31

# --- report summary --by ward: the hand-written equivalent ---------------------------------
summary_sql() { # $1 = group expression over cases c (with member m for org), $2 = join
cat <<SQL
WITH k AS (
  SELECT c.id, c.enrolled_on, c.released_on, c.reason, $1 AS g
  FROM cases c $2
  WHERE c.enrolled_on <= '$T' AND (c.released_on IS NULL OR c.released_on >= '$F')),
n AS (
  SELECT g, sum(enrolled_on < '$F') AS opening, sum(enrolled_on >= '$F') AS intake,
         sum(released_on <= '$T' AND reason = 'progressed') AS progressed,
         sum(released_on <= '$T' AND reason = 'moved') AS moved,
         sum(released_on <= '$T' AND reason = 'deceased') AS deceased,
         sum(released_on <= '$T' AND reason = 'reoffended') AS reoffended,
         sum(released_on <= '$T' AND reason = 'institution') AS institution,
         sum(released_on <= '$T' AND reason = 'other') AS other,
         sum(released_on <= '$T') AS exits
  FROM k GROUP BY g),
r AS (SELECT k.g, count(*) AS contacts FROM reviews r JOIN k ON k.id = r.case_id
      WHERE r.reviewed_on BETWEEN '$F' AND '$T' AND r.voided_on IS NULL GROUP BY k.g),
s AS (SELECT k.g, count(*) AS supports, sum(CASE WHEN s.kind = 'loan' THEN s.amount END) AS loans
      FROM supports s JOIN k ON k.id = s.case_id WHERE s.given_on BETWEEN '$F' AND '$T' AND s.voided_on IS NULL
      GROUP BY k.g)
SELECT n.g, opening, intake, opening + intake, progressed, moved, deceased, reoffended, institution,
       other, exits, opening + intake - exits, coalesce(contacts, 0), coalesce(supports, 0), coalesce(loans, 0)
FROM n LEFT JOIN r ON r.g IS n.g LEFT JOIN s ON s.g IS n.g ORDER BY n.g;
SQL
}

# The ward on the case's last open day in the period (SPEC §13), from its ward history.
ward_expr="(SELECT w.sort_key FROM case_wards cw JOIN wards w ON w.id = cw.ward_id
  WHERE cw.case_id = c.id AND cw.from_on <= min('$T', coalesce(c.released_on, '$T'))
  ORDER BY cw.from_on DESC LIMIT 1)"
bench "report summary --by ward" "report summary -p 2022 --by ward -f csv" "$(summary_sql "$ward_expr" "")"
# Regrouping into the wards of a later day adds up a few hundred rows: the same SQL.
bench "report summary --structure" "report summary -p 2022 --by ward --structure 2023-12-31 -f csv" \
  "$(summary_sql "$ward_expr" "")"

org_expr="(SELECT o.code FROM assignments a JOIN members m ON m.id = a.member_id JOIN orgs o ON o.id = m.org_id
  WHERE a.case_id = c.id AND a.start_on <= min('$T', coalesce(c.released_on, '$T'))
    AND (a.end_on IS NULL OR a.end_on >= min('$T', coalesce(c.released_on, '$T')))
  ORDER BY a.start_on DESC, a.id DESC LIMIT 1)"
bench "report summary --by org" "report summary -p 2022 --by org -f csv" "$(summary_sql "$org_expr" "")"

bench "report summary --by category" "report summary -p 2022 --by category -f csv" \
  "$(summary_sql "c.category_id" "")"

# --by month: twelve sub-periods; the shell runs the ward-less statement twelve times.
month_sql=""
for m in 01 02 03 04 05 06 07 08 09 10 11 12; do
  last=$(date -d "2022-$m-01 +1 month -1 day" +%F)
  month_sql+="$(F=2022-$m-01 T=$last; summary_sql "'2022-$m'" "")"$'\n'
done
bench "report summary --by month" "report summary -p 2022 --by month -f csv" "$month_sql"

quota_sql="WITH m AS (SELECT id, (SELECT mw.ward_id FROM member_wards mw WHERE mw.member_id = members.id
    AND mw.from_on <= min('$T', coalesce(left_on, '$T')) ORDER BY mw.from_on DESC LIMIT 1) AS ward_id
  FROM members WHERE joined_on <= '$T' AND (left_on IS NULL OR left_on >= '$F')),
cr AS (SELECT credited_member_id AS id, count(*) AS n FROM cases
       WHERE reason = 'progressed' AND released_on BETWEEN '$F' AND '$T' GROUP BY credited_member_id),
x AS (SELECT m.ward_id, coalesce(cr.n, 0) AS n FROM m LEFT JOIN cr ON cr.id = m.id)
SELECT w.code, count(*), 2 * count(*), sum(n), sum(n >= 2), sum(max(0, 2 - n)),
       round(100.0 * sum(n) / (2 * count(*)), 1)
FROM x JOIN wards w ON w.id = x.ward_id GROUP BY w.id ORDER BY w.sort_key;"
bench "report quota --by ward" "report quota -p 2022 --by ward -f csv" "$quota_sql"

asof=2023-12-31
overdue_sql="WITH o AS (SELECT c.id, c.case_no, c.person_id, c.ward_id,
    coalesce((SELECT max(r.reviewed_on) FROM reviews r WHERE r.case_id = c.id AND r.voided_on IS NULL AND r.reviewed_on <= '$asof'), c.enrolled_on) AS last,
    (SELECT a.member_id FROM assignments a WHERE a.case_id = c.id AND a.start_on <= '$asof'
       AND (a.end_on IS NULL OR a.end_on >= '$asof') ORDER BY a.start_on DESC, a.id DESC LIMIT 1) AS mid
  FROM cases c WHERE c.enrolled_on <= '$asof' AND (c.released_on IS NULL OR c.released_on > '$asof'))
SELECT o.case_no, p.name, w.code, o.mid, m.name, g.code, o.last, julianday('$asof') - julianday(o.last)
FROM o JOIN persons p ON p.id = o.person_id JOIN wards w ON w.id = o.ward_id
LEFT JOIN members m ON m.id = o.mid LEFT JOIN orgs g ON g.id = m.org_id
WHERE o.mid IS NULL OR julianday('$asof') - julianday(o.last) > 30 ORDER BY o.last, o.case_no;"
bench "report overdue" "report overdue --as-of $asof -f csv" "$overdue_sql"

# --- report contacts (SPEC §17): a month, the cases open on its last day by member, ward ----
CF=2022-12-01; CT=2022-12-31
contacts_open="SELECT c.id,
    coalesce((SELECT cw.ward_id FROM case_wards cw WHERE cw.case_id = c.id AND cw.from_on <= '$CT'
              ORDER BY cw.from_on DESC LIMIT 1), c.ward_id) AS ward_id,
    (SELECT a.member_id FROM assignments a WHERE a.case_id = c.id AND a.start_on <= '$CT'
       AND (a.end_on IS NULL OR a.end_on >= '$CT') ORDER BY a.start_on DESC, a.id DESC LIMIT 1) AS mid,
    (SELECT count(*) FROM reviews r WHERE r.case_id = c.id AND r.voided_on IS NULL
       AND r.reviewed_on BETWEEN '$CF' AND '$CT') AS n
  FROM cases c WHERE c.enrolled_on <= '$CT' AND (c.released_on IS NULL OR c.released_on > '$CT')"
contacts_member_sql="WITH o AS MATERIALIZED ($contacts_open)
SELECT coalesce(o.mid, 'unassigned'), m.name, g.code,
       (SELECT w.code FROM wards w WHERE w.id = coalesce((SELECT mw.ward_id FROM member_wards mw
          WHERE mw.member_id = m.id AND mw.from_on <= '$CT' ORDER BY mw.from_on DESC LIMIT 1), m.ward_id)),
       count(*), sum(n > 0), count(*) - sum(n > 0), sum(n), round(100.0 * sum(n > 0) / count(*), 1)
FROM o LEFT JOIN members m ON m.id = o.mid LEFT JOIN orgs g ON g.id = m.org_id
GROUP BY o.mid ORDER BY o.mid IS NULL, o.mid;"
bench "report contacts --by member" "report contacts -p 2022-12 --by member -f csv" "$contacts_member_sql"
contacts_ward_sql="WITH o AS MATERIALIZED ($contacts_open)
SELECT w.code, count(o.id), coalesce(sum(o.n > 0), 0), count(o.id) - coalesce(sum(o.n > 0), 0), coalesce(sum(o.n), 0),
       round(100.0 * sum(o.n > 0) / count(o.id), 1)
FROM wards w LEFT JOIN o ON o.ward_id = w.id GROUP BY w.id ORDER BY w.sort_key;"
bench "report contacts --by ward" "report contacts -p 2022-12 --by ward -f csv" "$contacts_ward_sql"

reviews_sql="SELECT r.id, c.case_no, r.reviewed_on, r.class, r.member_id, r.note
FROM reviews r JOIN cases c ON c.id = r.case_id WHERE r.voided_on IS NULL ORDER BY r.id;"
bench "export reviews (all)" "export reviews -f csv" "$reviews_sql"

# --- one write: a review, against one INSERT with the same durability -----------------------
# Each run on a day of its own: a second contact on one day is refused (SPEC §17), and the
# check for it is part of every real write, so it is timed too.
case_no=$(sqlite3 "$db" "SELECT case_no FROM cases WHERE released_on IS NULL ORDER BY enrolled_on, id LIMIT 1")
case_id=$(sqlite3 "$db" "SELECT id FROM cases WHERE case_no = '$case_no'")
cp "$db" "$work/w.db"
rm -f "$work/a" "$work/b"
for i in $(seq "$reps"); do
  run_one "$work/a" "$MH51" --db "$work/w.db" review "$case_no" --class A --date "$(date -d "today - $i days" +%F)"
  run_one "$work/b" sqlite3 "$work/w.db" "PRAGMA synchronous=FULL; PRAGMA busy_timeout=5000; BEGIN IMMEDIATE;
    INSERT INTO reviews (case_id, reviewed_on, class) VALUES ($case_id, date('now', '-$i days'), 'A'); COMMIT;"
done
report "write: one review"
rm -f "$work/w.db"*

# --- import all cases into a fresh database -------------------------------------------------
members_csv="$work/members.csv"; cases_csv="$work/cases.csv"
sqlite3 -csv -header "$db" "SELECT m.name, o.code AS org, w.code AS ward, m.phone, m.joined_on AS joined
  FROM members m JOIN orgs o ON o.id = m.org_id JOIN wards w ON w.id = m.ward_id ORDER BY m.id" >"$members_csv"
sqlite3 -csv -header "$db" "SELECT p.name, w.code AS ward, k.code AS category, p.birth_year AS born, p.gender,
  p.id_number, p.address, c.enrolled_on AS enrolled,
  (SELECT a.member_id FROM assignments a WHERE a.case_id = c.id ORDER BY a.start_on, a.id LIMIT 1) AS member,
  c.note, NULL AS released, NULL AS reason, NULL AS credited
  FROM cases c JOIN persons p ON p.id = c.person_id JOIN wards w ON w.id = c.ward_id
  JOIN categories k ON k.id = c.category_id ORDER BY c.id" >"$cases_csv"
ncases=$(($(wc -l <"$cases_csv") - 1))
wards=$(sqlite3 "$db" "SELECT count(*) FROM wards")
# The baseline SPEC §10 names: the shell's bare `.import` of the same file into ONE table with
# name, identity-number and date indexes, in one durable transaction (WAL, synchronous=FULL,
# mh51's 8 KiB pages). The indexes are made before the rows go in, so they are maintained row
# by row as mh51 maintains its own during an import (the same work); the shell's faster way,
# `CREATE INDEX` after the `.import` (one sort per index), is printed too.
cols="name TEXT, ward TEXT, category TEXT, born TEXT, gender TEXT, id_number TEXT, address TEXT, enrolled TEXT,
  member TEXT, note TEXT, released TEXT, reason TEXT, credited TEXT"
indexes="CREATE INDEX cases_name ON cases (name); CREATE INDEX cases_id_number ON cases (id_number);
  CREATE INDEX cases_enrolled ON cases (enrolled);"
# bare_args DB before|after: the sqlite3 command line, in the array `bare`
bare_args() {
  local pre="" post="" skip=""
  if [ "$2" = before ]; then pre="CREATE TABLE cases ($cols); $indexes"; skip="--skip 1"; else post="$indexes"; fi
  bare=(sqlite3 -cmd "PRAGMA page_size=8192" -cmd "PRAGMA journal_mode=WAL" -cmd "PRAGMA synchronous=FULL"
    -cmd "BEGIN IMMEDIATE")
  if [ -n "$pre" ]; then bare+=(-cmd "$pre"); fi
  bare+=(-cmd ".import --csv $skip $cases_csv cases" "$1" "$post COMMIT;")
}
# The floor: the rows mh51's import writes (persons, cases, ward history, first assignments,
# one audit row per case, a row version per data row; SPEC §13, §16), written by the shell
# with INSERT … SELECT into a register mh51 made (its schema, indexes and triggers, foreign
# keys on, mh51's 16 MB page cache): no rule, no per-row statement, made-up hashes and audit
# details of the real ones' sizes. What is left of mh51's time above it is its rules and
# statements; the floor itself against the bare `.import` is what SPEC §10's baseline asks
# of this schema whatever the code does.
floor_rows="BEGIN IMMEDIATE;
INSERT INTO persons (id, name, name_fold, birth_year, gender, id_number)
  SELECT rowid, name, lower(name), born, gender, nullif(id_number, '') FROM staging;
INSERT INTO cases (id, case_no, year, seq, person_id, ward_id, category_id, enrolled_on)
  SELECT s.rowid, substr(s.enrolled, 1, 4) || '-' || printf('%06d', s.rowid), CAST(substr(s.enrolled, 1, 4) AS INTEGER),
         s.rowid, s.rowid, w.id, k.id, s.enrolled
  FROM staging s JOIN wards w ON w.code = s.ward JOIN categories k ON k.code = s.category;
INSERT INTO case_wards (case_id, from_on, ward_id, cause) SELECT id, enrolled_on, ward_id, 'enroll' FROM cases;
INSERT INTO assignments (case_id, member_id, start_on)
  SELECT c.id, s.member, c.enrolled_on FROM cases c JOIN staging s ON s.rowid = c.id WHERE s.member <> '';
INSERT INTO audit_log (at, actor, action, entity, entity_key, detail, prev_hash, hash)
  SELECT strftime('%Y-%m-%dT%H:%M:%S'), 'bench', 'enroll', 'case', c.case_no,
         json_object('person_id', c.person_id, 'ward', w.code, 'category', k.code, 'enrolled_on', c.enrolled_on,
                     'member_id', (SELECT member_id FROM assignments a WHERE a.case_id = c.id)),
         lower(hex(randomblob(32))), lower(hex(randomblob(32)))
  FROM cases c JOIN wards w ON w.id = c.ward_id JOIN categories k ON k.id = c.category_id ORDER BY c.id;"
floor_versions="INSERT INTO row_versions (seq, tbl, key, hash)
  SELECT m.seq, 'assignments', id, randomblob(32) FROM assignments, (SELECT max(seq) AS seq FROM audit_log) m;
INSERT INTO row_versions (seq, tbl, key, hash)
  SELECT m.seq, 'case_wards', json_array(case_id, from_on), randomblob(32) FROM case_wards, (SELECT max(seq) AS seq FROM audit_log) m;
INSERT INTO row_versions (seq, tbl, key, hash)
  SELECT m.seq, 'cases', id, randomblob(32) FROM cases, (SELECT max(seq) AS seq FROM audit_log) m;
INSERT INTO row_versions (seq, tbl, key, hash)
  SELECT m.seq, 'persons', id, randomblob(32) FROM persons, (SELECT max(seq) AS seq FROM audit_log) m;"
floor_sql="$floor_rows
$floor_versions
COMMIT;"
# The same rows without the row versions (SPEC §16's ledger) at all: what the floor would be if
# the ledger cost nothing, to show whether any design of it could bring the floor under 4 x.
floor_noledger_sql="$floor_rows
COMMIT;"
rm -f "$work/a" "$work/b" "$work/c" "$work/d" "$work/e" "$work/g"
for i in $(seq "$reps"); do
  for floor in e g; do
    quiet "$MH51" --db "$work/f$i.db" init --wards "$wards"
    quiet "$MH51" --db "$work/f$i.db" import members "$members_csv"
    if [ "$floor" = e ]; then sql=$floor_sql; else sql=$floor_noledger_sql; fi
    run_one "$work/$floor" sqlite3 -cmd "PRAGMA foreign_keys=ON" -cmd "PRAGMA synchronous=FULL" -cmd "PRAGMA cache_size=-16384" \
      -cmd ".import --csv $cases_csv staging" "$work/f$i.db" "$sql"
    [ "$(sqlite3 "$work/f$i.db" "SELECT count(*) FROM cases")" = "$ncases" ] ||
      { echo "bench/run.sh: the floor did not write every case" >&2; exit 1; }
    rm -f "$work/f$i.db"*
  done
  quiet "$MH51" --db "$work/i$i.db" init --wards "$wards"
  quiet "$MH51" --db "$work/i$i.db" import members "$members_csv"
  run_one "$work/a" "$MH51" --db "$work/i$i.db" import cases "$cases_csv"
  quiet "$MH51" --db "$work/s$i.db" init --wards "$wards"
  run_one "$work/b" sqlite3 -cmd "PRAGMA synchronous=FULL" -cmd ".import --csv $cases_csv staging" "$work/s$i.db" "BEGIN IMMEDIATE;
INSERT INTO persons (name, name_fold, birth_year, gender, id_number)
  SELECT name, lower(name), born, gender, id_number FROM staging;
INSERT INTO cases (case_no, year, seq, person_id, ward_id, category_id, enrolled_on)
  SELECT substr(s.enrolled, 1, 4) || '-' || printf('%04d', s.rowid), CAST(substr(s.enrolled, 1, 4) AS INTEGER), s.rowid,
         p.id, w.id, k.id, s.enrolled
  FROM staging s JOIN persons p ON p.id_number = s.id_number JOIN wards w ON w.code = s.ward JOIN categories k ON k.code = s.category;
INSERT INTO assignments (case_id, member_id, start_on) SELECT c.id, 1, c.enrolled_on FROM cases c;
COMMIT;"
  for mode in before after; do
    bare_args "$work/$mode$i.db" "$mode"
    if [ "$mode" = before ]; then out=c; else out=d; fi
    run_one "$work/$out" "${bare[@]}"
    [ "$(sqlite3 "$work/$mode$i.db" "SELECT count(*) FROM cases")" = "$ncases" ] ||
      { echo "bench/run.sh: the bare .import did not load every row" >&2; exit 1; }
  done
  rm -f "$work/i$i.db"* "$work/s$i.db"* "$work/before$i.db"* "$work/after$i.db"*
done
report "import cases ($ncases rows)"
cp "$work/c" "$work/b"; report "import cases vs bare .import, idx"
cp "$work/d" "$work/b"; report "  (indexes made after the .import)"
cp "$work/e" "$work/b"; report "import cases vs its rows set-based"
cp "$work/e" "$work/a"; cp "$work/c" "$work/b"; report "  the set-based rows vs bare .import"
cp "$work/g" "$work/a"; report "  the same, no row versions"

# --- import reviews (SPEC §17): a month's sheets coming back for the whole city ---------------
# Two contacts in January 2024 (after the city's last review) for each open case, in case
# order, up to 100,000 rows (a twentieth with --small); the member is left blank, so each
# row also looks up the member assigned that day, as a sheet's row does. Each run imports
# into a fresh copy of the register. The shell's equivalent: `.import` the same file, then
# one INSERT … SELECT finding each case by number and its member on the day (no rule, no
# audit row, no ledger).
nreviews=100000
[ "$size" = small ] && nreviews=5000
reviews_csv="$work/reviews.csv"
sqlite3 -csv -header "$db" "WITH d(k) AS (VALUES (0), (1))
  SELECT c.case_no, printf('2024-01-%02d', 1 + 14 * d.k + c.id % 14) AS reviewed_on,
         substr('ABCD', 1 + (c.id + d.k) % 4, 1) AS class, NULL AS member,
         CASE WHEN c.id % 5 = 0 THEN 'visited at home' END AS note
  FROM cases c JOIN d WHERE c.released_on IS NULL ORDER BY c.id, d.k LIMIT $nreviews" >"$reviews_csv"
nreviews=$(($(wc -l <"$reviews_csv") - 1))
# The shell's contacts: each case found by number, its member on the day by the assignments.
contacts_sql="INSERT INTO reviews (case_id, reviewed_on, class, member_id, note)
  SELECT c.id, s.reviewed_on, s.class,
         (SELECT a.member_id FROM assignments a WHERE a.case_id = c.id AND a.start_on <= s.reviewed_on
            AND (a.end_on IS NULL OR a.end_on >= s.reviewed_on) ORDER BY a.start_on DESC, a.id DESC LIMIT 1),
         nullif(s.note, '')
  FROM rstaging s JOIN cases c ON c.case_no = s.case_no;"
# A fresh copy of the register for each run, written out before the timed command starts, so
# that neither side is timed competing with the kernel writing back the 500 MB just copied.
fresh_copy() { cp "$db" "$work/r.db" && sync; }
reviews_before=$(sqlite3 "$db" "SELECT count(*) FROM audit_log WHERE action = 'review'")
rm -f "$work/a" "$work/b" "$work/e"
for i in $(seq "$reps"); do
  fresh_copy
  run_one "$work/a" "$MH51" --db "$work/r.db" import reviews "$reviews_csv"
  if [ "$i" = 1 ]; then
    # Every row imported, and the ledger proves every row (not timed).
    [ $(($(sqlite3 "$work/r.db" "SELECT count(*) FROM audit_log WHERE action = 'review'") - reviews_before)) = "$nreviews" ] ||
      { echo "bench: import reviews did not write one audit row per review" >&2; exit 1; }
    quiet "$MH51" --db "$work/r.db" check
  fi
  rm -f "$work/r.db"*
  fresh_copy
  run_one "$work/b" sqlite3 -cmd "PRAGMA synchronous=FULL" -cmd ".import --csv $reviews_csv rstaging" "$work/r.db" "BEGIN IMMEDIATE;
$contacts_sql
COMMIT;"
  rm -f "$work/r.db"*
  # The floor, as for the cases: the same contacts, and the audit row and row version of each.
  fresh_copy
  run_one "$work/e" sqlite3 -cmd "PRAGMA foreign_keys=ON" -cmd "PRAGMA synchronous=FULL" -cmd "PRAGMA cache_size=-16384" \
    -cmd ".import --csv $reviews_csv rstaging" "$work/r.db" "BEGIN IMMEDIATE;
CREATE TEMP TABLE top AS SELECT max(id) AS id FROM reviews;
$contacts_sql
INSERT INTO audit_log (at, actor, action, entity, entity_key, detail, prev_hash, hash)
  SELECT strftime('%Y-%m-%dT%H:%M:%S'), 'bench', 'review', 'case', c.case_no,
         json_object('review_id', r.id, 'reviewed_on', r.reviewed_on, 'class', r.class, 'member_id', r.member_id),
         lower(hex(randomblob(32))), lower(hex(randomblob(32)))
  FROM reviews r JOIN cases c ON c.id = r.case_id WHERE r.id > (SELECT id FROM top) ORDER BY r.id;
INSERT INTO row_versions (seq, tbl, key, hash)
  SELECT m.seq, 'reviews', r.id, randomblob(32) FROM reviews r, (SELECT max(seq) AS seq FROM audit_log) m
  WHERE r.id > (SELECT id FROM top);
COMMIT;"
  rm -f "$work/r.db"*
done
report "import reviews ($nreviews rows)"
cp "$work/e" "$work/b"; report "import reviews vs its rows set-based"

# --- sheet (SPEC §17): the month's sheets of the whole District 6 example (goal: under 2 s) -----
# A workbook of one worksheet per member; no hand-written SQL writes one, so mh51's time alone.
quiet "$MH51" --db "$work/quan6.db" demo
rm -f "$work/a"
for i in $(seq "$reps"); do
  run_one "$work/a" "$MH51" --db "$work/quan6.db" sheet -p 2022-12 -o "$work/sheet$i.xlsx"
  rm -f "$work/sheet$i.xlsx"
done
ta=$(awk '{print $1}' "$work/a" | median); ma=$(awk '{print $2}' "$work/a" | sort -n | tail -1)
awk -v n="sheet -p 2022-12 (District 6)" -v ta="$ta" -v ma="$ma" 'BEGIN {
  printf "%-34s %10d %10s %7s %10.1f %10s\n", n, ta, "-", "-", ma / 1024, "-" }'
