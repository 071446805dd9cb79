#!/usr/bin/env bash
# Starts or stops a throwaway PostgreSQL 15 server on 127.0.0.1:55432 for the PostgreSql tests.
# Usage: .ci/postgres.sh start|stop   (as root: installs postgresql-15 with apt when missing; runs the server as 'postgres')
# Tests read the connection string from AGENTMEMORY_PG_CONNECTION.
set -euo pipefail
PGDIR=${PGDIR:-/tmp/agentmemory-pg}
PGPORT=${PGPORT:-55432}
BIN=/usr/lib/postgresql/15/bin

case "${1:-}" in
  start)
    if [ ! -x "$BIN/pg_ctl" ]; then
      export DEBIAN_FRONTEND=noninteractive
      apt-get update -qq
      apt-get install -y -qq postgresql-15 >/dev/null
    fi
    if [ -f "$PGDIR/data/postmaster.pid" ]; then
      runuser -u postgres -- "$BIN/pg_ctl" -D "$PGDIR/data" -m fast -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$PGDIR"
    mkdir -p "$PGDIR" && chown postgres:postgres "$PGDIR"
    runuser -u postgres -- "$BIN/initdb" -D "$PGDIR/data" -U postgres -A trust --no-sync -E UTF8 --locale=C.UTF-8 >/dev/null
    runuser -u postgres -- "$BIN/pg_ctl" -D "$PGDIR/data" -l "$PGDIR/log" -w \
      -o "-c listen_addresses=127.0.0.1 -p $PGPORT -k $PGDIR -c max_connections=300 -c fsync=off" start >/dev/null
    echo "PostgreSQL running: Host=127.0.0.1;Port=$PGPORT;Username=postgres"
    ;;
  stop)
    if [ -f "$PGDIR/data/postmaster.pid" ]; then
      runuser -u postgres -- "$BIN/pg_ctl" -D "$PGDIR/data" -m fast -w stop >/dev/null
    fi
    ;;
  *)
    echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
