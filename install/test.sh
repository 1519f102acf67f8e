#!/usr/bin/env bash
# Runs every test: unit tests and the integration tests that drive the real kernel with Jupyter's clients.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$here")
. "$here/find-jdk.sh"
jawait_find_jdk
echo "jawait: using JDK at $JAVA_HOME"
. "$here/python-deps.sh"
jawait_python_deps
cd "$root"
exec mvn -B verify "$@"
