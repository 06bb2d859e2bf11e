#!/bin/sh
# Every source file that marks strings for translation is listed in
# po/POTFILES.in, so no user-visible string escapes translation.
set -eu
top=$1
cd "$top"
missing=0
for f in $(grep -rlE '(_|N_|C_|ngettext)\s*\(\s*"|translatable="yes"' src data --include='*.c' --include='*.ui' --include='*.in' --include='*.xml' | sort); do
  case "$f" in
    data/sql/*|*.gresource.xml) continue ;;
  esac
  if ! grep -qx "$f" po/POTFILES.in; then
    echo "not in po/POTFILES.in: $f"
    missing=1
  fi
done
exit $missing
