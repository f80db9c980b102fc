#!/usr/bin/env bash
# A throw-away PostgreSQL + PostGIS cluster for tests and benchmarks (Debian's postgresql-15 and
# postgresql-15-postgis-3, installed by scripts/setup.sh).
#   pg-cluster.sh start DIR PORT   initdb into DIR as the postgres user (root cannot run the server), start it
#                                  on 127.0.0.1:PORT with its socket in DIR, create databases geomap and
#                                  geomap_cli with PostGIS, and a role geomap_pw (password 'secret', scram) for login tests
#   pg-cluster.sh stop DIR         stop the server and remove DIR
set -euo pipefail
# The server outlives this script: it must not inherit the caller's descriptors (a caller waiting for a pipe
# or a socket to close, as Foundation's Process does, would wait for ever).
for fd in $(ls /proc/$$/fd); do
  if [ "$fd" -gt 2 ]; then eval "exec $fd>&-" 2>/dev/null || true; fi
done
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
case "${1:-}" in
  start)
    dir=$2; port=$3
    mkdir -p "$dir"
    if [ "$(id -u)" = 0 ]; then chown postgres: "$dir"; fi
    as_postgres "$bin/initdb" -D "$dir/data" -U postgres -A trust --no-sync >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; exit 1; }
    # Password login for geomap_pw over TCP; everyone else trusted (a throw-away cluster on loopback).
    # Durability off (a throw-away cluster) and 1 GB of shared buffers (the default 128 MB holds less than a
    # million events; 1 GB is a small share of what the PostgreSQL docs suggest for a dedicated server).
    printf 'host all geomap_pw 127.0.0.1/32 scram-sha-256\nhost all all 127.0.0.1/32 trust\nlocal all all trust\n' \
      | as_postgres tee "$dir/data/pg_hba.conf" >/dev/null
    as_postgres "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=50 -c shared_buffers=1GB" \
      start >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
    psql=(as_postgres "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -v ON_ERROR_STOP=1 -q)
    "${psql[@]}" -d postgres -c "CREATE DATABASE geomap" -c "CREATE DATABASE geomap_cli"
    "${psql[@]}" -d geomap_cli -c "CREATE EXTENSION postgis"
    "${psql[@]}" -d geomap -c "CREATE EXTENSION postgis" -c "CREATE ROLE geomap_pw LOGIN PASSWORD 'secret'" \
      -c "GRANT ALL ON SCHEMA public TO geomap_pw"
    ;;
  stop)
    dir=$2
    if [ -d "$dir/data" ]; then as_postgres "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true; fi
    rm -rf "$dir"
    ;;
  *) echo "usage: $0 start DIR PORT | stop DIR" >&2; exit 64 ;;
esac
