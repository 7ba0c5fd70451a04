#!/usr/bin/env bash
# Starts or stops a throw-away PostgreSQL 15 server for the tests, on a loopback port,
# in a temporary folder. `start` prints the admin URL on its last line.
#   scripts/postgres.sh start [port]   scripts/postgres.sh stop <folder>
set -euo pipefail
PG=${PG_BIN:-/usr/lib/postgresql/15/bin}

case "${1:-}" in
  start)
    port=${2:-54329}
    # Another server (a developer's, a second run) may hold the port: take the next free one.
    while (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
    [ -x "$PG/initdb" ] || { echo "未找到 PostgreSQL 15（$PG）：apt-get install postgresql-15" >&2; exit 1; }
    dir=$(mktemp -d /tmp/procura-pg.XXXXXX)
    run() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$1"; else bash -c "$1"; fi; }
    [ "$(id -u)" = 0 ] && chown postgres "$dir"
    run "$PG/initdb -D $dir/data -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >$dir/initdb.log 2>&1"
    run "$PG/pg_ctl -D $dir/data -o '-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200' -l $dir/log -w start >/dev/null"
    echo "$dir" > "$dir/.procura-pg"
    echo "PROCURA_PG_DIR=$dir"
    echo "postgres://postgres@127.0.0.1:$port/postgres"
    ;;
  stop)
    dir=${2:?folder}
    if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$PG/pg_ctl -D $dir/data -m fast stop >/dev/null" || true
    else "$PG/pg_ctl" -D "$dir/data" -m fast stop >/dev/null || true; fi
    rm -rf "$dir"
    ;;
  *) echo "usage: $0 start [port] | stop <folder>" >&2; exit 2 ;;
esac
