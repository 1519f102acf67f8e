#!/usr/bin/env bash
# The main job: build and register the kernel, run every notebook under notebooks/ headless, say how to open them.
#   install/run.sh [install.sh options]     e.g. install/run.sh --sys-prefix
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$here")
jar="$root/kernel/target/jawait-kernel.jar"

bash "$here/install.sh" "$@"
. "$here/find-jdk.sh"
jawait_find_jdk

shopt -s nullglob
notebooks=("$root"/notebooks/*.ipynb)
status=0
if [ ${#notebooks[@]} -eq 0 ]; then
  echo "jawait: no notebooks under $root/notebooks"
else
  echo "jawait: running ${#notebooks[@]} notebook(s) headless"
  # the runner prints the table (notebook, cells, seconds, errors); its status says whether every cell succeeded.
  # It runs with the kernel's JVM flags, so %timeit and the GC behave as in the kernel.
  flags=()
  while IFS= read -r line; do
    [[ -z $line || $line == \#* ]] || flags+=("$line")
  done < "$here/kernel-jvm.flags"
  # the executed copies go under kernel/target (ignored by git), not into the folder the command ran from
  out="$root/kernel/target/executed-notebooks"
  "$JAVA_HOME/bin/java" "${flags[@]}" -jar "$jar" run --out "$out" "${notebooks[@]}" || status=$?
  echo "jawait: the executed copies are in $out"
fi

cat <<MSG

Open the notebooks in JupyterLab and pick the kernel "Java (jawait)":
    cd "$root" && jupyter lab notebooks/
JupyterLab itself is not packaged in Debian 12; there, any of these drives the same kernel:
    jupyter notebook notebooks/                          (apt-get install jupyter-notebook)
    jupyter console --kernel jawait                      (apt-get install jupyter-console)
    jupyter nbconvert --to notebook --execute --ExecutePreprocessor.kernel_name=jawait notebooks/00-hello-jawait.ipynb
MSG
exit "$status"
