#!/usr/bin/env bash
# Runs every test: unit tests and the integration tests that drive the real kernel with Jupyter's clients.
# Extra arguments go to Maven, e.g. install/test.sh -Dit.test=NotebooksIT
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$here")
. "$here/find-jdk.sh"
jawait_find_jdk
echo "jawait: using JDK at $JAVA_HOME"
. "$here/python-deps.sh"
jawait_python_deps

# The database helpers are tested against a real PostgreSQL too, one this script starts on 127.0.0.1 and
# stops at exit. As root on Debian it installs the server when missing; elsewhere, without one, that test
# says how to get it and fails.
if ! ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "jawait: installing Debian's PostgreSQL server for the database tests"
  apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql
fi
pg_dir=$(mktemp -d "${TMPDIR:-/tmp}/jawait-pg-test.XXXXXX")
trap 'bash "$here/postgres.sh" stop "$pg_dir" >/dev/null 2>&1 || true; rm -rf "$pg_dir"' EXIT
if pg_env=$(bash "$here/postgres.sh" start "$pg_dir"); then
  eval "$pg_env"
fi
export JAWAIT_REQUIRE_PG=1

cd "$root"
mvn -B verify "$@"
