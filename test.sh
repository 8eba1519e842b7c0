#!/usr/bin/env bash
# Builds the solution once and runs every test suite:
#   unit                      tests/Bastion.UnitTests
#   integration (SQLite)      tests/Bastion.IntegrationTests, BASTION_TEST_PROVIDER=Sqlite
#   integration (PostgreSQL)  tests/Bastion.IntegrationTests, BASTION_TEST_PROVIDER=Postgres against a
#                             throwaway PostgreSQL cluster started (and removed) by this script
#   browser                   tests/Bastion.BrowserTests, headless Debian Chromium via Playwright
#
# Usage: ./test.sh [unit] [sqlite] [postgres] [browser]   (no argument: all suites)
#
# Every suite runs even when an earlier one failed. The last line of output is always
# "N passed, N failed, N skipped" (summed from the TRX files); the exit code is non-zero when the
# build failed, any suite failed, produced no TRX file, or executed no test.
set -euo pipefail

REPO="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
cd "$REPO"

export DEBIAN_FRONTEND=noninteractive
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export DOTNET_CLI_UI_LANGUAGE=en NUGET_XMLDOC_MODE=skip
# Never let Playwright fetch a browser: tests use the Debian chromium package.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

CONFIGURATION=Release
SUITE_TIMEOUT="${BASTION_SUITE_TIMEOUT:-30m}"  # outer safety net per suite
HANG_TIMEOUT="${BASTION_HANG_TIMEOUT:-10m}"    # per test (dotnet test --blame-hang-timeout)

log() { printf '==> %s\n' "$*" >&2; }
die() { printf 'test.sh: error: %s\n' "$*" >&2; exit 1; }

# ---------------------------------------------------------------------------------------------
# Suite selection
# ---------------------------------------------------------------------------------------------
ALL_SUITES=(unit sqlite postgres browser)
if (($# > 0)); then
  SUITES=()
  for arg in "$@"; do
    case "$arg" in
      unit | sqlite | postgres | browser) SUITES+=("$arg") ;;
      -h | --help) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
      *) die "unknown suite '$arg' (expected: ${ALL_SUITES[*]})" ;;
    esac
  done
else
  SUITES=("${ALL_SUITES[@]}")
fi
wants() { local s; for s in "${SUITES[@]}"; do [[ "$s" == "$1" ]] && return 0; done; return 1; }

# ---------------------------------------------------------------------------------------------
# Temp dir + cleanup (the PostgreSQL cluster lives here; removed on every exit)
# ---------------------------------------------------------------------------------------------
WORK="$(mktemp -d "${TMPDIR:-/tmp}/bastion-test.XXXXXX")"
chmod 755 "$WORK"            # the postgres user must be able to traverse it
RESULTS="$WORK/results"
mkdir -p "$RESULTS"
PG_BIN=""
PG_DATA=""
PG_RUNNING=0

as_pg() {
  # Runs a PostgreSQL binary as the postgres user when we are root (initdb refuses root).
  if [[ $EUID -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

stop_postgres() {
  if ((PG_RUNNING)) && [[ -n "$PG_DATA" ]]; then
    as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w stop >/dev/null 2>&1 || true
    PG_RUNNING=0
  fi
}

cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  stop_postgres
  rm -rf "$WORK" 2>/dev/null || true
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ---------------------------------------------------------------------------------------------
# Dependencies (idempotent)
# ---------------------------------------------------------------------------------------------
pkg_installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }

install_packages() {
  local missing=() p
  for p in "$@"; do pkg_installed "$p" || missing+=("$p"); done
  ((${#missing[@]} == 0)) && return 0
  local SUDO=()
  if [[ $EUID -ne 0 ]]; then
    if command -v sudo >/dev/null 2>&1; then
      SUDO=(sudo -n)
      [[ "${CI:-}" == "true" ]] || SUDO=(sudo)
    else
      die "missing Debian packages: ${missing[*]}; not root and no sudo: install them by hand"
    fi
  fi
  command -v apt-get >/dev/null 2>&1 || die "missing packages ${missing[*]} and apt-get is not available"
  log "installing Debian packages: ${missing[*]}"
  "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q >&2 \
    || die "apt-get update failed"
  "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
    "${missing[@]}" >&2 || die "apt-get install ${missing[*]} failed"
}

command -v dotnet >/dev/null 2>&1 || die "the .NET SDK (dotnet) is not on PATH"

NEEDED=()
wants postgres && NEEDED+=(postgresql)
# Chromium for the browser tests, and a CJK font so screenshots show Chinese text rather than boxes.
wants browser && NEEDED+=(chromium fonts-wqy-microhei)
# The web project runs `npm ci` during its build, so node/npm are needed by every suite.
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  NEEDED+=(nodejs npm)
fi
((${#NEEDED[@]} == 0)) || install_packages "${NEEDED[@]}"

# ---------------------------------------------------------------------------------------------
# PostgreSQL
# ---------------------------------------------------------------------------------------------
port_in_use() {
  local port=$1
  if command -v ss >/dev/null 2>&1; then
    [[ -n "$(ss -Htan "sport = :$port" 2>/dev/null)" ]] && return 0
  fi
  # Fallback / double check: something answers on it.
  (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && return 0
  return 1
}

free_port() {
  local i port
  for i in $(seq 1 200); do
    port=$((20000 + RANDOM % 30000))
    port_in_use "$port" || { echo "$port"; return 0; }
  done
  return 1
}

find_pg_bin() {
  local d
  if [[ -x /usr/lib/postgresql/15/bin/initdb ]]; then echo /usr/lib/postgresql/15/bin; return 0; fi
  d="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
  [[ -n "$d" && -x "$d/initdb" ]] && { echo "$d"; return 0; }
  d="$(dirname "$(command -v initdb 2>/dev/null || true)")"
  [[ -x "$d/initdb" ]] && { echo "$d"; return 0; }
  return 1
}

PG_PORT=""
start_postgres() {
  PG_BIN="$(find_pg_bin)" || { echo "PostgreSQL binaries (initdb) not found" >&2; return 1; }
  local base="$WORK/pg"
  mkdir -p "$base"
  if [[ $EUID -eq 0 ]]; then
    getent passwd postgres >/dev/null || { echo "no 'postgres' user" >&2; return 1; }
    chown postgres: "$base"
  fi
  chmod 700 "$base"
  PG_DATA="$base/data"
  PG_PORT="$(free_port)" || { echo "no free TCP port found" >&2; return 1; }
  log "starting PostgreSQL ($PG_BIN) on 127.0.0.1:$PG_PORT, data in $PG_DATA"
  as_pg "$PG_BIN/initdb" -D "$PG_DATA" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 \
    >"$WORK/initdb.log" 2>&1 || { cat "$WORK/initdb.log" >&2; return 1; }
  PG_RUNNING=1  # from here on, cleanup tries to stop it
  if ! as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$base/postgres.log" -w -t 60 \
    -o "-p $PG_PORT -k $PG_DATA -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
    start >/dev/null; then
    cat "$base/postgres.log" >&2 || true
    return 1
  fi
  "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -t 30 \
    || { cat "$base/postgres.log" >&2 || true; return 1; }
}

# ---------------------------------------------------------------------------------------------
# Result bookkeeping
# ---------------------------------------------------------------------------------------------
SUMMARY=()
TOTAL_PASSED=0
TOTAL_FAILED=0
TOTAL_SKIPPED=0
ANY_FAILURE=0

trx_attr() { # trx_attr <counters-element> <name>
  sed -n "s/.*[[:space:]]$2=\"\([0-9]*\)\".*/\1/p" <<<"$1" | head -n 1
}

record_suite() { # record_suite <label> <trx-file> <exit-code> [note]
  local label=$1 trx=$2 rc=$3 note=${4:-}
  local passed=0 failed=0 skipped=0 total executed counters extra
  if [[ -s "$trx" ]]; then
    counters="$(tr '\n' ' ' <"$trx" | grep -o '<Counters [^>]*>' | head -n 1 || true)"
  else
    counters=""
  fi
  if [[ -z "$counters" ]]; then
    failed=1
    note="${note:-no TRX results (exit code $rc)}"
  else
    total=$(trx_attr "$counters" total); total=${total:-0}
    executed=$(trx_attr "$counters" executed); executed=${executed:-0}
    passed=$(trx_attr "$counters" passed); passed=${passed:-0}
    failed=0
    for extra in failed error timeout aborted; do
      local v; v=$(trx_attr "$counters" "$extra"); failed=$((failed + ${v:-0}))
    done
    skipped=$((total - executed))
    if ((skipped < 0)); then skipped=0; fi
    if ((executed == 0)); then
      failed=$((failed + 1)); note="${note:-no test executed}"
    elif ((rc != 0 && failed == 0)); then
      failed=1; note="${note:-test run exited with code $rc}"
    fi
  fi
  ((failed == 0)) || ANY_FAILURE=1
  TOTAL_PASSED=$((TOTAL_PASSED + passed))
  TOTAL_FAILED=$((TOTAL_FAILED + failed))
  TOTAL_SKIPPED=$((TOTAL_SKIPPED + skipped))
  SUMMARY+=("$label: $passed passed, $failed failed, $skipped skipped${note:+ ($note)}")
}

print_summary_and_exit() {
  stop_postgres
  # Keep the TRX files for inspection (TestResults/ is git-ignored).
  if compgen -G "$RESULTS/*.trx" >/dev/null; then
    mkdir -p "$REPO/TestResults"
    cp -f "$RESULTS"/*.trx "$REPO/TestResults/" 2>/dev/null || true
  fi
  echo
  echo "---------------- test summary ----------------"
  local line
  for line in "${SUMMARY[@]}"; do echo "$line"; done
  echo "$TOTAL_PASSED passed, $TOTAL_FAILED failed, $TOTAL_SKIPPED skipped"
  if ((ANY_FAILURE)); then exit 1; fi
  exit 0
}

run_suite() { # run_suite <label> <trx-name> <project> [VAR=value ...]
  local label=$1 name=$2 project=$3
  shift 3
  local trx="$RESULTS/$name.trx" rc=0
  log "running $label ($project)"
  env "$@" timeout --kill-after=60s "$SUITE_TIMEOUT" \
    dotnet test "$project" -c "$CONFIGURATION" --no-build --nologo \
    --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=normal" \
    --results-directory "$RESULTS" \
    --blame-hang-timeout "$HANG_TIMEOUT" --blame-hang-dump-type none \
    || rc=$?
  ((rc == 124)) && log "$label: timed out after $SUITE_TIMEOUT"
  local note=""
  ((rc == 124 || rc == 137)) && note="timed out after $SUITE_TIMEOUT"
  record_suite "$label" "$trx" "$rc" "$note"
}

# ---------------------------------------------------------------------------------------------
# Build once
# ---------------------------------------------------------------------------------------------
log "building Bastion.slnx ($CONFIGURATION)"
if ! dotnet build Bastion.slnx -c "$CONFIGURATION" --nologo; then
  SUMMARY+=("build: FAILED")
  TOTAL_FAILED=1
  ANY_FAILURE=1
  print_summary_and_exit
fi

# ---------------------------------------------------------------------------------------------
# Suites
# ---------------------------------------------------------------------------------------------
if wants unit; then
  run_suite "unit" unit tests/Bastion.UnitTests/Bastion.UnitTests.csproj
fi

if wants sqlite; then
  run_suite "integration (SQLite)" integration-sqlite \
    tests/Bastion.IntegrationTests/Bastion.IntegrationTests.csproj \
    BASTION_TEST_PROVIDER=Sqlite
fi

if wants postgres; then
  if start_postgres; then
    run_suite "integration (PostgreSQL)" integration-postgres \
      tests/Bastion.IntegrationTests/Bastion.IntegrationTests.csproj \
      BASTION_TEST_PROVIDER=Postgres \
      "BASTION_TEST_POSTGRES=Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=postgres"
    stop_postgres
  else
    record_suite "integration (PostgreSQL)" "" 1 "PostgreSQL did not start"
  fi
fi

if wants browser; then
  mkdir -p "$REPO/TestResults/browser"
  run_suite "browser" browser tests/Bastion.BrowserTests/Bastion.BrowserTests.csproj \
    "BASTION_CHROMIUM=${BASTION_CHROMIUM:-/usr/bin/chromium}" \
    "BASTION_ARTIFACTS_DIR=$REPO/TestResults/browser"
fi

print_summary_and_exit
