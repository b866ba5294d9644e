#!/bin/sh
# Style.ClangTidy: clang-tidy (.clang-tidy) on every source of src/, from a
# build's compile_commands.json. Debian 12's run-clang-tidy has no
# -warnings-as-errors and exits 0 on warnings, so any warning or error in
# its output fails the test here.
# Usage: clang_tidy.sh RUN_CLANG_TIDY CLANG_TIDY BUILD_DIR SOURCE_DIR
set -u
run_clang_tidy=$1 clang_tidy=$2 build_dir=$3 source_dir=$4
log=$(mktemp) || exit 1
trap 'rm -f "$log"' EXIT
"$run_clang_tidy" -clang-tidy-binary "$clang_tidy" -p "$build_dir" -quiet -j 2 \
  "^$source_dir/src/.*\\.cpp\$" >"$log" 2>&1
status=$?
# Keep the diagnostics and the lines that show them; drop the progress lines.
grep -v -e 'clang-tidy.* -p=' -e 'warnings generated' -e '^Suppressed' -e '^Use -header-filter' \
  -e '^[[:space:]]*$' "$log"
if [ "$status" -ne 0 ] || grep -q -e 'warning:' -e 'error:' "$log"; then
  echo "clang-tidy found problems (or failed: status $status); see above" >&2
  exit 1
fi
echo "clang-tidy: no warnings"
