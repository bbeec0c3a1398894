#!/usr/bin/env bash
# Runs the whole test suite: unit, contract, integration and browser tests.
# Installs what the tests need when it is missing (Debian's chromium, postgresql, redis-server and nginx).
# Last line: "N passed, N failed[, N skipped]".
set -uo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# The tests start many portals and tenants in one process: none of them should watch files with inotify (each watcher takes
# one of the user's 128 inotify instances, and web root providers keep theirs until the process ends).
export DOTNET_hostBuilder__reloadConfigOnChange=false DOTNET_USE_POLLING_FILE_WATCHER=true

if ! command -v chromium >/dev/null 2>&1 && [ ! -x /usr/bin/chromium ]; then
  echo "Installing Debian's chromium for the browser tests..."
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium fonts-dejavu-core >/dev/null \
    || { echo "Could not install chromium: browser tests cannot run."; echo "0 passed, 1 failed"; exit 1; }
fi
export PROFILES_CHROMIUM="${PROFILES_CHROMIUM:-/usr/bin/chromium}"

# The database, cache and proxy tests start their own throwaway PostgreSQL, Redis and nginx (free ports, temp directories,
# stopped at the end; tests/Profiles.TestServices); the test command only makes sure Debian's packages are there.
missing=""
# The server binaries, not the directory: postgresql-client alone makes /usr/lib/postgresql too.
compgen -G "/usr/lib/postgresql/*/bin/postgres" >/dev/null || missing="$missing postgresql"
command -v redis-server >/dev/null 2>&1 || [ -x /usr/bin/redis-server ] || missing="$missing redis-server"
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || missing="$missing nginx"
if [ -n "$missing" ]; then
  echo "Installing Debian's$missing for the database, cache and proxy tests..."
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $missing >/dev/null \
    || { echo "Could not install$missing."; echo "0 passed, 1 failed"; exit 1; }
fi

if ! dotnet build Profiles.sln -c Release -warnaserror -nologo -clp:ErrorsOnly; then
  echo "Build failed."
  echo "0 passed, 1 failed"
  exit 1
fi

log=$(mktemp)
logs=$(mktemp -d)
# Every throwaway directory the tests make (PostgreSQL clusters, Redis and nginx folders, Release publish outputs, key
# files) goes under one folder of this run's, removed at the end whatever happens; 1777 like /tmp, because PostgreSQL runs
# as its own user when the tests run as root.
run_tmp=$(mktemp -d)
chmod 1777 "$run_tmp"
# Each server the tests start has a watchdog that stops it when its test host ends; a server whose watchdog could not do so
# (held by a signal, or killed with the host) still runs from this folder or names it: stopped here before the folder goes.
stop_leftovers() {
  local pid leftovers=()
  for pid in $(ls /proc | grep -E '^[0-9]+$'); do
    [ "$pid" = "$$" ] && continue
    if [[ "$(readlink "/proc/$pid/cwd" 2>/dev/null)/" == "$run_tmp/"* ]] || tr '\0' ' ' 2>/dev/null <"/proc/$pid/cmdline" | grep -qF "$run_tmp/"; then
      leftovers+=("$pid")
    fi
  done
  [ ${#leftovers[@]} -eq 0 ] && return 0
  kill -CONT "${leftovers[@]}" 2>/dev/null
  kill "${leftovers[@]}" 2>/dev/null
  sleep 1
  kill -9 "${leftovers[@]}" 2>/dev/null
  return 0
}
trap 'stop_leftovers; rm -rf "$run_tmp" "$logs" "$log"' EXIT
export TMPDIR="$run_tmp"
status=0
# The unit, contract and integration projects run side by side (much of their time is spent waiting on servers they
# start). The browser tests start once the unit and contract projects are done and run alongside the rest of the
# integration project (the longest), so no core sits idle while it finishes.
pids=()
for project in tests/Profiles.Core.Tests tests/Profiles.LocalTenant.Tests tests/Profiles.Web.Tests; do
  dotnet test "$project" -c Release --no-build --nologo >"$logs/$(basename "$project").log" 2>&1 &
  pids+=("$!")
done
wait "${pids[0]}" || status=1
wait "${pids[1]}" || status=1
dotnet test tests/Profiles.EndToEnd.Tests -c Release --no-build --nologo --blame-hang-timeout 5m >"$logs/Profiles.EndToEnd.Tests.log" 2>&1 || status=1
wait "${pids[2]}" || status=1
for project in tests/Profiles.Core.Tests tests/Profiles.LocalTenant.Tests tests/Profiles.Web.Tests tests/Profiles.EndToEnd.Tests; do
  echo "=== $project"
  tee -a "$log" <"$logs/$(basename "$project").log"
done
rm -rf "$logs"

passed=$(grep -Eo 'Passed: +[0-9]+' "$log" | grep -Eo '[0-9]+' | awk '{s+=$1} END {print s+0}')
failed=$(grep -Eo 'Failed: +[0-9]+' "$log" | grep -Eo '[0-9]+' | awk '{s+=$1} END {print s+0}')
skipped=$(grep -Eo 'Skipped: +[0-9]+' "$log" | grep -Eo '[0-9]+' | awk '{s+=$1} END {print s+0}')
rm -f "$log"
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
if [ "$skipped" -gt 0 ]; then
  echo "$passed passed, $failed failed, $skipped skipped"
else
  echo "$passed passed, $failed failed"
fi
[ "$failed" -eq 0 ]
