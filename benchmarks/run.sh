#!/usr/bin/env bash
# Builds the benchmark jar (and the command line it measures), runs every benchmark, prints the
# tables and rewrites docs/performance.md. Takes a few minutes on a 2-core machine.
#   benchmarks/run.sh                 everything
#   benchmarks/run.sh --only 2,3b     a subset (1, 2, 3a, 3b, 4, 5, 6, 7; "3" means both 3a and 3b)
#   benchmarks/run.sh --waits 200     fewer concurrent waits in benchmark 1
#   benchmarks/run.sh --builds 100    fewer waiting builds in benchmark 7 (its smaller scenarios shrink with it)
set -euo pipefail
cd "$(dirname "$0")/.."

# Benchmark 3a compares the downloader with curl and with the shell pipelines a user would run
# instead: sha256sum (coreutils), openssl, and 7-Zip's CRC-64 (Debian has no CRC-64/XZ tool of its own).
# Benchmark 7 counts the controller's writes and fsyncs with strace.
missing=""
command -v curl >/dev/null 2>&1 || missing="$missing curl"
command -v 7zz >/dev/null 2>&1 || missing="$missing 7zip"
command -v openssl >/dev/null 2>&1 || missing="$missing openssl"
command -v strace >/dev/null 2>&1 || missing="$missing strace"
if [ -n "$missing" ]; then
  echo "installing$missing (Debian packages)" >&2
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get install -y $missing >/dev/null || { $sudo apt-get update >/dev/null && $sudo apt-get install -y $missing >/dev/null; }
fi

# The reactor includes the plugin, whose parent POM comes from the Jenkins Maven repository.
. .ci/jenkins-repo.sh

# Tests are not compiled: the benchmarks need the main code only. (Benchmark 7 builds the plugin
# and its tests itself: ./mvnw -pl plugin -am test -Pcontroller-benchmark, under strace.)
./mvnw -q -Pbench -pl benchmarks -am package -Dmaven.test.skip=true

commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
if [ -n "$(git status --porcelain -- engine emulator cli plugin benchmarks 2>/dev/null)" ]; then
  commit="$commit + uncommitted changes"
fi

exec java -Xmx2g -jar benchmarks/target/benchmarks.jar \
  --out docs/performance.md \
  --cli-jar cli/target/dataworks-migration.jar \
  --commit "$commit" \
  "$@"
