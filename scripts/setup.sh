#!/usr/bin/env bash
# Idempotent set-up: Odoo 18.0 source, virtualenv, private PostgreSQL cluster.
# Every step checks what exists first, so a second run takes seconds.
source "$(dirname "$0")/common.sh"

ensure_odoo_src() {
    if [ -f "$ODOO_SRC/odoo/release.py" ]; then
        grep -q "version_info = (18, 0" "$ODOO_SRC/odoo/release.py" \
            || die "ODOO_SRC=$ODOO_SRC does not hold Odoo 18.0 (see odoo/release.py)."
        return
    fi
    say "Odoo 18.0 source not found in ODOO_SRC=$ODOO_SRC; trying a shallow clone of the official 18.0 branch"
    mkdir -p "$(dirname "$ODOO_SRC")"
    if timeout 1800 git clone --quiet --depth 1 --branch 18.0 \
        https://github.com/odoo/odoo.git "$ODOO_SRC.part" 2>/dev/null; then
        mv "$ODOO_SRC.part" "$ODOO_SRC"
        return
    fi
    rm -rf "$ODOO_SRC.part"
    if git --git-dir="$ODOO_SNAPSHOT_GIT" cat-file -e "$ODOO_SNAPSHOT_COMMIT^{commit}" 2>/dev/null; then
        say "Clone failed; extracting Odoo 18.0 from the local snapshot $ODOO_SNAPSHOT_GIT ($ODOO_SNAPSHOT_COMMIT)"
        mkdir -p "$ODOO_SRC.part"
        git --git-dir="$ODOO_SNAPSHOT_GIT" archive "$ODOO_SNAPSHOT_COMMIT" | tar -x -C "$ODOO_SRC.part"
        mv "$ODOO_SRC.part" "$ODOO_SRC"
        return
    fi
    die "Odoo 18.0 source is missing and could not be fetched.
Provide it, then run the command again, in one of these ways:
  * git clone --depth 1 --branch 18.0 https://github.com/odoo/odoo.git $ODOO_SRC
  * or point ODOO_SRC at an existing Odoo 18.0 tree:  make test ODOO_SRC=/path/to/odoo
  * or extract commit $ODOO_SNAPSHOT_COMMIT of a copy of github.com/hlaadhari/odoo-18.0:
      git --git-dir=<its .git> archive $ODOO_SNAPSHOT_COMMIT | tar -x -C $ODOO_SRC"
}

ensure_system_packages() {
    local missing=()
    [ -x "$PGBIN/initdb" ] || missing+=(postgresql)
    command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 \
        || command -v google-chrome >/dev/null 2>&1 || missing+=(chromium)
    command -v wkhtmltopdf >/dev/null 2>&1 || missing+=(wkhtmltopdf)
    # pdftoppm: the label tests rasterise the PDF to decode its codes
    command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
    [ ${#missing[@]} -eq 0 ] && return
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        say "Installing system packages: ${missing[*]}"
        apt-get update -qq >/dev/null
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
    else
        die "Missing system packages: ${missing[*]} (install them, e.g. sudo apt-get install ${missing[*]})"
    fi
    if [ ! -x "$PGBIN/initdb" ]; then
        PGBIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
        [ -x "$PGBIN/initdb" ] || die "PostgreSQL server binaries not found (set PGBIN)."
    fi
}

ensure_venv() {
    local stamp="$VENV/.it_asset-requirements"
    local want
    want="$(cat "$REPO/requirements-odoo.txt" "$REPO/requirements-dev.txt" | sha1sum | cut -c1-40)"
    if [ -x "$PY" ] && [ "$(cat "$stamp" 2>/dev/null)" = "$want" ]; then
        return
    fi
    say "Creating the virtualenv $VENV (Odoo's Python dependencies and ours)"
    [ -x "$PY" ] || python3 -m venv "$VENV"
    # (pip warns about absent local index folders on some machines: not errors)
    "$PY" -m pip install -q --disable-pip-version-check \
        -r "$REPO/requirements-odoo.txt" -r "$REPO/requirements-dev.txt" 2>&1 \
        | { grep -v "is ignored: it is neither a file nor a directory" || true; }
    [ "${PIPESTATUS[0]}" -eq 0 ] || die "pip install failed (see above)."
    echo "$want" >"$stamp"
}

ensure_odoo_bytecode() {
    # On machines that set PYTHONDONTWRITEBYTECODE, Python writes no bytecode
    # and every Odoo process compiles Odoo's modules again (measured: an
    # `odoo-bin shell` start took 4.6-5.0 s, 2.4 s once compiled). compileall
    # writes it once; an Odoo tree we may not write to is left as it is.
    [ -d "$ODOO_SRC/odoo/__pycache__" ] && return
    say "Compiling Odoo's Python modules (once)"
    "$PY" -m compileall -q -j 0 "$ODOO_SRC/odoo" "$ODOO_SRC/addons" >/dev/null 2>&1 \
        || say "Could not write bytecode into $ODOO_SRC: Odoo will start slower"
}

ensure_odoo_importable() {
    # pytest-odoo and the benchmark scripts `import odoo`: point the venv at ODOO_SRC.
    local site
    site="$("$PY" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')"
    [ "$(cat "$site/odoo-src.pth" 2>/dev/null)" = "$ODOO_SRC" ] || echo "$ODOO_SRC" >"$site/odoo-src.pth"
}

as_pg() {
    # PostgreSQL refuses to run as root: run its commands as the postgres user then.
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

ensure_pg() {
    local pgdir="$STATE/pg"
    mkdir -p "$pgdir"
    if [ "$(id -u)" = 0 ] && [ ! -e "$pgdir/data" ]; then
        # The cluster belongs to the postgres user. If it cannot reach this
        # checkout (a private home folder), keep the cluster in /tmp, linked here.
        chown postgres "$pgdir"
        if ! runuser -u postgres -- test -w "$pgdir/." 2>/dev/null; then
            local tmp
            tmp="/tmp/it_asset-pg-$(echo "$REPO" | sha1sum | cut -c1-10)"
            mkdir -p "$tmp"
            ln -sfn "$tmp" "$pgdir/data"
        fi
    fi
    local data="$pgdir/data"
    if [ ! -f "$data/PG_VERSION" ]; then
        say "Creating a private PostgreSQL cluster in $data"
        mkdir -p "$data"
        [ "$(id -u)" = 0 ] && chown -R postgres "$data/" && chmod 700 "$data/"
        as_pg "$PGBIN/initdb" -D "$data/" -A trust -U odoo -E UTF8 --locale=C.UTF-8 >/dev/null
    fi
    if [ ! -f "$pgdir/port" ]; then
        local port=55432
        while (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
        echo "$port" >"$pgdir/port"
    fi
    if ! as_pg "$PGBIN/pg_ctl" -D "$data/" status >/dev/null 2>&1; then
        local port
        port="$(pg_port)"
        if (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            die "Port $port is taken by another server; remove $pgdir/port to pick a free one."
        fi
        say "Starting PostgreSQL on 127.0.0.1:$port"
        as_pg "$PGBIN/pg_ctl" -D "$data/" -l "$data/server.log" -w -t 60 \
            -o "-p $port -k '' -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
            start >/dev/null
    fi
}

ensure_system_packages
ensure_odoo_src
ensure_venv
ensure_odoo_bytecode
ensure_odoo_importable
ensure_pg
addons_dir >/dev/null
