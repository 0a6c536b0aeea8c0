#!/usr/bin/env bash
# Checks the Debian package built by the package_build fixture:
#   package_test.sh contents|lintian PACKAGE_DIR VERSION SOURCE_DIR
# contents: the fields and files, then the packaged skydraft run from an unpacked root
# (--version, validate, export --to svg, --screenshot, the man page, the completion, the MIME
# type). lintian: no error-level tag. Exit 77 (skipped) when a Debian tool is missing.
set -euo pipefail
check="$1" dir="$2" version="$3" source="$4"
deb="$dir/skydraft_${version}_amd64.deb"
fail() { echo "FAIL: $*" >&2; exit 1; }
need() { command -v "$1" >/dev/null 2>&1 || { echo "SKIP: $1 is not installed (./dev test installs it)"; exit 77; }; }
[ -f "$deb" ] || fail "no package at $deb"

if [ "$check" = lintian ]; then
  need lintian
  out="$(lintian --tag-display-limit 0 "$deb" 2>&1 || true)"
  echo "$out"
  if grep -q '^E: ' <<<"$out"; then fail "lintian reports errors"; fi
  exit 0
fi

need dpkg-deb
field() { dpkg-deb -f "$deb" "$1"; }
[ "$(field Package)" = skydraft ] || fail "Package: $(field Package)"
[ "$(field Version)" = "$version" ] || fail "Version: $(field Version)"
[ "$(field Architecture)" = amd64 ] || fail "Architecture: $(field Architecture)"
depends="$(field Depends)"
for dep in libc6 libqt6core6 libqt6quick6 libgvc6 libyaml-cpp0.7 libqt6svg6 \
           qml6-module-qtquick-controls qml6-module-qtquick-dialogs; do
  grep -Eq "(^|, )$dep( |,|$)" <<<"$depends" || fail "Depends lacks $dep: $depends"
done

root="$(mktemp -d)"
trap 'rm -rf "$root"' EXIT
dpkg-deb -x "$deb" "$root"
for file in usr/bin/skydraft usr/lib/x86_64-linux-gnu/skydraft/libskydraft_designer.so \
            usr/share/applications/skydraft.desktop \
            usr/share/icons/hicolor/scalable/apps/skydraft.svg \
            usr/share/icons/hicolor/scalable/mimetypes/application-x-skydraft.svg \
            usr/share/mime/packages/skydraft.xml usr/share/man/man1/skydraft.1.gz \
            usr/share/bash-completion/completions/skydraft \
            usr/share/doc/skydraft/copyright usr/share/doc/skydraft/changelog.gz; do
  [ -f "$root/$file" ] || fail "missing /$file"
done
# Nothing from the build or test trees.
extra="$(cd "$root" && find . -type f | grep -Ev '^\./usr/(bin/skydraft|lib/x86_64-linux-gnu/skydraft/|share/)' || true)"
[ -z "$extra" ] || fail "unexpected files: $extra"

# The packaged program, from the unpacked root (the designer module from ../lib/<arch>/skydraft).
bin="$root/usr/bin/skydraft"
work="$root/work"
mkdir -p "$work"
[ "$("$bin" --version)" = "skydraft $version" ] || fail "--version: $("$bin" --version)"
"$bin" validate "$source/examples/three-tier-web-app.skydraft" >"$work/validate.txt" \
  || fail "validate exited $?"
grep -q "no problems found" "$work/validate.txt" || fail "validate: $(cat "$work/validate.txt")"
set +e
"$bin" validate "$source/examples/faulty/planted-faults.skydraft" >/dev/null
code=$?
set -e
[ "$code" -eq 1 ] || fail "validate of planted faults exited $code, not 1"
"$bin" export --to svg "$source/examples/hub-and-spoke-tgw-vpn.skydraft" -o "$work/hub.svg"
grep -q '<symbol id="skydraft-icon-transit_gateway"' "$work/hub.svg" || fail "SVG without icons"
xmllint --noout "$work/hub.svg" || fail "SVG is not well-formed"
"$bin" --screenshot "$work/window.png" --size 800x600 "$source/examples/three-tier-web-app.skydraft"
[ "$(head -c 8 "$work/window.png" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ] \
  || fail "--screenshot did not write a PNG"
[ "$(stat -c %s "$work/window.png")" -gt 20000 ] || fail "the screenshot is nearly empty"

# The man page covers every command, in valid roff.
zcat "$root/usr/share/man/man1/skydraft.1.gz" >"$work/skydraft.1"
for command in info format export validate generate import; do
  grep -q "^\.SS \"skydraft $command\"" "$work/skydraft.1" || fail "man page lacks $command"
done
grep -q 'mermaid' "$work/skydraft.1" || fail "man page lacks the export formats"
if command -v groff >/dev/null 2>&1; then
  warnings="$(groff -man -Tutf8 -ww -z "$work/skydraft.1" 2>&1)"
  [ -z "$warnings" ] || fail "groff: $warnings"
fi

# Bash completion: commands, a command's options, an option's choices.
complete_line() {
  # shellcheck disable=SC1090
  bash -c 'source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _skydraft;
           printf "%s\n" "${COMPREPLY[@]}"' _ "$root/usr/share/bash-completion/completions/skydraft" "$@"
}
complete_line skydraft ex | grep -qx export || fail "completion of commands"
complete_line skydraft export --t | grep -qx -- --to || fail "completion of options"
[ "$(complete_line skydraft export --to m)" = mermaid ] || fail "completion of --to values"
[ "$(complete_line skydraft validate --format s)" = sarif ] || fail "completion of --format"

# The desktop entry and the MIME type as the desktop sees them.
if command -v desktop-file-validate >/dev/null 2>&1; then
  desktop-file-validate "$root/usr/share/applications/skydraft.desktop" \
    || fail "desktop-file-validate"
fi
grep -q '^MimeType=application/x-skydraft;$' "$root/usr/share/applications/skydraft.desktop" \
  || fail "the desktop entry does not open application/x-skydraft"
need update-mime-database
xmllint --noout "$root/usr/share/mime/packages/skydraft.xml"
update-mime-database "$root/usr/share/mime" >/dev/null
grep -qx 'application/x-skydraft:\*\.skydraft' <(cut -d: -f2- "$root/usr/share/mime/globs2") \
  || fail "globs2 does not map *.skydraft: $(cat "$root/usr/share/mime/globs2")"
echo "package $deb: contents and packaged program OK"
