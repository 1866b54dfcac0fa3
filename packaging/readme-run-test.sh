#!/usr/bin/env bash
# The README's first command (run the app on the demo fleet), started under Xvfb with --smoke-test (the
# tree shows the demo fleet, a screenshot, exit 0) in the two common ways a machine has its Java:
#   1. JAVA_HOME points at a JDK 25 while an older 'java' comes first on the PATH;
#   2. no JAVA_HOME at all (Maven's toolchain discovery finds the JDK 25 under /usr/lib/jvm).
# The first once failed with UnsupportedClassVersionError: exec:exec started the PATH's java.
# Usage: packaging/readme-run-test.sh JDK25_HOME
set -euo pipefail
cd "$(dirname "$0")/.."
jdk25=${1:?usage: packaging/readme-run-test.sh JDK25_HOME}
command -v xvfb-run >/dev/null || { echo "readme-run: xvfb-run is missing (apt-get install xvfb)" >&2; exit 1; }
old=""
for j in /usr/lib/jvm/java-17-openjdk-amd64 /usr/lib/jvm/java-21-openjdk-amd64; do
  if [ -x "$j/bin/java" ]; then old="$j/bin"; break; fi
done

run() {
  local name=$1; shift
  local dir log rc
  dir=$(mktemp -d); log="$dir/out.log"
  set +e
  # Fresh settings and data folders and no OCI config, so the app opens the demo as a new user's would.
  env "$@" XDG_CONFIG_HOME="$dir/config" XDG_DATA_HOME="$dir/data" OCI_CLI_CONFIG_FILE="$dir/no-oci-config" \
    timeout 300 xvfb-run -a -s "-screen 0 1440x900x24" \
    ./mvnw -q -pl app -am -Prun -DskipTests verify -Dfleetdesk.args="--smoke-test $dir/shot.png" >"$log" 2>&1
  rc=$?
  set -e
  if [ $rc -ne 0 ] || ! grep -q "^smoke: OK" "$log" || [ ! -s "$dir/shot.png" ]; then
    tail -40 "$log"; echo "readme-run: FAILED with $name (exit $rc)" >&2; exit 1
  fi
  echo "readme-run: passed with $name: $(grep '^smoke: OK' "$log")"
  rm -rf "$dir"
}

if [ -n "$old" ]; then
  run "JAVA_HOME=$jdk25 and $old/java first on the PATH" JAVA_HOME="$jdk25" PATH="$old:$PATH"
else
  run "JAVA_HOME=$jdk25 (no older java here to put first on the PATH)" JAVA_HOME="$jdk25"
fi
run "no JAVA_HOME" -u JAVA_HOME
