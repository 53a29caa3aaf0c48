#!/bin/sh
# Run the Reuse Preference conformance suite against your own running service, from any CI
# (GitLab, Azure DevOps, Jenkins, TeamCity) or a laptop. Needs Node.js 20+.
#
#   PROFILE=receiver BASE_URL=https://intake.test.example REUSE_PREF_TOKEN=... ./run-conformance.sh
#
# Optional: REUSE_PREF_OTHER_SCHOOL_TOKEN (enables the school isolation scenarios), REUSE_PREF_INTAKE_TOKEN
# and REUSE_PREF_INTAKE_URL (distributor: a receiver intake on the same store), HARNESS (a command
# speaking the harness protocol, to run the semantic vectors), FILES (export files, producers),
# SKIPS (one skip list for every step: each run applies the entries for its own tests), REPORTS
# (directory for JUnit/JSON, default ./reports), SUITE_VERSION.
# Every step runs even when an earlier one fails; the script exits with the highest status of them:
# 0 conformant, 1 not conformant (a MUST test failed, or the skip list is stale), 2 usage error,
# 3 could not run (the service did not answer, the harness did not start, a file is unreadable).
set -eu

: "${PROFILE:?set PROFILE to producer, relay, receiver or distributor (distributor also needs REUSE_PREF_INTAKE_TOKEN)}"
: "${BASE_URL:?set BASE_URL to your service, e.g. http://127.0.0.1:8080}"
: "${REUSE_PREF_TOKEN:?set REUSE_PREF_TOKEN to a bearer token for one school}"
REPORTS="${REPORTS:-reports}"
SUITE="@reuse-pref/conformance@${SUITE_VERSION:-^0.1.0}"
# Override to run a local checkout of the suite instead of the published one.
RUNNER="${REUSE_PREF_CONFORMANCE:-npx --yes $SUITE}"
mkdir -p "$REPORTS"

skips=""
if [ -n "${SKIPS:-}" ]; then skips="--skips $SKIPS"; fi

status=0
keep() { if [ "$1" -gt "$status" ]; then status=$1; fi; }

if [ -n "${HARNESS:-}" ]; then
  # shellcheck disable=SC2086 # word splitting of $RUNNER and $skips is intended
  $RUNNER run --harness "$HARNESS" $skips \
    --junit "$REPORTS/vectors.xml" --json "$REPORTS/vectors.json" || keep $?
fi

# shellcheck disable=SC2086 # word splitting of $RUNNER and $skips is intended
$RUNNER run --profile "$PROFILE" --base-url "$BASE_URL" $skips \
  --junit "$REPORTS/http.xml" --json "$REPORTS/http.json" || keep $?

if [ -n "${FILES:-}" ]; then
  # shellcheck disable=SC2086 # word splitting of $RUNNER, $FILES and $skips is intended
  $RUNNER run --profile producer --files $FILES $skips --junit "$REPORTS/files.xml" || keep $?
fi

exit "$status"
