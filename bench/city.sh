#!/usr/bin/env bash
# The city register at the city's scale (SPEC §19 "Speed"): `city add` of 168 packages of
# about 500 cases each (target: under 2 s), then each city report (target: under 200 ms).
#
# The packages are real: 168 ward registers, each made by `mh51 extract` (so each has its
# own signing key) of three wards of the synthetic small city (`demo --size small`), with a
# unit code, and a package for 2022 with linking tokens — about 500 cases managed each, so
# about 500 tokens. The city verifies 168 real signatures with 168 registered keys. As the
# 168 registers are cut from five groups of the same wards, the same people recur; so that
# `city duplicates` finds what a city would (a few people in two wards, not the same
# people 34 times), the packages of one group are made under different linking keys
# (package i under key i / 5): `city duplicates` then compares 34 groups of keys.
# Built once into bench/data/city-packages/ (rebuilt when the binary's schema version
# changes); the city register itself is made anew for every run of `city add`.
#
#   bench/city.sh            REPS=N runs of each (default 5), median wall and CPU time
#
# Needs: bash, cargo, GNU time (/usr/bin/time) for CPU time and memory.
# Finds the binary wherever cargo puts it (CARGO_TARGET_DIR, build.target-dir, target/).
# Nothing here is a pass/fail test.
set -Eeuo pipefail
trap 'rc=$?; echo "bench/city.sh: line $LINENO: \`$BASH_COMMAND\` failed (exit $rc)" >&2; exit $rc' ERR
cd "$(dirname "$0")/.."

reps=${REPS:-5}
units=168
me=bench/city.sh
# shellcheck source=bench/lib.sh
. bench/lib.sh
[ -x /usr/bin/time ] || { echo "bench/city.sh: needs GNU time at /usr/bin/time (for CPU time)" >&2; exit 1; }

export MH51_ACTOR=bench MH51_TODAY=2023-06-30
unset MH51_LANG MH51_DB MH51_KEY_FILE MH51_COUNT_KDF


data="$PWD/bench/data/city-packages"
quiet "$MH51" --db "$work/version.db" init
want=$("$MH51" --db "$work/version.db" query "SELECT user_version FROM pragma_user_version" -f csv | tail -1)
if [ -f "$data/version" ] && [ "$(cat "$data/version")" != "$want" ]; then
  echo "rebuilding $data (schema version changed)" >&2
  rm -rf "$data"
fi
if [ ! -f "$data/done" ]; then
  echo "building $units ward registers and their packages in $data (once) ..." >&2
  rm -rf "$data"
  mkdir -p "$data"
  quiet "$MH51" --db "$data/small.db" demo --size small
  for i in $(seq 0 $((units - 1))); do
    g=$((i % 5))
    w=$((g * 3 + 1))
    db="$data/w$i.db"
    quiet "$MH51" --db "$data/small.db" extract --ward $w $((w + 1)) $((w + 2)) -o "$db"
    quiet "$MH51" --db "$db" settings unit_code "U$i"
    k="$data/link-$((i / 5)).key"
    [ -f "$k" ] || (umask 077 && printf '%064x\n' $((i / 5 + 1)) >"$k")
    quiet "$MH51" --db "$db" report package -p 2022 -o "$data/p$i.json" --link-key "$k"
    "$MH51" --db "$db" key show >"$data/w$i.pub" 2>/dev/null
  done
  echo "$want" >"$data/version"
  touch "$data/done"
fi
tokens=$(cat "$data"/p*.json | grep -c '"case_no"')
bytes=$(cat "$data"/p*.json | wc -c)
echo "$units packages, $tokens linking tokens (about $((tokens / units)) each), $((bytes / 1024 / 1024)) MB" >&2

# A city register with the 168 units registered, nothing added.
fresh() {
  rm -f "$1" "$1"-wal "$1"-shm
  quiet "$MH51" --db "$1" city init --name "Bench city"
  for i in $(seq 0 $((units - 1))); do
    quiet "$MH51" --db "$1" city unit add "U$i" "Unit $i" --key "@$data/w$i.pub"
  done
}

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# one FILE cmd...: wall ms, CPU ms (user + system), peak RSS KB of one run, appended to FILE
# (wall from the clock in ns; CPU as GNU time gives it, in hundredths of a second)
one() {
  local out=$1 s e; shift
  s=$(date +%s%N)
  /usr/bin/time -f "%U %S %M" -o "$work/time" "$@" >/dev/null 2>"$work/err" ||
    { echo "bench/city.sh: failed: $*" >&2; cat "$work/err" >&2; return 1; }
  e=$(date +%s%N)
  awk -v w=$(( (e - s) / 1000000 )) '{printf "%d %d %d\n", w, ($1 + $2) * 1000, $3}' "$work/time" >>"$out"
}

report() {
  local name=$1; shift
  local wall cpu mem
  wall=$(awk '{print $1}' "$work/t" | median); cpu=$(awk '{print $2}' "$work/t" | median)
  mem=$(awk '{print $3}' "$work/t" | sort -n | tail -1)
  printf '%-48s %8d %8d %8.1f\n' "$name" "$wall" "$cpu" "$(awk -v m="$mem" 'BEGIN {print m / 1024}')"
}

printf '%-48s %8s %8s %8s\n' "benchmark (median of $reps)" "wall ms" "CPU ms" "peak MB"
city="$work/city.db"
rm -f "$work/t"
for _ in $(seq "$reps"); do
  fresh "$city"
  one "$work/t" "$MH51" --db "$city" city add "$data"/p*.json
done
report "city add ($units packages)"

bench() {
  local name=$1; shift
  rm -f "$work/t"
  for _ in $(seq "$reps"); do
    rm -f "$work/out"*
    one "$work/t" "$MH51" --db "$city" "$@"
  done
  report "$name"
}
P=2022
bench "city status" city status -p $P
bench "city report summary --by unit" city report summary -p $P
bench "city report summary --by org" city report summary -p $P --by org
bench "city report summary --by category" city report summary -p $P --by category
bench "city report summary -f json" city report summary -p $P -f json
bench "city report quota --by unit" city report quota -p $P
bench "city report quota --by org" city report quota -p $P --by org
bench "city report contacts --by unit" city report contacts -p $P
bench "city report contacts --by org -f csv" city report contacts -p $P --by org -f csv
bench "city report summary -f xlsx" city report summary -p $P -f xlsx -o "$work/out.xlsx"
bench "city duplicates" city duplicates -p $P
bench "city brief" city brief -p $P -o "$work/out.html"
bench "city check" city check
echo "city register: $(du -k "$city" | cut -f1) KB; $(nproc) CPUs, load $(cut -d' ' -f1-3 /proc/loadavg)" >&2
