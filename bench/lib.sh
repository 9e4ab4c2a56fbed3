# bench/lib.sh: the start every benchmark script shares (bench/run.sh, bench/encrypted.sh,
# bench/city.sh). Sourced after `cd` to the repository, with `me` set to the script's name
# for its messages. It builds the release binary and finds it wherever cargo puts it
# (CARGO_TARGET_DIR, build.target-dir in a config, or target/; MH51=PATH takes another), makes
# the scratch folder $work (removed on exit) and defines `quiet`.
cargo build --release --quiet
target_dir=$(cargo metadata --format-version 1 --no-deps | sed -n 's/.*"target_directory":"\([^"]*\)".*/\1/p')
[ -n "$target_dir" ] || { echo "$me: cannot find cargo's target directory (cargo metadata)" >&2; exit 1; }
MH51=${MH51:-"$target_dir/release/mh51"}
[ -x "$MH51" ] || { echo "$me: no mh51 binary at $MH51 after cargo build --release" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# quiet CMD...: run with its output hidden, but show its stderr if it fails.
quiet() {
  "$@" >/dev/null 2>"$work/quiet.err" || {
    local rc=$?
    echo "$me: failed (exit $rc): $*" >&2
    cat "$work/quiet.err" >&2
    return "$rc"
  }
}
