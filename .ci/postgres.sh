#!/bin/sh
# A throw-away PostgreSQL server for the store tests, on 127.0.0.1:54329.
#
#   export QUOTEGRAPH_PG_DSN="$(.ci/postgres.sh)"    # install if needed, init, start, create db
#   .ci/postgres.sh stop                             # stop the server (data dir is kept)
#
# Idempotent: reruns reuse the cluster and the running server. Only the DSN goes to stdout;
# progress goes to stderr. The cluster lives in $QUOTEGRAPH_PG_DATA (default
# /tmp/quotegraph-pg) and trusts local connections, so use it for tests only.
set -eu

PORT="${QUOTEGRAPH_PG_PORT:-54329}"
DATA="${QUOTEGRAPH_PG_DATA:-/tmp/quotegraph-pg}"
DB=quotegraph_test
say() { echo "postgres.sh: $*" >&2; }

find_bin() {
    for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
        if [ -x "$d/initdb" ]; then echo "$d"; return 0; fi
    done
    if command -v initdb >/dev/null 2>&1; then dirname "$(command -v initdb)"; return 0; fi
    return 1
}

if ! BIN="$(find_bin)"; then
    say "installing PostgreSQL from Debian"
    if [ "$(id -u)" -ne 0 ]; then say "need root to install postgresql"; exit 1; fi
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
    BIN="$(find_bin)"
fi

# initdb and the server refuse to run as root: use the postgres account when we are root.
if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --home-dir "$DATA" postgres
    AS="runuser -u postgres --"
else
    AS=""
fi

if [ "${1:-}" = "stop" ]; then
    if [ -f "$DATA/postmaster.pid" ]; then
        $AS "$BIN/pg_ctl" -D "$DATA" -m fast -w stop >&2
    else
        say "not running"
    fi
    exit 0
fi

if [ ! -f "$DATA/PG_VERSION" ]; then
    say "initialising a cluster in $DATA"
    mkdir -p "$DATA"
    [ -z "$AS" ] || chown postgres: "$DATA"
    chmod 700 "$DATA"
    $AS "$BIN/initdb" -D "$DATA" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >&2
fi

if ! $AS "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
    say "starting the server on 127.0.0.1:$PORT"
    $AS "$BIN/pg_ctl" -D "$DATA" -l "$DATA/server.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $PORT -k $DATA -c fsync=off" start >&2
fi

if ! "$BIN/psql" -h 127.0.0.1 -p "$PORT" -U postgres -d postgres -tAc \
        "SELECT 1 FROM pg_database WHERE datname = '$DB'" | grep -q 1; then
    "$BIN/createdb" -h 127.0.0.1 -p "$PORT" -U postgres "$DB"
    say "created database $DB"
fi

echo "postgresql://postgres@127.0.0.1:$PORT/$DB"
