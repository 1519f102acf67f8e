# Sourced by the install scripts: sets JAVA_HOME to a JDK 25 or newer, or explains what to install.
# Search order (DESIGN.md §1): $JAVA_HOME, then /usr/lib/jvm/*, then the java on PATH.

jawait_jdk_major() { # prints the feature version of the JDK at $1, or nothing
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 0
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1
}

jawait_find_jdk() {
  local candidates=() dir major
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  for dir in /usr/lib/jvm/*; do [ -d "$dir" ] && candidates+=("$dir"); done
  if command -v javac >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")")
  fi
  for dir in "${candidates[@]}"; do
    major=$(jawait_jdk_major "$dir")
    if [ -n "$major" ] && [ "$major" -ge 25 ]; then
      JAVA_HOME=$(readlink -f "$dir"); export JAVA_HOME
      export PATH="$JAVA_HOME/bin:$PATH"
      return 0
    fi
  done
  cat >&2 <<MSG
jawait needs a JDK 25 or newer (the java on PATH is: $(java -version 2>&1 | head -n 1)).
Looked in: \$JAVA_HOME, /usr/lib/jvm/*, and PATH.
Install one, for example Temurin 25 (apt package temurin-25-jdk from the Adoptium repository),
or point JAVA_HOME at an existing JDK 25+, then run this again.
MSG
  return 1
}
