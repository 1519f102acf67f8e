#!/usr/bin/env bash
# Starts (or stops) a private PostgreSQL from Debian's packages on 127.0.0.1, for the notebooks' database
# cells: `eval "$(install/postgres.sh start)"` sets JAWAIT_PG_URL, and AsyncDb.fromEnv(...) then uses it.
#   install/postgres.sh start [DIR]   initdb into DIR (default: $TMPDIR/jawait-pg) if needed, start, print the URL
#   install/postgres.sh stop  [DIR]   stop that server
#   install/postgres.sh url   [DIR]   print the URL of a running server again
# Only 127.0.0.1 is listened on; the password is random, kept in DIR/password (mode 600).
set -euo pipefail

command=${1:-start}
dir=${2:-${TMPDIR:-/tmp}/jawait-pg}
data="$dir/data"

find_bin() { # the directory of the newest installed PostgreSQL's initdb and pg_ctl
  local candidate
  for candidate in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    [ -x "$candidate/initdb" ] && [ -x "$candidate/pg_ctl" ] && { echo "$candidate"; return 0; }
  done
  command -v pg_ctl >/dev/null 2>&1 && command -v initdb >/dev/null 2>&1 \
    && { dirname "$(readlink -f "$(command -v pg_ctl)")"; return 0; }
  cat >&2 <<'MSG'
PostgreSQL's server programs (initdb, pg_ctl) were not found.
Install Debian's package: sudo apt-get install postgresql   (then run this again)
MSG
  return 1
}

as_owner() { # PostgreSQL refuses to run as root: run as the postgres user then
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

free_port() {
  /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

print_url() {
  local port password
  port=$(cat "$dir/port")
  password=$(cat "$dir/password")
  echo "export JAWAIT_PG_URL='jdbc:postgresql://127.0.0.1:$port/postgres?user=jawait&password=$password'"
}

start() {
  local bin port
  bin=$(find_bin)
  mkdir -p "$dir"
  chmod 700 "$dir"
  [ "$(id -u)" -eq 0 ] && chown postgres: "$dir"
  if [ ! -s "$data/PG_VERSION" ]; then
    (umask 077; head -c 18 /dev/urandom | base64 | tr -d '/+=' > "$dir/password")
    [ "$(id -u)" -eq 0 ] && chown postgres: "$dir/password"
    as_owner "$bin/initdb" -D "$data" -U jawait --auth=scram-sha-256 --pwfile="$dir/password" \
      --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
      || { echo "initdb failed; see $dir/initdb.log" >&2; exit 1; }
  fi
  if as_owner "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
    print_url
    return 0
  fi
  port=$(free_port)
  echo "$port" > "$dir/port"
  as_owner "$bin/pg_ctl" -D "$data" -l "$dir/server.log" -w -t 30 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $dir" start >/dev/null \
    || { echo "PostgreSQL did not start; see $dir/server.log" >&2; exit 1; }
  echo "PostgreSQL $("$bin/pg_ctl" --version | awk '{print $3}') on 127.0.0.1:$port, data in $data" >&2
  print_url
}

stop() {
  local bin
  bin=$(find_bin)
  if [ -s "$data/PG_VERSION" ] && as_owner "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
    as_owner "$bin/pg_ctl" -D "$data" -m fast -w stop >/dev/null
    echo "stopped the PostgreSQL in $data" >&2
  else
    echo "no PostgreSQL running in $data" >&2
  fi
}

case "$command" in
  start) start ;;
  stop) stop ;;
  url) [ -s "$dir/port" ] && print_url || { echo "no server started in $dir" >&2; exit 1; } ;;
  *) echo "usage: $0 start|stop|url [DIR]" >&2; exit 2 ;;
esac
