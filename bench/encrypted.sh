#!/usr/bin/env bash
# mh51 on an encrypted register against the same register plain (SPEC §14, cost): builds
# `demo --size small`, makes an encrypted copy with `mh51 encrypt`, then times the reports,
# `list` and one write on both, alternating, median of REPS runs (default 7). Key derivation
# (SQLCipher 4: PBKDF2-HMAC-SHA512, 256,000 iterations) is part of every encrypted run, as it
# is for a clerk; the first row, `query 'SELECT 1'`, is nearly nothing but opening the file,
# so its difference is the cost of the key derivation alone.
#
#   bench/encrypted.sh          prints one line per command: plain ms, encrypted ms, ratio
#
# Needs: bash, cargo. Finds the binary wherever cargo puts it (CARGO_TARGET_DIR, else
# `cargo metadata`'s target_directory). Nothing here is a pass/fail test.
set -euo pipefail
trap 'echo "bench/encrypted.sh: failed at line $LINENO: $BASH_COMMAND" >&2' ERR
cd "$(dirname "$0")/.."

reps=${REPS:-7}
cargo build --release --quiet
target=${CARGO_TARGET_DIR:-$(cargo metadata --format-version 1 --no-deps | sed -n 's/.*"target_directory":"\([^"]*\)".*/\1/p')}
MH51="$target/release/mh51"
[ -x "$MH51" ] || { echo "bench/encrypted.sh: no binary at $MH51" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export MH51_ACTOR=bench
unset MH51_TODAY MH51_LANG MH51_DB MH51_KEY_FILE

plain="$work/plain.db"
enc="$work/enc.db"
key="$work/mh51.key"
(umask 077 && echo "a passphrase for the benchmark only" >"$key")
"$MH51" --db "$plain" demo --size small >/dev/null 2>"$work/err" || { cat "$work/err" >&2; exit 1; }
cp "$plain" "$enc"
t0=$(date +%s%N)
"$MH51" --db "$enc" --key-file "$key" encrypt >/dev/null 2>"$work/err" || { cat "$work/err" >&2; exit 1; }
t1=$(date +%s%N)
size=$(du -k "$plain" | cut -f1)
echo "demo --size small: ${size} KB; encrypt took $(( (t1 - t0) / 1000000 )) ms" >&2
case_no=$("$MH51" --db "$plain" query "SELECT case_no FROM cases WHERE released_on IS NULL ORDER BY case_no LIMIT 1" -f csv | tail -1)

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# one FILE cmd... : wall time in ms of one run, appended to FILE; prints what failed
one() {
  local out=$1 s e; shift
  s=$(date +%s%N)
  "$@" >/dev/null 2>"$work/err" || { echo "bench/encrypted.sh: failed: $*" >&2; cat "$work/err" >&2; return 1; }
  e=$(date +%s%N)
  echo $(( (e - s) / 1000000 )) >>"$out"
}

printf '%-34s %10s %12s %7s %14s\n' "benchmark (small)" "plain ms" "encrypted ms" "ratio" "ratio w/o KDF"
kdf=""
bench() {
  local name=$1; shift
  rm -f "$work/a" "$work/b"
  for _ in $(seq "$reps"); do
    one "$work/a" "$MH51" --db "$plain" "$@"
    one "$work/b" "$MH51" --db "$enc" --key-file "$key" "$@"
  done
  local ta tb
  ta=$(median <"$work/a"); tb=$(median <"$work/b")
  # The first row opens the file and nothing else: its difference is the key derivation.
  [ -n "$kdf" ] || kdf=$(( tb - ta ))
  awk -v n="$name" -v a="$ta" -v b="$tb" -v k="$kdf" 'BEGIN {
    printf "%-34s %10d %12d %7.2f %14.2f\n", n, a, b, (a > 0 ? b / a : 0), (a > 0 ? (b - k) / a : 0) }'
}

bench "open only: query 'SELECT 1'" query "SELECT 1"
bench "report summary --by ward" report summary -p 2022 --by ward
bench "report summary --by org" report summary -p 2022 --by org
bench "report summary --by category" report summary -p 2022 --by category
bench "report summary --by month" report summary -p 2022 --by month
bench "report quota --by ward" report quota -p 2022 --by ward
bench "report overdue" report overdue
bench "list (open cases)" list -f csv
bench "write: one review" review "$case_no" --class A
echo "key derivation (PBKDF2-HMAC-SHA512, 256,000 iterations), from the first row: ${kdf} ms per connection" >&2
