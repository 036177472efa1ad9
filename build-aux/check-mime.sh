#!/bin/sh
# Check a shared-mime-info package by building a MIME database from it.
#
# Usage: check-mime.sh PACKAGE.xml
#
# The package is copied into a temporary mime/packages/ directory and
# update-mime-database is run on it; the check fails if the tool fails or
# prints any warnings, or if the resulting database does not map *.entente
# to application/x-entente.  When the system's freedesktop.org package and
# gio are available, a SQLite file named *.entente must also be detected
# as application/x-entente rather than as a plain SQLite database.

set -eu

if [ $# -ne 1 ]; then
    echo "usage: $0 PACKAGE.xml" >&2
    exit 2
fi

package=$1
mime_type=application/x-entente

tmpdir=$(mktemp -d)
trap 'rm -rf "$tmpdir"' EXIT INT TERM

mkdir -p "$tmpdir/mime/packages" "$tmpdir/home"
cp "$package" "$tmpdir/mime/packages/"

# Point the XDG variables at the temporary tree, so that
# update-mime-database does not complain about it being outside the
# search path and gio only sees the database built here.
XDG_DATA_DIRS=$tmpdir
XDG_DATA_HOME=$tmpdir/home
export XDG_DATA_DIRS XDG_DATA_HOME

if ! update-mime-database "$tmpdir/mime" >"$tmpdir/log" 2>&1; then
    cat "$tmpdir/log" >&2
    echo "update-mime-database failed" >&2
    exit 1
fi
if [ -s "$tmpdir/log" ]; then
    cat "$tmpdir/log" >&2
    echo "update-mime-database printed warnings" >&2
    exit 1
fi

if ! grep -q "^[0-9]*:$mime_type:\*\.entente\$" "$tmpdir/mime/globs2"; then
    echo "*.entente is not mapped to $mime_type" >&2
    exit 1
fi
if [ ! -f "$tmpdir/mime/$mime_type.xml" ]; then
    echo "$mime_type was not added to the database" >&2
    exit 1
fi
echo "$mime_type: database built, *.entente glob registered"

system_package=/usr/share/mime/packages/freedesktop.org.xml
if [ -f "$system_package" ] && command -v gio >/dev/null 2>&1; then
    rm -rf "$tmpdir/mime"
    mkdir -p "$tmpdir/mime/packages"
    cp "$system_package" "$package" "$tmpdir/mime/packages/"
    update-mime-database "$tmpdir/mime" >/dev/null 2>&1

    # A minimal SQLite header: the magic string followed by padding.
    sample="$tmpdir/sample.entente"
    { printf 'SQLite format 3\000'; head -c 496 /dev/zero; } >"$sample"

    detected=$(GIO_USE_VFS=local gio info -a standard::content-type "$sample" 2>/dev/null |
               sed -n 's/^ *standard::content-type: *//p')
    if [ "$detected" != "$mime_type" ]; then
        echo "a SQLite file named *.entente was detected as '$detected'," \
             "expected $mime_type" >&2
        exit 1
    fi
    echo "$mime_type: SQLite file named *.entente detected correctly"
fi
