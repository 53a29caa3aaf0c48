#!/bin/sh
# Run the Reuse Preference conformance suite against your own running service, from any CI
# (GitLab, Azure DevOps, Jenkins, TeamCity) or a laptop. Needs Node.js 20+.
#
#   PROFILE=receiver BASE_URL=https://intake.test.example REUSE_PREF_TOKEN=... ./run-conformance.sh
#
# Optional: REUSE_PREF_OTHER_SCHOOL_TOKEN (enables the school isolation scenarios), REUSE_PREF_INTAKE_TOKEN
# and REUSE_PREF_INTAKE_URL (distributor: a receiver intake on the same store), HARNESS (a command
# speaking the harness protocol, to run the semantic vectors), FILES (export files, producers),
# SKIPS (a skip list), REPORTS (directory for JUnit/JSON, default ./reports), SUITE_VERSION.
# Exit status: 0 conformant, 1 a MUST test failed (or the skip list is stale), 2 usage error.
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
if [ -n "${HARNESS:-}" ]; then
  # shellcheck disable=SC2086 # word splitting of $RUNNER and $skips is intended
  $RUNNER run --harness "$HARNESS" $skips \
    --junit "$REPORTS/vectors.xml" --json "$REPORTS/vectors.json" || status=$?
fi

# shellcheck disable=SC2086 # word splitting of $RUNNER and $skips is intended
$RUNNER run --profile "$PROFILE" --base-url "$BASE_URL" $skips \
  --junit "$REPORTS/http.xml" --json "$REPORTS/http.json" || status=$?

if [ -n "${FILES:-}" ]; then
  # shellcheck disable=SC2086 # word splitting of $RUNNER and $skips is intended
  $RUNNER run --profile producer --files $FILES --junit "$REPORTS/files.xml" || status=$?
fi

exit "$status"
