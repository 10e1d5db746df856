#!/bin/bash
# Compiles the plugin's own sources (plugin/src/main/java plus the generated Messages classes)
# against the REAL upstream Jenkins sources with the shared api-check tool, for the newest core and
# for the baseline, so that a stand-in in jenkins-stand-ins/ that drifted from upstream shows up as
# an error in our code. Writes nothing into the project; results go to stdout.
#
# Assumes the tool is set up (see its README): the upstream snapshots fetched, then
#   MIRROR=<snapshots> setup.sh   and   MIRROR=<snapshots> setup.sh jenkins-2.541.3
# The tool's setup does not extract jenkinsci/workflow-api-plugin (FlowNode, WarningAction); when
# MIRROR names a folder holding that snapshot too, it is laid beside workflow-step-api's sources.
#
# Usage: plugin-check/api-check.sh [TAG...]     (default: HEAD jenkins-2.541.3)
# Exit 0 when no tag shows an error in the project's sources.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
TOOL=${API_CHECK_TOOL:-$ROOT/../shared/tools/api-check}
H=${API_CHECK_HOME:-${TMPDIR:-/tmp}/api-check}
BASELINE=jenkins-2.541.3
TAGS=("$@"); [ ${#TAGS[@]} -gt 0 ] || TAGS=(HEAD "$BASELINE")
[ -x "$TOOL/check.sh" ] || { echo "api-check tool not found at $TOOL (set API_CHECK_TOOL)"; exit 3; }

# Engine classes, its runtime libraries (aliyun-java-sdk-core, gson, xz, ...) and the Messages
# classes generated from plugin/src/main/resources, exactly as plugin-check compiles them.
cd "$ROOT"
./mvnw -q -pl plugin-check -am compile -Dmaven.test.skip=true
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
./mvnw -q -pl engine dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile="$WORK/cp.txt" >/dev/null
# Private copies: other builds in the same tree may clean target/ while the check runs.
cp -r "$ROOT/engine/target/classes" "$WORK/engine-classes"
cp -r "$ROOT/plugin-check/target/generated-sources/localizer" "$WORK/messages"
EXTRA_CP=$WORK/engine-classes:$(cat "$WORK/cp.txt")
MESSAGES=$WORK/messages

status=0
for tag in "${TAGS[@]}"; do
  up=$H/up-$tag
  if [ -n "${MIRROR:-}" ] && [ -d "$MIRROR/jenkinsci+workflow-api-plugin/repo" ] && [ -d "$up/workflow-step-api-plugin" ] \
      && [ ! -f "$up/workflow-step-api-plugin/.workflow-api" ]; then
    git --git-dir="$MIRROR/jenkinsci+workflow-api-plugin/repo" archive HEAD src/main/java \
      | tar -x -C "$up/workflow-step-api-plugin"
    touch "$up/workflow-step-api-plugin/.workflow-api"
  fi
  args=(); [ "$tag" = HEAD ] || args=(--tag "$tag")
  EXTRA_CP=$EXTRA_CP "$TOOL/check.sh" "${args[@]}" "$ROOT/plugin/src/main/java" "$MESSAGES" || status=1
done
exit $status
