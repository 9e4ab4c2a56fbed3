#!/usr/bin/env bash
# dist/wine-test.sh: build mh51.exe for Windows and run the end-to-end tests that need no Unix
# shell against it under Wine (SPEC §21, docs/windows.md). Exits non-zero when any fails.
#
# 1. Installs what a fresh Debian machine lacks (apt: wine64, gcc-mingw-w64-x86-64, zip,
#    unzip; rustup: the x86_64-pc-windows-gnu target).
# 2. Cross-builds mh51.exe and makes the zip with dist/windows.sh.
# 3. Makes a throwaway Wine prefix and installs into it, for the tests only, a stand-in
#    bcryptprimitives.dll (dist/wine/processprng.c): Wine 8 lacks ProcessPrng, which Rust's
#    standard library calls and Windows 10 and 11 have. It lives in that prefix's system32 and
#    nowhere else; it is never in the zip (the suite checks).
# 4. Runs, under one persistent wineserver, the test modules listed below with
#    MH51_TEST_EXE naming a wrapper that runs `wine mh51.exe "$@"` (tests/util.rs's `bin()`),
#    plus the Windows-only tests of tests/windows.rs (a file held open, the PDF brief through
#    Edge in its standard folder, the zip), which the helpers below switch on.
set -Eeuo pipefail
trap 'rc=$?; echo "dist/wine-test.sh: line $LINENO: \`$BASH_COMMAND\` failed (exit $rc)" >&2; exit $rc' ERR
cd "$(dirname "$0")/.."
start=$(date +%s)
target=x86_64-pc-windows-gnu

need=()
command -v wine >/dev/null || need+=(wine wine64)
command -v x86_64-w64-mingw32-gcc >/dev/null || need+=(gcc-mingw-w64-x86-64)
command -v zip >/dev/null || need+=(zip)
command -v unzip >/dev/null || need+=(unzip)
if [ ${#need[@]} -gt 0 ]; then
  echo "dist/wine-test.sh: installing ${need[*]}" >&2
  if [ "$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
rustup target list --installed | grep -qx "$target" || rustup target add "$target"

target_dir=$(cargo metadata --format-version 1 --no-deps | sed -n 's/.*"target_directory":"\([^"]*\)".*/\1/p')
[ -n "$target_dir" ] || { echo "dist/wine-test.sh: cannot find cargo's target directory" >&2; exit 1; }
work=$(mktemp -d /tmp/mh51-wine.XXXXXX)
export WINEPREFIX=$work/prefix WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
cleanup() {
  wineserver -k 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

zip=$(dist/windows.sh "$work")
echo "dist/wine-test.sh: built $(basename "$zip") in $(($(date +%s) - start)) s" >&2

# Test helpers, built with MinGW, never shipped.
mkdir -p "$work/bin" "$work/helpers"
cc=x86_64-w64-mingw32-gcc
$cc -O2 -shared -s -o "$work/helpers/bcryptprimitives.dll" dist/wine/processprng.c dist/wine/bcryptprimitives.def -ladvapi32
$cc -municode -O2 -s -o "$work/helpers/hold.exe" dist/wine/hold.c
$cc -municode -O2 -s -o "$work/helpers/fake-browser.exe" dist/wine/fake-browser.c

# One wineserver for the whole run (started before anything else uses the prefix): each wine
# process then starts in a fraction of a second.
mkdir -p "$WINEPREFIX"
wineserver -p
wineboot -i >/dev/null 2>&1
cp "$work/helpers/bcryptprimitives.dll" "$WINEPREFIX/drive_c/windows/system32/bcryptprimitives.dll"
cp "$target_dir/$target/release/mh51.exe" "$work/bin/mh51.exe"
# The tests run mh51 with a clean environment (no LANG); Wine turns the Unix arguments and
# environment into Windows' UTF-16 by the Unix locale, so it is told they are UTF-8. (On
# Windows itself the arguments are UTF-16 from the start.) mh51 reads LANG, never LC_ALL.
#
# Wine, rarely (seen twice, about once in a few thousand starts), ends a run of mh51.exe
# with exit 1 and not a byte on stdout or stderr. mh51 itself never does: every exit 1 writes
# `error: ...` first (src/main.rs), and the tests require it. So the wrapper keeps the output
# of each run, and a run that ends so is run once more (its stdin was /dev/null in every test
# that goes through here), written to $work/wine-silent.log with Wine's own error lines
# (WINEDEBUG's err channel, kept off the program's stderr) and reported at the end; more than
# three in one suite fail it, for then it is not Wine's rare slip.
cat >"$work/bin/mh51" <<WRAP
#!/bin/sh
out=\$(mktemp) err=\$(mktemp) try=1
while :; do
  LC_ALL=C.UTF-8 WINEDEBUG=-all,err+all wine "$work/bin/mh51.exe" "\$@" >"\$out" 2>"\$err"
  rc=\$?
  if grep -aqE '^[0-9a-f]{4,}:err:' "\$err"; then
    wine_said=\$(grep -aE '^[0-9a-f]{4,}:err:' "\$err" | tr '\\n' ' ')
    grep -avE '^[0-9a-f]{4,}:err:' "\$err" >"\$err.rest" || true
    mv "\$err.rest" "\$err"
  else
    wine_said=
  fi
  if [ "\$rc" = 1 ] && [ ! -s "\$out" ] && [ ! -s "\$err" ] && [ "\$try" = 1 ]; then
    printf 'mh51 %s: exit 1 and no output; Wine said: %s\\n' "\$*" "\${wine_said:-nothing}" >>"$work/wine-silent.log"
    try=2
    continue
  fi
  break
done
cat "\$out"
cat "\$err" >&2
rm -f "\$out" "\$err"
exit "\$rc"
WRAP
chmod +x "$work/bin/mh51"
# The stand-in works: the exe runs and says its version.
"$work/bin/mh51" --version

export MH51_TEST_EXE=$work/bin/mh51
export MH51_TEST_HOLD=$work/helpers/hold.exe
export MH51_TEST_FAKE_BROWSER=$work/helpers/fake-browser.exe
export MH51_TEST_ZIP=$zip
# Test modules that need no Unix shell, no Unix permission bits and no SIGKILL. Tests in them
# that check a Unix-only promise are skipped by name (each says why in docs/windows.md).
modules=(windows:: import:: workbook:: refusals:: register:: reports:: audit:: wards:: demo:: sent::
  input::hostile_ods_xls_and_zip input::an_ods_file_within_the_limits)
skip=(
  --skip register::init_creates_a_private_database_with_the_seeds_and_pragmas # mode 0600
  --skip reports::xlsx_workbook_has_title_bold_header_numbers_and_total        # mode 0600
  --skip wards::extract_hands_a_ward_its_own_register                          # mode 0600
  --skip sent::a_change_dated_before_the_period_that_changes_its_figures       # a 0600 key file
)
suite=0
cargo test --release -- "${modules[@]}" "${skip[@]}" --test-threads 3 || suite=$?
if [ -s "$work/wine-silent.log" ]; then
  n=$(wc -l <"$work/wine-silent.log")
  echo "dist/wine-test.sh: Wine ended mh51.exe $n time(s) with exit 1 and no output; each was run once more:" >&2
  cat "$work/wine-silent.log" >&2
  if [ "$n" -gt 3 ]; then
    echo "dist/wine-test.sh: more than three is not Wine's rare slip: failing" >&2
    exit 1
  fi
fi
[ "$suite" = 0 ] || { echo "dist/wine-test.sh: the tests under Wine failed (exit $suite)" >&2; exit "$suite"; }
echo "dist/wine-test.sh: the Wine suite took $(($(date +%s) - start)) s" >&2
