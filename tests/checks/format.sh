#!/usr/bin/env bash
# Fails when a C++ file of the repository is not as .clang-format writes it (make format
# fixes that), naming the files. Usage: format.sh <repository> [clang-format binary]
set -euo pipefail
repo=$1
formatter=${2:-clang-format-14}
cd "$repo"
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    mapfile -t files < <(git ls-files --cached --others --exclude-standard -- '*.cpp' '*.h')
else
    mapfile -t files < <(find app server ui tests -name '*.cpp' -o -name '*.h' | sort)
fi
unformatted=()
for file in "${files[@]}"; do
    [[ -f $file ]] || continue # deleted in the work tree, not yet in the index
    if ! "$formatter" --dry-run --Werror "$file" >/dev/null 2>&1; then
        unformatted+=("$file")
    fi
done
if ((${#unformatted[@]})); then
    echo "format: ${#unformatted[@]} file(s) differ from .clang-format (run 'make format'):"
    printf '  %s\n' "${unformatted[@]}"
    exit 1
fi
echo "format: ${#files[@]} files as .clang-format writes them"
