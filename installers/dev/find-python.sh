#!/usr/bin/env bash
# Prints the first Python 3.12+ interpreter found, or nothing.
for candidate in python3.12 python3.13 python3.14 python3; do
  path=$(command -v "$candidate" 2>/dev/null) || continue
  if "$path" -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; then
    echo "$path"
    exit 0
  fi
done
