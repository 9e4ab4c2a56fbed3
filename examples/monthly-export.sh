#!/usr/bin/env bash
# monthly-export.sh — the month's CSV files of the 5+1 register, for a cron job.
#
#   monthly-export.sh [-d DB] [-o DIR] [-b] [YYYY-MM]
#
# Writes into DIR/YYYY-MM/ (default DIR: ./exports; default month: the one before today,
# so a cron job on the 1st exports the month just ended):
#
#   mh51-YYYY-MM-summary-by-ward.csv      report summary for the month, by ward
#   mh51-YYYY-MM-summary-by-org.csv       the same, by organization
#   mh51-YYYY-MM-quota-ytd.csv            report quota from 1 January to the month's end, by member
#   mh51-YYYY-MM-overdue.csv              report overdue as of the month's last day
#   mh51-YYYY-MM-cases-redacted.csv       export cases --redact (no identity numbers, addresses…)
#   mh51-YYYY-MM-reviews.csv, -supports.csv, -assignments.csv   the whole tables
#
# -d DB   the database (default: $MH51_DB, else ./mh51.db)
# -b      write the Excel form of CSV (UTF-8 BOM, formula-like cells guarded)
# "Today" is $MH51_TODAY when set (as mh51 itself does), else the system date.
#
# Files are created mode 0600 in a folder only the owner can read. The folder is filled
# under a temporary name and renamed at the end, so a failed run never leaves a folder that
# looks complete; a month already exported is left alone (exit 0), so a re-run is harmless.
#
# crontab:  0 6 1 * *  cd /srv/mh51 && examples/monthly-export.sh -d mh51.db -o /srv/mh51/exports
set -euo pipefail
umask 077

db="${MH51_DB:-mh51.db}"
dir="exports"
bom=()
while getopts "d:o:bh" opt; do
    case "$opt" in
        d) db="$OPTARG" ;;
        o) dir="$OPTARG" ;;
        b) bom=(--bom) ;;
        *) sed -n '2,20p' "$0" >&2; exit 2 ;;
    esac
done
shift $((OPTIND - 1))
mh51="${MH51_BIN:-mh51}"

if [[ $# -ge 1 ]]; then
    month="$1"
else
    today="${MH51_TODAY:-$(date +%Y-%m-%d)}"
    y=$((10#${today:0:4})); m=$((10#${today:5:2} - 1))
    if ((m == 0)); then y=$((y - 1)); m=12; fi
    month=$(printf '%04d-%02d' "$y" "$m")
fi
if [[ ! "$month" =~ ^[0-9]{4}-(0[1-9]|1[0-2])$ ]]; then
    echo "error: invalid month '$month': expected YYYY-MM, e.g. 2023-05" >&2
    exit 1
fi
y=$((10#${month:0:4})); m=$((10#${month:5:2}))
case "$m" in
    4 | 6 | 9 | 11) last=30 ;;
    2) if ((y % 4 == 0 && (y % 100 != 0 || y % 400 == 0))); then last=29; else last=28; fi ;;
    *) last=31 ;;
esac
first_of_year="${month:0:4}-01-01"
month_end="$month-$last"

if [[ ! -f "$db" ]]; then
    echo "error: database '$db' does not exist; pass -d DB or set MH51_DB" >&2
    exit 1
fi
out="$dir/$month"
if [[ -e "$out" ]]; then
    echo "monthly-export: $out already exists; nothing to do" >&2
    echo "$out"
    exit 0
fi
mkdir -p "$dir"
tmp=$(mktemp -d "$dir/.$month.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

p="$tmp/mh51-$month"
run() { "$mh51" --db "$db" "$@" -f csv "${bom[@]}"; }
run report summary -p "$month" --by ward -o "$p-summary-by-ward.csv"
run report summary -p "$month" --by org -o "$p-summary-by-org.csv"
run report quota -p "$first_of_year..$month_end" --by member -o "$p-quota-ytd.csv"
run report overdue --as-of "$month_end" -o "$p-overdue.csv"
run export cases --redact -o "$p-cases-redacted.csv"
run export reviews -o "$p-reviews.csv"
run export supports -o "$p-supports.csv"
run export assignments -o "$p-assignments.csv"

mv "$tmp" "$out"
trap - EXIT
echo "$out"
