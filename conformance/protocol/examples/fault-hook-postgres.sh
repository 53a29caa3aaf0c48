#!/usr/bin/env bash
# A fault hook for a reference server (reuse-pref serve) on PostgreSQL, for
#   reuse-pref-conformance run --profile <p> ... --fault-command "bash fault-hook-postgres.sh"
# The suite runs it with one argument, a fault name (conformance/protocol/fault-hook.schema.json), and
# waits for it: exit 0 once the fault is in force, 3 when this hook cannot cause it (the tests that need
# it are then skipped), anything else fails the test. It does what the database's operator could do:
#
#   REUSE_PREF_FAULT_DATABASE_URL  the service's database, as its owner (default DATABASE_URL)
#   REUSE_PREF_FAULT_ADMIN_URL     another database on the same server, as the same owner, to act from
#                                  while the service's database refuses connections
#                                  (default: the same URL with the database name postgres)
#   REUSE_PREF_FAULT_RESTART       a command that stops the service and starts it again on the same
#                                  database, keys and --signed-head file, returning once it answers
#                                  (e.g. "systemctl restart reuse-pref-distributor"); without it,
#                                  server-restarted exits 3
#   REUSE_PREF_FAULT_PAUSE / REUSE_PREF_FAULT_RESUME
#                                  commands that make the database take queries without answering, and
#                                  answer again (e.g. "docker pause pg" / "docker unpause pg"); without
#                                  them, store-slow exits 3
#
# Needs psql. store-unavailable stops new connections to the database and ends the open ones
# (ALTER DATABASE ... ALLOW_CONNECTIONS false, pg_terminate_backend): the service's own database only,
# not the server, so other databases on a shared cluster go on as before.
set -euo pipefail

fault="${1:?usage: fault-hook-postgres.sh <fault name>}"
url="${REUSE_PREF_FAULT_DATABASE_URL:-${DATABASE_URL:?set REUSE_PREF_FAULT_DATABASE_URL or DATABASE_URL}}"
base="${url%%\?*}"
database="${base##*/}"
admin="${REUSE_PREF_FAULT_ADMIN_URL:-${base%/*}/postgres}"
sql() { psql "$1" -v ON_ERROR_STOP=1 -qAt -c "$2" >/dev/null; }

case "$fault" in
  store-unavailable)
    sql "$admin" "ALTER DATABASE \"$database\" ALLOW_CONNECTIONS false"
    sql "$admin" "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '$database' AND pid <> pg_backend_pid()"
    ;;
  store-slow)
    [ -n "${REUSE_PREF_FAULT_PAUSE:-}" ] || exit 3
    sh -c "$REUSE_PREF_FAULT_PAUSE"
    ;;
  store-restored)
    if [ -n "${REUSE_PREF_FAULT_RESUME:-}" ]; then sh -c "$REUSE_PREF_FAULT_RESUME"; fi
    sql "$admin" "ALTER DATABASE \"$database\" ALLOW_CONNECTIONS true"
    ;;
  server-restarted)
    [ -n "${REUSE_PREF_FAULT_RESTART:-}" ] || exit 3
    sh -c "$REUSE_PREF_FAULT_RESTART"
    ;;
  log-leaf-altered)
    # The first leaf of the release log gains a member, so its hash changes; the append-only trigger is
    # switched off around the change, as the table's owner may.
    psql "$url" -v ON_ERROR_STOP=1 -qAt >/dev/null <<'SQL'
BEGIN;
ALTER TABLE ledger_entries DISABLE TRIGGER USER;
UPDATE ledger_entries SET entry = substr(entry, 1, length(entry) - 1) || ',"altered":true}'
  WHERE ledger = 'release:log' AND idx = 0;
ALTER TABLE ledger_entries ENABLE TRIGGER USER;
COMMIT;
SQL
    ;;
  *)
    exit 3
    ;;
esac
