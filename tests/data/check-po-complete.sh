#!/bin/sh
# A translation is complete: every string of po/POTFILES.in (extracted as
# meson's glib preset does) has a translation in po/LANG.po that is not fuzzy.
set -eu
top=$1
lang=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$top"
xgettext --package-name=selvedge --files-from=po/POTFILES.in --directory="$top" \
  --from-code=UTF-8 --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
  --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
  --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format --flag=NC_:2:pass-c-format \
  --flag=g_dngettext:2:pass-c-format --flag=g_strdup_printf:1:c-format \
  --flag=g_string_printf:2:c-format --flag=g_string_append_printf:2:c-format \
  --flag=g_error_new:3:c-format --flag=g_set_error:4:c-format \
  -o "$tmp/selvedge.pot" 2>/dev/null
msgmerge --quiet --no-fuzzy-matching "po/$lang.po" "$tmp/selvedge.pot" -o "$tmp/$lang.po"
stats=$(msgfmt --statistics -o /dev/null "$tmp/$lang.po" 2>&1)
echo "$lang: $stats"
case "$stats" in
  *untranslated*|*fuzzy*)
    msgattrib --untranslated --only-fuzzy "$tmp/$lang.po" 2>/dev/null | grep '^msgid' | head -20
    msgattrib --untranslated "$tmp/$lang.po" | grep '^msgid ' | sed -n '2,21p'
    echo "po/$lang.po is not complete: translate the strings above (msgmerge po/$lang.po with a fresh POT)."
    exit 1 ;;
esac
