#!/usr/bin/env bash
# %timeit against JMH on the same statements, in one invocation; prints means and ratios.
# Usage: kernel/bench/timeit-vs-jmh.sh [--engine | [--forks F] [--stop-check-ab]] [JMH measurement iterations, default 5]
#   default:  %timeit through the real kernel process, driven by Debian's jupyter_client (timeit_vs_jmh.py), F rounds
#             (default 3) of a fresh kernel (%timeit, then JMH in that kernel, then %timeit -f: a fresh JVM) and two
#             JMH forks per benchmark (as it starts, and with JDK profiles primed), medians compared (see there);
#             --stop-check-ab adds %timeit's copy against the loop with JShell's stop checks (see there)
#   --engine: %timeit through the engine inside the benchmark's own JVM (io.jawait.timing.bench.TimeitVsJmh), and
#             JMH both in that same JVM (no fork) and in a fork: tells a gap in %timeit's loop from one in the JVM
# Builds the shaded jar and test classes first (no tests run, at low priority), then measures holding
# /tmp/bench.lock, so that benchmarks on a shared machine run one at a time and never during this build.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
. "$here/../install/find-jdk.sh"
jawait_find_jdk
cd "$here"
engine=false
if [[ ${1:-} == --engine ]]; then engine=true; shift; fi
nice -n 19 mvn -B -q -o package -DskipTests >/dev/null
m2=${M2_REPO:-$HOME/.m2/repository}
jmh="$m2/org/openjdk/jmh/jmh-core/1.37/jmh-core-1.37.jar"
jopt="$m2/net/sf/jopt-simple/jopt-simple/5.0.4/jopt-simple-5.0.4.jar"
math="$m2/org/apache/commons/commons-math3/3.6.1/commons-math3-3.6.1.jar"
for f in "$jmh" "$jopt" "$math"; do
  [ -f "$f" ] || { echo "missing $f: run 'mvn -B test-compile' once with network to fetch JMH" >&2; exit 1; }
done
cp="target/jawait-kernel.jar:target/test-classes:$jmh:$jopt:$math"
lock=(flock /tmp/bench.lock)
command -v flock >/dev/null || lock=()
if $engine; then
  # the kernel's JVM flags (install/kernel-jvm.flags), so %timeit runs and consumes values as it does in the kernel
  flags=()
  while IFS= read -r line; do
    [[ -z $line || $line == \#* ]] || flags+=("$line")
  done < ../install/kernel-jvm.flags
  # JMH also runs without a fork in this JVM: give it what it gives its forks (its inlining hints, its blackhole)
  flags+=(-XX:CompileCommandFile=target/test-classes/META-INF/CompilerHints
          -XX:CompileCommand=blackhole,org.openjdk.jmh.infra.Blackhole::consumeCompiler -Djmh.blackhole.mode=COMPILER)
  exec "${lock[@]}" "$JAVA_HOME/bin/java" "${flags[@]}" -cp "$cp" io.jawait.timing.bench.TimeitVsJmh "$@"
fi
exec "${lock[@]}" /usr/bin/python3 bench/timeit_vs_jmh.py --java "$JAVA_HOME/bin/java" \
  --jar target/jawait-kernel.jar --classpath "$cp" --flags ../install/kernel-jvm.flags "$@"
