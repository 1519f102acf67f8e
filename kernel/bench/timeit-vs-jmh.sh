#!/usr/bin/env bash
# %timeit through the engine against JMH on the same statements, in one invocation; prints means and ratios.
# Usage: kernel/bench/timeit-vs-jmh.sh [JMH measurement iterations, default 5]
# Builds the shaded jar and test classes (no tests run), then runs io.jawait.timing.bench.TimeitVsJmh.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
. "$here/../install/find-jdk.sh"
jawait_find_jdk
cd "$here"
mvn -B -q -o package -DskipTests >/dev/null
m2=${M2_REPO:-$HOME/.m2/repository}
jmh="$m2/org/openjdk/jmh/jmh-core/1.37/jmh-core-1.37.jar"
jopt="$m2/net/sf/jopt-simple/jopt-simple/5.0.4/jopt-simple-5.0.4.jar"
math="$m2/org/apache/commons/commons-math3/3.6.1/commons-math3-3.6.1.jar"
for f in "$jmh" "$jopt" "$math"; do
  [ -f "$f" ] || { echo "missing $f: run 'mvn -B test-compile' once with network to fetch JMH" >&2; exit 1; }
done
# the kernel's JVM flags (install/kernel-jvm.flags), so %timeit runs and consumes values as it does in the kernel
flags=()
while IFS= read -r line; do
  [[ -z $line || $line == \#* ]] || flags+=("$line")
done < ../install/kernel-jvm.flags
exec "$JAVA_HOME/bin/java" "${flags[@]}" -cp "target/jawait-kernel.jar:target/test-classes:$jmh:$jopt:$math" \
  io.jawait.timing.bench.TimeitVsJmh "$@"
