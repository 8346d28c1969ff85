#!/usr/bin/env bash
# The man pages (packaging/man) render without a warning and keep up with the binaries:
# every option and environment name `gatehoused --help` prints is in gatehoused(8), every
# option of `gatehouse --help` in gatehouse(1). Usage: manpages.sh <source dir> <build dir>
set -euo pipefail
source_dir=$1
build_dir=$2
status=0

for page in "$source_dir"/packaging/man/*.[18]; do
    warnings=$(LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -E UTF-8 -l -Tutf8 -Z "$page" 2>&1 >/dev/null)
    if [[ -n $warnings ]]; then
        echo "$page: man --warnings:"
        echo "$warnings"
        status=1
    fi
done

# Names as the page spells them: roff escapes \- for every dash. <pattern> picks the names
# out of the help: options, and for gatehoused(8) the environment names too.
check_names() { # <binary> <page> <pattern>
    local help page_text missing=()
    help=$(LC_ALL=C LANG=C LANGUAGE= QT_QPA_PLATFORM=offscreen "$1" --help)
    page_text=$(sed 's/\\-/-/g' "$2")
    while read -r name; do
        grep -qF -- "$name" <<<"$page_text" || missing+=("$name")
    done < <(grep -oE -- "$3" <<<"$help" | sort -u)
    if ((${#missing[@]})); then
        echo "$2 lacks what $(basename "$1") --help lists: ${missing[*]}"
        status=1
    fi
}
options='--[a-z][a-z-]+'
check_names "$build_dir/app/gatehoused" "$source_dir/packaging/man/gatehoused.8" "$options|\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b"
# gatehouse(1) refers to gatehoused(8) for the settings both share.
check_names "$build_dir/app/gatehouse" "$source_dir/packaging/man/gatehouse.1" "$options"

((status == 0)) && echo "man pages: no warnings, every option and environment name documented"
exit $status
