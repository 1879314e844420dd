#!/usr/bin/env bash
# Record golden outputs of the reference Ganeti htools binaries.
#
# Usage: Fixtures/record-goldens.sh [REFERENCE_BIN_DIR] [CASE_GLOB...]
#
#   REFERENCE_BIN_DIR  directory holding hail, hbal, hspace, hroller, hsqueeze,
#                      hinfo (default: $HTOOLS_REF_BIN, else /tmp/refbin, else
#                      the Debian ganeti-htools-3.0 layout under
#                      /usr/lib/ganeti/3.0).  Each tool is looked up in that
#                      directory first, then in the Debian locations.
#   CASE_GLOB          only (re-)record cases whose id matches one of these
#                      shell globs (default: all cases).
#
# For every case in Fixtures/golden/cases.tsv (columns: id, tool, arguments;
# arguments are split on whitespace, no quoting; "$FIX" stands for the
# Fixtures directory) it writes Fixtures/golden/<id>.stdout, <id>.stderr and
# <id>.rc.  Every occurrence of the absolute Fixtures path in stdout/stderr is
# replaced by the literal string "$FIX", so the stored files contain no
# machine-specific paths.
#
# Each case is run twice; if the two runs differ the script reports the case
# as non-deterministic and exits non-zero at the end.  Each run gets stdin
# from /dev/null, LC_ALL=C, a scratch working directory, and a time limit of
# $HTOOLS_GOLDEN_TIMEOUT seconds (default 60).
set -u -o pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
FIX=$here
GOLDEN=$FIX/golden
CASES=$GOLDEN/cases.tsv
TIMEOUT_S=${HTOOLS_GOLDEN_TIMEOUT:-60}

bindir=${1:-${HTOOLS_REF_BIN:-}}
if [ $# -gt 0 ]; then shift; fi
if [ -z "$bindir" ]; then
  if [ -d /tmp/refbin ]; then bindir=/tmp/refbin
  else bindir=/usr/lib/ganeti/3.0/usr/bin; fi
fi
globs=("$@")

find_tool() {
  local t=$1 c
  for c in "$bindir/$t" \
           "/usr/lib/ganeti/3.0/usr/bin/$t" \
           "/usr/lib/ganeti/3.0/usr/lib/ganeti/iallocators/$t" \
           "/usr/lib/ganeti/iallocators/$t"; do
    if [ -x "$c" ]; then printf '%s\n' "$c"; return 0; fi
  done
  return 1
}

# Replace the fixtures path by the literal "$FIX" (stdin -> stdout), bytewise.
scrub() {
  FIXPATH=$FIX perl -0777 -pe 's/\Q$ENV{FIXPATH}\E/\$FIX/g'
}

wanted() {
  local id=$1 g
  [ ${#globs[@]} -eq 0 ] && return 0
  for g in "${globs[@]}"; do
    # shellcheck disable=SC2053
    [[ $id == $g ]] && return 0
  done
  return 1
}

work=$(mktemp -d "${TMPDIR:-/tmp}/htools-golden.XXXXXX")
trap 'rm -rf "$work"' EXIT

# run_case TOOLPATH OUTPREFIX ARGS... ; writes OUTPREFIX.{stdout,stderr,rc}
run_case() {
  local exe=$1 out=$2; shift 2
  local rc
  ( cd "$work/cwd" && exec env LC_ALL=C timeout -k 5 "$TIMEOUT_S" "$exe" "$@" ) \
      </dev/null >"$out.raw-stdout" 2>"$out.raw-stderr"
  rc=$?
  scrub <"$out.raw-stdout" >"$out.stdout"
  scrub <"$out.raw-stderr" >"$out.stderr"
  rm -f "$out.raw-stdout" "$out.raw-stderr"
  printf '%s\n' "$rc" >"$out.rc"
  return 0
}

mkdir -p "$work/cwd"
n=0; bad=0; failed_ids=()
while IFS=$'\t' read -r id tool args || [ -n "$id" ]; do
  case $id in ''|'#'*) continue ;; esac
  wanted "$id" || continue
  exe=$(find_tool "$tool") || { echo "error: no reference binary for $tool" >&2; exit 2; }
  # Word-split the arguments without globbing, then substitute $FIX.
  set -f
  # shellcheck disable=SC2206
  argv=($args)
  set +f
  for i in "${!argv[@]}"; do argv[$i]=${argv[$i]//\$FIX/$FIX}; done
  # The executable keeps its tool name as basename (the Debian htools binary
  # dispatches on argv[0]).
  start=$(date +%s.%N)
  run_case "$exe" "$work/a" "${argv[@]+"${argv[@]}"}"
  end=$(date +%s.%N)
  run_case "$exe" "$work/b" "${argv[@]+"${argv[@]}"}"
  same=yes
  for ext in stdout stderr rc; do
    cmp -s "$work/a.$ext" "$work/b.$ext" || same=no
  done
  rc=$(cat "$work/a.rc")
  if [ "$rc" = 124 ] || [ "$rc" = 137 ]; then
    echo "warning: $id timed out after ${TIMEOUT_S}s" >&2
  fi
  if [ $same = no ]; then
    echo "NON-DETERMINISTIC: $id" >&2
    bad=$((bad + 1)); failed_ids+=("$id")
  fi
  for ext in stdout stderr rc; do cp "$work/a.$ext" "$GOLDEN/$id.$ext"; done
  n=$((n + 1))
  printf '%-45s rc=%-3s %6ss\n' "$id" "$rc" \
    "$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f", b - a }')"
done <"$CASES"

echo "recorded $n case(s) with reference binaries from $bindir"
if [ $bad -gt 0 ]; then
  echo "non-deterministic cases: ${failed_ids[*]}" >&2
  exit 1
fi
