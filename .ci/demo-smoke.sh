#!/usr/bin/env bash
# Smoke run of README.md's "Try it in Jenkins" demo (docs/demo.md), as a newcomer would use it:
# starts `./mvnw -pl plugin hpi:run -Pdemo` after the install of engine and emulator, then
#  - checks that the demo's JVM listens on loopback only;
#  - runs README.md's "Use it in Jenkins" snippets, read from README.md itself, unchanged, each as a
#    Pipeline job, and the same wait inside a Declarative Pipeline: each must succeed against the
#    demo's emulator (the global configuration's default endpoint and fast polling);
#  - runs the demo job as "Build Now" does;
#  - fails a build on purpose (a migration that does not exist): its console must end with the
#    one-line error, no stack trace, and Jenkins must not fail to save it (InaccessibleObjectException);
# then stops the demo. Needs JDK 17+, curl, ss (iproute2) and the Jenkins Maven repository
# (. .ci/jenkins-repo.sh). DEMO_PORT (default 8080) is the Jenkins port; plugin/work/ is reused as
# the demo itself does. Exit code 0 when every check passed.
set -euo pipefail
cd "$(dirname "$0")/.."
. .ci/jenkins-repo.sh

port=${DEMO_PORT:-8080}
J="http://localhost:$port/jenkins"
tmp=$(mktemp -d)
demo_pid=
stop_demo() {
  if [ -n "$demo_pid" ] && kill -0 "$demo_pid" 2>/dev/null; then
    kill "$demo_pid"
    for _ in $(seq 60); do kill -0 "$demo_pid" 2>/dev/null || break; sleep 1; done
  fi
}
trap 'stop_demo; rm -rf "$tmp"' EXIT
fail() { echo "demo smoke: FAILED: $*" >&2; exit 1; }
started=$(date +%s)
elapsed() { echo "$(( $(date +%s) - started ))s"; }

# README.md, "Try it in Jenkins": both halves of its command, the second in the background.
./mvnw -q -pl engine,emulator -am install -DskipTests
./mvnw -pl plugin hpi:run -Pdemo -Dport="$port" >"$tmp/demo.log" 2>&1 &
demo_pid=$!
for _ in $(seq 600); do
  grep -q 'Jenkins is fully up and running' "$tmp/demo.log" && break
  kill -0 "$demo_pid" 2>/dev/null || { tail -50 "$tmp/demo.log"; fail "the demo stopped before Jenkins was up"; }
  sleep 1
done
grep -q 'Jenkins is fully up and running' "$tmp/demo.log" || fail "Jenkins was not up after 10 minutes"
echo "demo smoke: Jenkins up after $(elapsed)"

# Listening sockets of the demo's JVM (Jenkins and the emulator run inside Maven's JVM): loopback only.
sockets=$(ss -Hltnp | grep "pid=$demo_pid," | awk '{print $4}')
[ -n "$sockets" ] || fail "no listening socket found for pid $demo_pid"
echo "demo smoke: listening on $(echo "$sockets" | tr '\n' ' ')"
if echo "$sockets" | grep -Ev '^(127\.[0-9.]+|\[::1\]|\[::ffff:127\.[0-9.]+\]):[0-9]+$'; then
  fail "the demo listens on more than loopback (above)"
fi

cookies="$tmp/cookies"
crumb=$(curl -sf -c "$cookies" "$J/crumbIssuer/api/xml?xpath=concat(//crumbRequestField,\":\",//crumb)")
post() { curl -sf -b "$cookies" -H "$crumb" -X POST "$@"; }

xml_escape() { sed -e 's/&/\&amp;/g' -e 's/</\&lt;/g' -e 's/>/\&gt;/g'; }

# Creates (or replaces) Pipeline job $1 with the script in file $2.
pipeline_job() {
  local config="$tmp/$1.xml"
  {
    echo '<flow-definition plugin="workflow-job"><definition class="org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition" plugin="workflow-cps"><script>'
    xml_escape <"$2"
    echo '</script><sandbox>true</sandbox></definition></flow-definition>'
  } >"$config"
  if curl -sf "$J/job/$1/api/json" >/dev/null; then
    post -H 'Content-Type: application/xml' --data-binary "@$config" "$J/job/$1/config.xml"
  else
    post -H 'Content-Type: application/xml' --data-binary "@$config" "$J/createItem?name=$1"
  fi
}

# Builds job $1 as Build Now does, waits for it and writes its console to $tmp/$1.log; prints the result.
build() {
  local n
  n=$(curl -sf "$J/job/$1/api/json?tree=nextBuildNumber" | sed 's/.*"nextBuildNumber":\([0-9]*\).*/\1/')
  post "$J/job/$1/build?delay=0sec"
  for _ in $(seq 300); do
    curl -sf "$J/job/$1/$n/api/json?tree=building" 2>/dev/null | grep -q '"building":false' && break
    sleep 1
  done
  curl -sf "$J/job/$1/$n/consoleText" >"$tmp/$1.log"
  curl -sf "$J/job/$1/$n/api/json?tree=result" | sed 's/.*"result":"\{0,1\}\([A-Z]*\).*/\1/'
}

expect_success() {
  local result
  result=$(build "$1")
  [ "$result" = SUCCESS ] || { cat "$tmp/$1.log"; fail "job $1 ended $result"; }
  grep -q -- "$2" "$tmp/$1.log" || { cat "$tmp/$1.log"; fail "job $1's console lacks '$2'"; }
  echo "demo smoke: $1 SUCCESS ($(elapsed))"
}

# README.md's "Use it in Jenkins" snippets, unchanged: the ```groovy blocks of that section.
awk '/^## Use it in Jenkins/{s=1; next} /^## /{s=0}
     s && /^```groovy/{g=1; n++; next} g && /^```/{g=0; next} g{print > (dir "/snippet-" n ".groovy")}' \
  dir="$tmp" README.md
snippets=$(ls "$tmp"/snippet-*.groovy 2>/dev/null | wc -l)
[ "$snippets" -ge 1 ] || fail "no groovy snippet in README.md's 'Use it in Jenkins'"
for f in "$tmp"/snippet-*.groovy; do
  job="readme-$(basename "$f" .groovy)"
  pipeline_job "$job" "$f"
  expect_success "$job" 'SUCCESS'
done

# The same wait in a Declarative Pipeline: the demo has what users' Jenkins has.
cat >"$tmp/declarative.groovy" <<'EOF'
pipeline {
  agent none
  stages {
    stage('Wait for the export') {
      steps {
        script {
          def r = waitForDataWorksMigration projectId: 12345, migrationId: 1234,
                  credentialsId: 'dataworks-prod', region: 'cn-shanghai'
          echo "declarative: ${r.status}"
        }
      }
    }
  }
}
EOF
pipeline_job declarative "$tmp/declarative.groovy"
expect_success declarative 'declarative: EXPORT_SUCCESS'

expect_success dataworks-demo 'EXPORT_SUCCESS'

# A failed build ends with its one-line error: no stack trace, and Jenkins saves it.
echo "waitForDataWorksMigration projectId: 12345, migrationId: 99999, credentialsId: 'dataworks-prod'" >"$tmp/fails.groovy"
pipeline_job fails "$tmp/fails.groovy"
result=$(build fails)
[ "$result" = FAILURE ] || { cat "$tmp/fails.log"; fail "job fails ended $result, not FAILURE"; }
grep -q '^ERROR: migration 99999 in workspace 12345: .*Invalid.Migration.NotExists' "$tmp/fails.log" \
  || { cat "$tmp/fails.log"; fail "the failed build lacks its one-line error"; }
if grep -Eq '^(	at |Also: |hudson\.remoting\.ProxyException)' "$tmp/fails.log"; then
  cat "$tmp/fails.log"; fail "the failed build prints a stack trace"
fi
if grep -q 'InaccessibleObjectException' "$tmp/demo.log"; then
  grep -m3 'InaccessibleObjectException' "$tmp/demo.log"; fail "Jenkins could not save a build: the JVM lacks the war's --add-opens"
fi
echo "demo smoke: a failed build ends with one line ($(elapsed))"

stop_demo
echo "demo smoke: all checks passed in $(elapsed)"
