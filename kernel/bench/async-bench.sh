#!/usr/bin/env bash
# The await helpers against asyncio, in one invocation: 100,000 gathered 1 s sleeps (wall, peak RSS) in
# VIRTUAL, LOOP, asyncio and as bare parked virtual threads (the floor under VIRTUAL), then the cost of one task
# switch in LOOP and in asyncio. Every measurement runs in a fresh process so its peak RSS is its own.
# Usage: kernel/bench/async-bench.sh [tasks] [repeats]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
kernel="$(dirname "$here")"
tasks="${1:-100000}"
repeats="${2:-3}"
java_home="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
python="${PYTHON:-python3}"

if ! (cd "$kernel" && JAVA_HOME="$java_home" mvn -B -q -o test-compile >/tmp/async-bench-build.log 2>&1); then
    cat /tmp/async-bench-build.log >&2
    exit 1
fi
cp="$kernel/target/classes:$kernel/target/test-classes"
# The kernel's own JVM flags, from the file the installer reads, so both stay the same: a user's cell runs in
# that JVM, and the JVM's default initial heap (a 64th of RAM) would misstate its peak memory.
heap_flags=()
while IFS= read -r line; do
    [[ -z $line || $line == \#* ]] || heap_flags+=("$line")
done < "$(dirname "$kernel")/install/kernel-jvm.flags"
java() { "$java_home/bin/java" "${heap_flags[@]}" -cp "$cp" io.jawait.async.bench.AsyncBench "$@"; }

echo "# $(date -u +%FT%TZ) $(nproc) cores; $("$java_home/bin/java" -version 2>&1 | head -1); $("$python" --version)"
echo "# wall_s lists each repeat in one process; peak_rss_mb is the process's peak resident set (VmHWM / ru_maxrss)"
echo "# bench=cells: each repeat after a full collection, as the kernel's idle collector runs one between cells;"
echo "#   its peak_rss_mb is that repeat's own peak (VmHWM reset through /proc/self/clear_refs), rss_before_mb where it began"
echo "# java flags (the kernel's, from install/kernel-jvm.flags): ${heap_flags[*]}"
echo "# load: $(cut -d' ' -f1-3 /proc/loadavg) (figures are noisy when other builds share the cores)"
for mode in VIRTUAL LOOP; do
    java gather "$mode" "$tasks" "$repeats"          # cold JVM: the first repeat pays class loading and JIT
    java gather "$mode" "$tasks" "$repeats" 10000    # warm: as after earlier cells used the helpers
    java cells "$mode" "$tasks" "$repeats"           # warm, each repeat a cell after the kernel's idle collection
done
java bare "$tasks" "$repeats"                    # the floor under VIRTUAL: parked virtual threads, no library
"$python" "$here/asyncio_bench.py" gather "$tasks" "$repeats"
java switch 2 200000
"$python" "$here/asyncio_bench.py" switch 2 200000
java switch 1000 200
"$python" "$here/asyncio_bench.py" switch 1000 200
