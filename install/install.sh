#!/usr/bin/env bash
# Builds the kernel jar and registers it with Jupyter as the kernel "jawait". Safe to run again.
#
#   install/install.sh [--user | --sys-prefix | --prefix DIR] [--skip-build]
#
#   --user        (default) for the current user: Jupyter's user data directory
#   --sys-prefix  for everyone using the Python environment that runs Jupyter (e.g. a JupyterHub image)
#   --prefix DIR  into DIR/share/jupyter/kernels (a shared location of your choice)
#   --skip-build  use the jar already in kernel/target
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$here")
built_jar="$root/kernel/target/jawait-kernel.jar"
# the kernel's own classes alone, the class path of the cells' compiler (engine/KernelClassPath)
built_api="$root/kernel/target/jawait-cell-api.jar"
kernel_name=jawait

usage() { sed -n '2,9s/^# \{0,1\}//p' "${BASH_SOURCE[0]}"; }

scope=--user prefix="" build=1
while [ $# -gt 0 ]; do
  case "$1" in
    --user|--sys-prefix) scope=$1 ;;
    --prefix)
      [ $# -ge 2 ] && [ -n "$2" ] || { echo "jawait: --prefix needs a directory" >&2; exit 2; }
      scope=--prefix prefix=$(mkdir -p "$2" && cd "$2" && pwd); shift ;;
    --prefix=*) scope=--prefix prefix=$(mkdir -p "${1#--prefix=}" && cd "${1#--prefix=}" && pwd) ;;
    --skip-build) build=0 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "jawait: unknown option: $1" >&2; usage >&2; exit 2 ;;
  esac
  shift
done

. "$here/find-jdk.sh"
jawait_find_jdk
java="$JAVA_HOME/bin/java"
echo "jawait: using JDK at $JAVA_HOME"

if [ "$build" = 1 ]; then
  command -v mvn >/dev/null 2>&1 || { echo "jawait: Maven is missing; install it (apt-get install maven)" >&2; exit 1; }
  echo "jawait: building the kernel jar (mvn package, no tests)"
  (cd "$root" && mvn -B -q package -DskipTests)
fi
[ -f "$built_jar" ] || { echo "jawait: $built_jar was not built" >&2; exit 1; }

# Start-up flags only: nothing that changes how fast user code runs (no TieredStopAtLevel, no -Xint, no cap on
# the heap). The AOT cache (JDK 25, JEP 483/514) beat an AppCDS archive here: a JShell start took 0.50 s with
# it, 0.78 s with a dynamic AppCDS archive, 1.1 s with neither; and -XX:+AutoCreateSharedArchive ends the JVM
# with status 1 when the archive's directory is read-only (a shared install). A cache that does not match
# this JDK is ignored and the kernel starts without it, so the logging that would say so is off. A changed jar
# is NOT noticed (JDK 25 served the old classes from the cache after a rebuild), so the kernel runs its own copy
# of the jar, kept with its cache in the kernelspec directory, where no build overwrites it.
# The kernel's heap, GC and timing flags live in kernel-jvm.flags, with the measurements behind each.
heap_flags=()
while IFS= read -r line; do
  [[ -z $line || $line == \#* ]] || heap_flags+=("$line")
done < "$here/kernel-jvm.flags"

staging=$(mktemp -d)
trap 'rm -rf "$staging"' EXIT

json_string() { # a JSON string literal for $1
  local s=${1//\\/\\\\}; s=${s//\"/\\\"}; printf '"%s"' "$s"
}
write_spec() { # write_spec DIR JVM_FLAG...: a kernelspec directory for this jar
  local dir=$1 arg; shift
  mkdir -p "$dir"
  cp "$here/kernelspec/logo-32x32.png" "$here/kernelspec/logo-64x64.png" "$dir/"
  {
    printf '{\n  "argv": [%s' "$(json_string "$java")"
    for arg in "$@" -jar "$jar" kernel "{connection_file}"; do printf ', %s' "$(json_string "$arg")"; done
    printf '],\n  "display_name": "Java (jawait)",\n  "language": "java",\n  "interrupt_mode": "message",\n'
    printf '  "env": {},\n  "metadata": {"debugger": false}\n}\n'
  } > "$dir/kernel.json"
}

# Where Jupyter looks, for each scope; used when the "jupyter kernelspec" command is not installed.
jupyter_python() {
  local launcher
  launcher=$(command -v jupyter 2>/dev/null || true)
  if [ -n "$launcher" ] && head -n 1 "$launcher" | grep -q '^#!.*python'; then
    head -n 1 "$launcher" | sed 's/^#! *//; s/ .*//'
  else
    echo /usr/bin/python3
  fi
}
kernels_dir() {
  case "$scope" in
    --prefix) echo "$prefix/share/jupyter/kernels" ;;
    --sys-prefix) echo "$("$(jupyter_python)" -c 'import sys; print(sys.prefix)')/share/jupyter/kernels" ;;
    --user)
      if command -v jupyter >/dev/null 2>&1 && jupyter --data-dir >/dev/null 2>&1; then
        echo "$(jupyter --data-dir)/kernels"
      else
        echo "${JUPYTER_DATA_DIR:-${XDG_DATA_HOME:-$HOME/.local/share}/jupyter}/kernels"
      fi ;;
  esac
}

target="$(kernels_dir)/$kernel_name"
# The kernel's own jar and start-up cache live in its kernelspec directory (DESIGN.md §1, §7).
jar="$target/jawait-kernel.jar"
cache="$target/jawait-kernel.aot"
spec="$staging/spec/$kernel_name"
# javac's tiers (see kernel-jvm.flags): the directives file travels with the kernelspec, named by its installed path.
# HotSpot announces the file ("1 compiler directives added") on its console output, which is the terminal of whoever
# started the kernel (jupyter console prints it above its banner): -DisplayVMOutput silences that output. Warnings
# and a crash's report are written apart from it and still appear.
compiler_flags=(-XX:+UnlockDiagnosticVMOptions -XX:-DisplayVMOutput
                "-XX:CompilerDirectivesFile=$target/compiler-directives.json")
write_spec "$spec" "${heap_flags[@]}" "${compiler_flags[@]}" "-XX:AOTCache=$cache" -Xlog:aot=off -Xlog:cds=off
cp "$here/compiler-directives.json" "$spec/"

# A cache only serves the JDK and jar it was built from: keep it across a re-install only when both are the same.
jdk_id="$JAVA_HOME $("$java" -version 2>&1 | tr '\n' ' ')"
kept="$staging/kept"
mkdir -p "$kept"
if [ -f "$cache" ] && cmp -s "$built_jar" "$jar" && [ "$(cat "$cache.jdk" 2>/dev/null)" = "$jdk_id" ]; then
  cp -p "$jar" "$cache" "$cache.jdk" "$kept/"
fi
if command -v jupyter >/dev/null 2>&1 && jupyter kernelspec --version >/dev/null 2>&1; then
  args=(--replace --name "$kernel_name")
  case "$scope" in
    --user) args+=(--user) ;;
    --sys-prefix) args+=(--sys-prefix) ;;
    --prefix) args+=(--prefix "$prefix") ;;
  esac
  jupyter kernelspec install "${args[@]}" "$spec" >/dev/null
else
  rm -rf "$target"
  mkdir -p "$target"
  cp "$spec"/* "$target/"
fi
if [ -f "$kept/jawait-kernel.aot" ]; then
  cp -p "$kept"/* "$target/"
else
  cp "$built_jar" "$jar"
fi
if [ -f "$built_api" ]; then cp "$built_api" "$target/"; fi
echo "jawait: kernelspec '$kernel_name' installed in $target"

# The training run records what a real session loads (sockets, JShell, javac, the first cells); the cache is
# then built from that record. Without Jupyter's client there is no training and the kernel starts uncached.
# The record keeps the method profiles (JEP 515), a trade measured with kernel/bench/kernel_bench.py, an install
# with them against one without (-XX:-AOTRecordTraining in this run), two runs in swapped order, load 1.4-2.2:
# replayed, the profiles send what was hot in training to the JIT at once (-XX:+PrintCompilation, one start
# each: 1,663 C1 and 73 C2 compilations in the JVM's first 450 ms, against 981 and 86 without), and on 2 cores
# that work competes with javac's first compilation, which the first cell waits for. Without them: first execute_reply
# 0.311/0.325 s against 0.375/0.384 s (ipykernel 0.387 s), RSS 118/121 MB against 138/137 MB, a 39 MB cache
# instead of 45 MB; but trivial cells 50-250 p50 7.77/6.80 ms against 6.41/5.43 ms (ipykernel 3.46/4.14 ms;
# the JIT then does the work the profiles did at start: 0.74/0.75 s of CPU against 0.42/0.59 s), and the
# 10,000-line cell 0.089/0.048 s against 0.043/0.040 s. Kept, because without them the cells' target is missed.
train() {
  local config="$staging/jawait.aotconf"
  write_spec "$staging/train/kernels/$kernel_name" "${heap_flags[@]}" "${compiler_flags[@]}" -XX:AOTMode=record \
    "-XX:AOTConfiguration=$config" -Xlog:aot=off
  JUPYTER_PATH="$staging/train${JUPYTER_PATH:+:$JUPYTER_PATH}" /usr/bin/python3 "$here/train_kernel.py" "$kernel_name" \
    && [ -f "$config" ] \
    && "$java" "${heap_flags[@]}" -XX:AOTMode=create "-XX:AOTConfiguration=$config" "-XX:AOTCache=$cache" -Xlog:aot=error \
       -jar "$jar" >/dev/null
}
if [ ! -f "$cache" ]; then
  rm -f "$cache.jdk"
  if /usr/bin/python3 -c 'import jupyter_client' 2>/dev/null; then
    echo "jawait: training run for the start-up cache"
    if train; then
      echo "$jdk_id" > "$cache.jdk"
    else
      rm -f "$cache"
      echo "jawait: the training run failed; the kernel will start without a cache" >&2
    fi
  else
    echo "jawait: no jupyter_client for /usr/bin/python3: no start-up cache (the kernel works, starts slower)"
  fi
fi
if [ -f "$cache" ]; then echo "jawait: start-up cache $cache"; fi
echo "jawait: done. Pick the kernel \"Java (jawait)\" in Jupyter, or: jupyter console --kernel $kernel_name"
