#!/usr/bin/env bash
# dist/windows.sh [OUTDIR]: the Windows package, mh51-VERSION-windows-x86_64.zip (VERSION
# from Cargo.toml), written to OUTDIR (default: cargo's target directory, under dist/).
#
# The zip holds exactly three files: mh51.exe (cross-built for x86_64-pc-windows-gnu with
# MinGW), HUONG-DAN.txt (the clerk's guide in Vietnamese, UTF-8 with BOM and CRLF so that
# Notepad shows it right) and mh51-completions.ps1 (`mh51 completions powershell`). It is made
# from a fresh staging directory with an explicit list of files, so nothing else (the test-only
# stand-in bcryptprimitives.dll of dist/wine-test.sh above all) can slip in; the script checks
# the listing of the zip it made. Needs: rustup target x86_64-pc-windows-gnu, MinGW
# (gcc-mingw-w64-x86-64), zip. Prints the zip's path.
set -Eeuo pipefail
trap 'rc=$?; echo "dist/windows.sh: line $LINENO: \`$BASH_COMMAND\` failed (exit $rc)" >&2; exit $rc' ERR
cd "$(dirname "$0")/.."
target=x86_64-pc-windows-gnu
version=$(sed -n 's/^version *= *"\([^"]*\)".*/\1/p' Cargo.toml | head -1)
[ -n "$version" ] || { echo "dist/windows.sh: no version in Cargo.toml" >&2; exit 1; }
target_dir=$(cargo metadata --format-version 1 --no-deps | sed -n 's/.*"target_directory":"\([^"]*\)".*/\1/p')
[ -n "$target_dir" ] || { echo "dist/windows.sh: cannot find cargo's target directory" >&2; exit 1; }
out=${1:-$target_dir/dist}
mkdir -p "$out"
out=$(cd "$out" && pwd)
zip_name="mh51-$version-windows-x86_64.zip"

cargo build --release --target "$target" >&2
# The completions come from the same clap definitions; the Linux build prints them.
cargo build --release >&2

stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
cp "$target_dir/$target/release/mh51.exe" "$stage/mh51.exe"
# Notepad-friendly: UTF-8 with a byte-order mark, CRLF line ends.
{ printf '\xef\xbb\xbf'; sed 's/$/\r/' dist/windows/HUONG-DAN.txt; } >"$stage/HUONG-DAN.txt"
{ printf '\xef\xbb\xbf'; "$target_dir/release/mh51" completions powershell | sed 's/$/\r/'; } >"$stage/mh51-completions.ps1"

rm -f "$out/$zip_name"
(cd "$stage" && TZ=UTC touch -t 202001010000 mh51.exe HUONG-DAN.txt mh51-completions.ps1 &&
  zip -q -X "$out/$zip_name" mh51.exe HUONG-DAN.txt mh51-completions.ps1)
listing=$(unzip -Z1 "$out/$zip_name" | sort | tr '\n' ' ')
if [ "$listing" != "HUONG-DAN.txt mh51-completions.ps1 mh51.exe " ]; then
  echo "dist/windows.sh: the zip holds [$listing], not exactly mh51.exe, HUONG-DAN.txt, mh51-completions.ps1" >&2
  rm -f "$out/$zip_name"
  exit 1
fi
echo "$out/$zip_name"
