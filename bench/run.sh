#!/usr/bin/env bash
# Bastion benchmarks, one command:   bench/run.sh
#
#  1. installs wrk, hyperfine and curl from Debian when missing (apt-get, as root; idempotent)
#  2. builds Bastion.Web, Bastion.Cli and bench/Bastion.Bench in Release
#  3. generates the `city` dataset (seed 1) into a temporary data directory with `bastion generate`,
#     timed by hyperfine (each run starts from an empty directory; the last run's database is kept)
#  4. creates an API token for the demo user `orgdept` (bound to the first county) with `bastion user token`
#  5. starts the web server on a free port on 127.0.0.1 and waits for /health/ready
#  6. (a) wrk against /health/live (the reference) and the county's subtree listing
#         GET /api/v1/organizations/{county}/subtree?pageSize=50, plus three diagnostic endpoints
#         (health with a bearer header, /api/v1/account/me, the subtree's last page), in interleaved rounds;
#         prints the ratios to health. (BENCH_QUIET_PASS=1: a second instance with all logging at Warning alongside.)
#  7. `Bastion.Bench probe`: the subtree's SQL statements timed without the web stack, with query plans
#  8. (b) `Bastion.Bench load`: DemoLoader (EF Core) against a plain prepared-INSERT bulk load of the same rows
#     then BenchmarkDotNet micro-benchmarks of the generator's parts (`Bastion.Bench micro`)
#  9. writes the figures into bench/RESULTS.md (between the generated-section markers; notes outside them are kept)
#
# Only 127.0.0.1 is contacted. Every step is bounded (wrk -d, timeouts). Logs go to bench/out/ (git-ignored).
# Knobs (environment): BENCH_SCALE=city BENCH_SEED=1 BENCH_DURATION=10s BENCH_ROUNDS=3 BENCH_WARMUP=5s BENCH_THREADS=2
#   BENCH_CONNECTIONS=16 BENCH_LOAD_REPEAT=3 BENCH_GENERATE_RUNS=3 BENCH_MICRO=1 (0: skip BenchmarkDotNet)
#   BENCH_QUIET_PASS=0 (1: a second server instance with all logging at Warning, measured alongside) BENCH_KEEP=0 (1: keep the data directory)
#   BENCH_SKIP_BUILD=0 BENCH_RESULTS=bench/RESULTS.md
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
REPO="$(cd "$BENCH_DIR/.." && pwd)"
cd "$REPO"

SCALE="${BENCH_SCALE:-city}"
SEED="${BENCH_SEED:-1}"
DURATION="${BENCH_DURATION:-10s}"
ROUNDS="${BENCH_ROUNDS:-3}"
WARMUP="${BENCH_WARMUP:-5s}"
THREADS="${BENCH_THREADS:-2}"
CONNECTIONS="${BENCH_CONNECTIONS:-16}"
LOAD_REPEAT="${BENCH_LOAD_REPEAT:-3}"
GENERATE_RUNS="${BENCH_GENERATE_RUNS:-3}"
RESULTS="${BENCH_RESULTS:-$BENCH_DIR/RESULTS.md}"
OUT="$BENCH_DIR/out"
BENCH_ENV="$(env | grep -E '^BENCH_[A-Z_]+=' | sort | tr '\n' ' ' || true)"
COMMAND_LINE="${BENCH_ENV}bench/run.sh"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1 DOTNET_CLI_UI_LANGUAGE=en
export DEBIAN_FRONTEND=noninteractive

log() { printf '\n==> %s\n' "$*" >&2; }
die() { printf 'bench/run.sh: error: %s\n' "$*" >&2; exit 1; }

# ---------------------------------------------------------------------------------------------
# 1. Tools
# ---------------------------------------------------------------------------------------------
install_missing() {
  local missing=()
  for tool in "$@"; do command -v "$tool" >/dev/null 2>&1 || missing+=("$tool"); done
  ((${#missing[@]} == 0)) && return 0
  log "installing ${missing[*]} (apt-get)"
  local sudo=()
  if ((EUID != 0)); then
    command -v sudo >/dev/null 2>&1 || die "${missing[*]} missing and not root (and no sudo) to install them with apt-get."
    sudo=(sudo)
  fi
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}
install_missing wrk hyperfine curl
command -v dotnet >/dev/null 2>&1 || die "the .NET SDK (dotnet) is required."

rm -rf "$OUT" && mkdir -p "$OUT"
# The revision measured: taken before the build (other work may land in the repository while this runs).
REVISION="$(git -C "$REPO" rev-parse --short HEAD 2>/dev/null || echo '?')"
git -C "$REPO" diff-index --quiet HEAD -- 2>/dev/null || REVISION="$REVISION + uncommitted changes ($(git -C "$REPO" diff-index --name-only HEAD -- 2>/dev/null | cut -d/ -f1-2 | sort -u | tr '\n' ' ' | sed 's/ $//'))"
DATA="$(mktemp -d "${TMPDIR:-/tmp}/bastion-bench.XXXXXX")"
SERVER_PIDS=()
stop_servers() { # only the servers this script started, by pid
  local pid
  for pid in "${SERVER_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${SERVER_PIDS[@]}"; do
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  SERVER_PIDS=()
}
cleanup() {
  stop_servers
  if [[ "${BENCH_KEEP:-0}" == 1 ]]; then echo "data directory kept: $DATA" >&2; else rm -rf "$DATA"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---------------------------------------------------------------------------------------------
# 2. Build (Release)
# ---------------------------------------------------------------------------------------------
if [[ "${BENCH_SKIP_BUILD:-0}" != 1 ]]; then
  log "building Release: Bastion.Web, Bastion.Cli, Bastion.Bench"
  for project in src/Bastion.Web src/Bastion.Cli bench/Bastion.Bench; do
    timeout 15m dotnet build "$project" -c Release -nologo -v quiet -clp:ErrorsOnly >"$OUT/build-$(basename "$project").log" 2>&1 ||
      { cat "$OUT/build-$(basename "$project").log" >&2; die "building $project failed (log: $OUT/build-$(basename "$project").log)."; }
  done
fi
WEB_DLL="$REPO/src/Bastion.Web/bin/Release/net10.0/Bastion.Web.dll"
CLI_DLL="$REPO/src/Bastion.Cli/bin/Release/net10.0/bastion.dll"
BENCH_DLL="$REPO/bench/Bastion.Bench/bin/Release/net10.0/Bastion.Bench.dll"
for f in "$WEB_DLL" "$CLI_DLL" "$BENCH_DLL"; do [[ -f "$f" ]] || die "missing build output $f."; done

export Bastion__DataDirectory="$DATA"
export Bastion__Demo__SeedOnFirstStart=false

# ---------------------------------------------------------------------------------------------
# 3. Generate the dataset with the CLI (timed by hyperfine; the last run's database stays)
# ---------------------------------------------------------------------------------------------
log "generating the $SCALE dataset (seed $SEED) with \`bastion generate\`, $GENERATE_RUNS timed run(s)"
timeout 30m hyperfine --runs "$GENERATE_RUNS" --show-output \
  --prepare "rm -rf '$DATA' && mkdir -p '$DATA'" \
  --export-json "$OUT/generate.json" \
  "dotnet '$CLI_DLL' generate --scale $SCALE --seed $SEED" >"$OUT/generate.log" 2>&1 ||
  { tail -40 "$OUT/generate.log" >&2; die "bastion generate failed (log: $OUT/generate.log)."; }
# The CLI prints a table (Unicode or ASCII borders, depending on the terminal): "│ organizations │ 8,123 │".
count_of() { grep -E "(^|[^a-z])$1[^a-z]" "$OUT/generate.log" | grep -E '[0-9]' | tail -1 | tr -dc '0-9' || true; }
ORGS="$(count_of organizations)"
MEMBERS="$(count_of members)"
[[ -n "$ORGS" && -n "$MEMBERS" ]] || die "could not read the dataset size from $OUT/generate.log."
ROWS=$((ORGS + MEMBERS))
GEN_MEAN="$(grep -o '"mean": *[0-9.e+-]*' "$OUT/generate.json" | head -1 | sed 's/.*: *//')"
GEN_STDDEV="$(grep -o '"stddev": *[0-9.e+-]*' "$OUT/generate.json" | head -1 | sed 's/.*: *//')"
CLI_ROWS_S="$(grep -E '(^|[^a-z])rows/s[^a-z]' "$OUT/generate.log" | grep -E '[0-9]' | tr -dc '0-9\n' | tr '\n' ' ' | sed 's/ *$//' || true)"
DB_SIZE="$(du -sh "$DATA/bastion.db" | cut -f1)"
printf 'dataset: %s organizations + %s members = %s rows (%s), bastion generate mean %.2f s\n' "$ORGS" "$MEMBERS" "$ROWS" "$DB_SIZE" "$GEN_MEAN"

log "creating an API token for orgdept"
TOKEN="$(timeout 2m dotnet "$CLI_DLL" user token --user orgdept --name bench 2>"$OUT/token.log" | tail -1 | tr -d '[:space:]')"
[[ "$TOKEN" == bst_* ]] || { cat "$OUT/token.log" >&2; die "bastion user token printed no token."; }

# ---------------------------------------------------------------------------------------------
# 5. Servers on free ports on 127.0.0.1
# ---------------------------------------------------------------------------------------------
# Two instances of the same build on the same database, started together and measured alternately:
#   default  the server as it ships (its appsettings.json, no settings beyond the data directory): the figure asked for
#   quiet    (BENCH_QUIET_PASS=1) the same with Logging__LogLevel__Default=Warning, to see what console logging costs.
#            Before 5631309 there was no appsettings.json and every EF Core command was logged at Information level.
# Interleaving both in the same rounds keeps drift (e.g. a shared VM) out of their comparison.
QUIET_PASS="${BENCH_QUIET_PASS:-0}"
PASSES=(default)
[[ "$QUIET_PASS" == 1 ]] && PASSES+=(quiet)
port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
free_port() {
  local candidate
  for _ in $(seq 1 50); do
    candidate=$((20000 + RANDOM % 40000))
    if port_free "$candidate" && [[ " ${!BASE[*]} ${BASE[*]} " != *":$candidate "* ]]; then echo "$candidate"; return; fi
  done
  die "found no free port on 127.0.0.1."
}
declare -A BASE
AUTH="Authorization: Bearer $TOKEN"

start_server() { # pass log-file [NAME=VALUE environment entries...]
  local pass="$1" logfile="$2" port; shift 2
  port="$(free_port)"
  BASE[$pass]="http://127.0.0.1:$port"
  log "starting the web server [$pass] at ${BASE[$pass]}${*:+ with $*}"
  (cd "$REPO/src/Bastion.Web" && exec env "$@" dotnet "$WEB_DLL" --urls "${BASE[$pass]}") >"$logfile" 2>&1 &
  SERVER_PIDS+=($!)
  local pid=$!
  for _ in $(seq 1 240); do
    kill -0 "$pid" 2>/dev/null || { tail -30 "$logfile" >&2; die "the server [$pass] exited during start-up."; }
    curl -sf --max-time 2 "${BASE[$pass]}/health/ready" >/dev/null 2>&1 && return 0
    sleep 0.5
  done
  tail -30 "$logfile" >&2
  die "the server [$pass] was not ready within 120 s."
}
start_server default "$OUT/server.log"
[[ "$QUIET_PASS" == 1 ]] && start_server quiet "$OUT/server-quiet.log" Logging__LogLevel__Default=Warning

MINE="$(curl -sf --max-time 10 -H "$AUTH" "${BASE[default]}/api/v1/organizations/mine")" || die "GET /api/v1/organizations/mine failed."
COUNTY_ID="$(grep -o '"id":[0-9]*' <<<"$MINE" | head -1 | cut -d: -f2)"
COUNTY_NAME="$(grep -o '"name":"[^"]*"' <<<"$MINE" | head -1 | cut -d'"' -f4)"
COUNTY_ORGS="$(grep -o '"subtreeOrganizations":[0-9]*' <<<"$MINE" | cut -d: -f2)"
COUNTY_MEMBERS="$(grep -o '"subtreeMembers":[0-9]*' <<<"$MINE" | cut -d: -f2)"
[[ -n "$COUNTY_ID" ]] || die "no organization id in /api/v1/organizations/mine: $MINE"
SUBTREE="/api/v1/organizations/$COUNTY_ID/subtree?pageSize=50"
FIRST="$(curl -sf --max-time 10 -H "$AUTH" "${BASE[default]}$SUBTREE")" || die "GET $SUBTREE failed."
grep -q '"items":\[{' <<<"$FIRST" || die "GET $SUBTREE returned no items: ${FIRST:0:300}"
LAST_PAGE="$(grep -o '"pageCount":[0-9]*' <<<"$FIRST" | cut -d: -f2)"
LAST_PAGE="${LAST_PAGE:-1}"
SUBTREE_LAST="/api/v1/organizations/$COUNTY_ID/subtree?pageSize=50&page=$LAST_PAGE"
printf 'county %s (%s): %s organizations, %s members in its subtree; %s pages of 50\n' \
  "$COUNTY_ID" "$COUNTY_NAME" "$COUNTY_ORGS" "$COUNTY_MEMBERS" "$LAST_PAGE"

# ---------------------------------------------------------------------------------------------
# 6. wrk
# ---------------------------------------------------------------------------------------------
# name|path|bearer header?|what it isolates
ENDPOINTS=(
  "health|/health/live|no|the reference: no authentication, no database"
  "subtree|$SUBTREE|yes|the measured endpoint"
  "health_bearer|/health/live|yes|bearer-token authentication + data-scope lookup, nothing else"
  "me|/api/v1/account/me|yes|authentication + one simple query"
  "subtree_last|$SUBTREE_LAST|yes|the subtree's last page (OFFSET)"
)
endpoint() { local e; for e in "${ENDPOINTS[@]}"; do [[ "${e%%|*}" == "$1" ]] && { echo "$e"; return; }; done; }
# What each instance is measured on, in the order of a round.
RUNS=(default:health default:subtree default:health_bearer default:me default:subtree_last)
[[ "$QUIET_PASS" == 1 ]] && RUNS+=(quiet:health quiet:subtree quiet:health_bearer)

wrk_run() { # file url bearer duration
  local args=(-t"$THREADS" -c"$CONNECTIONS" -d"$4" --timeout 10s --latency)
  [[ "$3" == yes ]] && args+=(-H "$AUTH")
  timeout 5m wrk "${args[@]}" "$2" >"$1" 2>&1 || die "wrk $2 failed: $(cat "$1")"
  local non2xx
  non2xx="$(awk '/Non-2xx or 3xx responses:/ {print $NF}' "$1")"
  [[ -z "$non2xx" ]] || die "wrk $2: $non2xx answers were not 2xx (see $1)."
}
to_ms() { awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /[0-9]s$/ && v !~ /ms$/) n *= 1000; printf "%.2f", n }'; }
median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else printf "%.2f\n", (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.4f", a / b }'; }
rps_of() { awk '/^Requests\/sec:/ {print $2}' "$1"; }

declare -A RPS_RUNS P50_RUNS P99_RUNS ERRORS RPS P50 P99 RATIO_RUNS
LOADAVG="$(cut -d' ' -f1-3 /proc/loadavg)"
log "warming up ($WARMUP per endpoint and server: JIT tiering, EF Core query cache, SQLite page cache)"
for run in "${RUNS[@]}"; do
  pass="${run%%:*}" name="${run#*:}"
  IFS='|' read -r _ path bearer _ <<<"$(endpoint "$name")"
  wrk_run "$OUT/wrk-warmup-$pass-$name.txt" "${BASE[$pass]}$path" "$bearer" "$WARMUP"
done
log "measuring: $ROUNDS interleaved round(s), wrk -t$THREADS -c$CONNECTIONS -d$DURATION per endpoint and server"
for round in $(seq 1 "$ROUNDS"); do
  for run in "${RUNS[@]}"; do
    pass="${run%%:*}" name="${run#*:}"
    IFS='|' read -r _ path bearer _ <<<"$(endpoint "$name")"
    f="$OUT/wrk-$pass-$name-r$round.txt"
    wrk_run "$f" "${BASE[$pass]}$path" "$bearer" "$DURATION"
    RPS_RUNS[$run]="${RPS_RUNS[$run]:-} $(rps_of "$f")"
    P50_RUNS[$run]="${P50_RUNS[$run]:-} $(to_ms "$(awk '$1 == "50%" {print $2}' "$f")")"
    P99_RUNS[$run]="${P99_RUNS[$run]:-} $(to_ms "$(awk '$1 == "99%" {print $2}' "$f")")"
    ERRORS[$run]=$(( ${ERRORS[$run]:-0} + $(awk '/Socket errors:/ {gsub(",", ""); n = $4 + $6 + $8 + $10} END {print n + 0}' "$f") ))
    printf 'round %s  %-8s %-14s %10s req/s  %s\n' "$round" "$pass" "$name" "$(rps_of "$f")" "$path"
  done
  for pass in "${PASSES[@]}"; do
    RATIO_RUNS[$pass]="${RATIO_RUNS[$pass]:-} $(ratio "$(rps_of "$OUT/wrk-$pass-subtree-r$round.txt")" "$(rps_of "$OUT/wrk-$pass-health-r$round.txt")")"
  done
done
LOADAVG="$LOADAVG / $(cut -d' ' -f1-3 /proc/loadavg)"
for run in "${RUNS[@]}"; do
  RPS[$run]="$(median <<<"${RPS_RUNS[$run]}")"
  P50[$run]="$(median <<<"${P50_RUNS[$run]}")"
  P99[$run]="$(median <<<"${P99_RUNS[$run]}")"
done
RATIO_SUBTREE="$(ratio "${RPS[default:subtree]}" "${RPS[default:health]}")"
for pass in "${PASSES[@]}"; do
  printf '[%s] median requests/s: health %s, subtree %s; subtree / health = %s (per round:%s)\n' "$pass" \
    "${RPS[$pass:health]}" "${RPS[$pass:subtree]}" "$(ratio "${RPS[$pass:subtree]}" "${RPS[$pass:health]}")" "${RATIO_RUNS[$pass]}"
done

log "stopping the servers"
stop_servers
SERVER_LOG_SIZE="$(du -h "$OUT/server.log" | cut -f1)"
SERVER_LOG_LINES="$(wc -l <"$OUT/server.log")"

# ---------------------------------------------------------------------------------------------
# 7. Where the subtree request's time goes without the web stack
# ---------------------------------------------------------------------------------------------
log "probing the subtree queries (Bastion.Bench probe): the county as orgdept, and the whole tree unrestricted"
timeout 5m dotnet "$BENCH_DLL" probe --db "$DATA/bastion.db" --org "$COUNTY_ID" --runs 50 >"$OUT/probe.txt" 2>&1 ||
  { cat "$OUT/probe.txt" >&2; die "probe failed."; }
timeout 5m dotnet "$BENCH_DLL" probe --db "$DATA/bastion.db" --org 1 --scope-org 1 --runs 20 >"$OUT/probe-root.txt" 2>&1 ||
  { cat "$OUT/probe-root.txt" >&2; die "probe failed."; }
PROBE_SUMMARY="$(grep -h '^== ' "$OUT/probe.txt" "$OUT/probe-root.txt" | sed 's/^== //')"
echo "$PROBE_SUMMARY"

# ---------------------------------------------------------------------------------------------
# 8. Generation rate against a plain bulk load
# ---------------------------------------------------------------------------------------------
log "generation rate: DemoLoader against a plain bulk load (Bastion.Bench load, $LOAD_REPEAT runs each)"
timeout 30m dotnet "$BENCH_DLL" load --scale "$SCALE" --seed "$SEED" --repeat "$LOAD_REPEAT" | tee "$OUT/load.txt" ||
  die "the load comparison failed (log: $OUT/load.txt)."
result() { awk -F= -v k="result.$1" '$1 == k {print $2}' "$OUT/load.txt"; }

MICRO="${BENCH_MICRO:-1}"
if [[ "$MICRO" == 1 ]]; then
  log "BenchmarkDotNet micro-benchmarks (Bastion.Bench micro: one county in memory, per-member primitives)"
  timeout 30m dotnet "$BENCH_DLL" micro --filter '*' >"$OUT/micro.txt" 2>&1 || { tail -40 "$OUT/micro.txt" >&2; die "micro-benchmarks failed (log: $OUT/micro.txt)."; }
  awk '/^\| Method/ && n++ { print "" } /^\|/ { print }' "$OUT/micro.txt"
fi

# ---------------------------------------------------------------------------------------------
# 9. RESULTS.md
# ---------------------------------------------------------------------------------------------
fmt() { awk -v v="$1" 'BEGIN { s = sprintf("%.0f", v); out = ""; while (length(s) > 3) { out = "," substr(s, length(s) - 2) out; s = substr(s, 1, length(s) - 3) } print s out }'; }
table_rows() { # pass name...
  local pass="$1"; shift
  local name path bearer what label errors v
  for name in "$@"; do
    IFS='|' read -r _ path bearer what <<<"$(endpoint "$name")"
    label="\`GET $path\`"
    [[ "$bearer" == yes ]] && label="$label + bearer"
    [[ "$name" == subtree ]] && label="**$label**"
    errors=""
    [[ "${ERRORS[$pass:$name]:-0}" != 0 ]] && errors=" (${ERRORS[$pass:$name]} socket errors)"
    echo "| $label | $what | $(fmt "${RPS[$pass:$name]}")$errors | $(for v in ${RPS_RUNS[$pass:$name]}; do printf '%s ' "$(fmt "$v")"; done)| ${P50[$pass:$name]} | ${P99[$pass:$name]} | $(ratio "${RPS[$pass:$name]}" "${RPS[$pass:health]}") |"
  done
}
CPU="$(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2 | sed 's/^ *//')"
MEM="$(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)"
OS="$(. /etc/os-release 2>/dev/null && echo "$PRETTY_NAME")"
SECTION="$(mktemp)"
{
  echo "<!-- bench:results:begin (generated by bench/run.sh; edit outside these markers) -->"
  echo "## Latest run"
  echo
  echo "- Date: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "- Command: \`$COMMAND_LINE\`"
  echo "- Machine: $(nproc) CPUs ($CPU), $MEM RAM, $OS, kernel $(uname -r)"
  echo "- Software: .NET $(dotnet --version), $(wrk --version 2>&1 | head -1 | awk '{print $1, $2}'), $(hyperfine --version); revision $REVISION"
  echo "- Dataset: \`bastion generate --scale $SCALE --seed $SEED\`: $(fmt "$ORGS") organizations + $(fmt "$MEMBERS") members = $(fmt "$ROWS") rows, SQLite file $DB_SIZE"
  echo "- Server: Release build, Production environment, SQLite (WAL), \`--urls ${BASE[default]}\`; wrk on the same machine"
  echo
  echo "### (a) Subtree listing throughput against /health/live"
  echo
  echo "wrk \`-t$THREADS -c$CONNECTIONS -d$DURATION --latency\` per endpoint, $ROUNDS interleaved rounds (median shown), after $WARMUP of warm-up each; user \`orgdept\` (bearer token), county $COUNTY_ID ($COUNTY_NAME: $(fmt "$COUNTY_ORGS") organizations, $(fmt "$COUNTY_MEMBERS") members, $LAST_PAGE pages of 50). Load average before / after: $LOADAVG."
  echo
  echo "| endpoint | what it isolates | requests/s (median) | per round | p50 ms | p99 ms | ratio to /health/live |"
  echo "|---|---|---:|---:|---:|---:|---:|"
  table_rows default health subtree health_bearer me subtree_last
  echo
  echo "**Subtree / health = $RATIO_SUBTREE** (ratio of the medians; per round:${RATIO_RUNS[default]})."
  echo
  echo "The server's console output over this run: $(fmt "$SERVER_LOG_LINES") lines, $SERVER_LOG_SIZE."
  if [[ "$QUIET_PASS" == 1 ]]; then
    echo
    echo "Diagnostic: a second instance of the same build on the same database, started with \`Logging__LogLevel__Default=Warning\` and measured in the same rounds, alternately with the first:"
    echo
    echo "| endpoint | what it isolates | requests/s (median) | per round | p50 ms | p99 ms | ratio to /health/live |"
    echo "|---|---|---:|---:|---:|---:|---:|"
    table_rows quiet health subtree health_bearer
    echo
    echo "Subtree / health with logging at Warning = $(ratio "${RPS[quiet:subtree]}" "${RPS[quiet:health]}") (per round:${RATIO_RUNS[quiet]}). Logging at Warning against the default, requests/s: health $(ratio "${RPS[quiet:health]}" "${RPS[default:health]}")×, health + bearer $(ratio "${RPS[quiet:health_bearer]}" "${RPS[default:health_bearer]}")×, subtree $(ratio "${RPS[quiet:subtree]}" "${RPS[default:subtree]}")×."
  fi
  echo
  echo "The subtree listing without the web stack (\`Bastion.Bench probe\`: OrganizationQueries.SubtreeAsync in-process under the same data scope, new DbContext per run; SQL = sum of the per-statement medians; full output in bench/out/probe*.txt):"
  echo
  while IFS= read -r line; do [[ -n "$line" ]] && echo "- $line"; done <<<"$PROBE_SUMMARY"
  echo
  echo "### (b) Generation rate against a plain bulk load"
  echo
  echo "\`Bastion.Bench load --scale $(result scale) --seed $(result seed) --repeat $(result repeat)\`: the dataset is built once in memory ($(fmt "$(result rows)") rows), then loaded into fresh migrated SQLite databases; median of $(result repeat) alternating runs, both databases verified identical (SHA-256 over all organization and member rows)."
  echo
  echo "| loader | seconds | rows/s | ratio to bulk |"
  echo "|---|---:|---:|---:|"
  echo "| DemoLoader.LoadAsync (EF Core, batches of 4,000, audit layer) | $(result demoloader_s) | $(fmt "$(result demoloader_rows_per_s)") | **$(result ratio_demoloader_over_bulk)** |"
  echo "| plain bulk load (one transaction, prepared INSERT, raw SqliteConnection) | $(result bulk_s) | $(fmt "$(result bulk_rows_per_s)") | 1 |"
  echo "| DemoDataset.Build (in memory, no I/O) | $(result build_s) | $(fmt "$(result build_rows_per_s)") | |"
  echo "| build + DemoLoader (what \`generate\` does for the rows) | | $(fmt "$(result generate_rows_per_s)") | $(result ratio_generate_over_bulk) |"
  echo
  echo "Runs (s): DemoLoader $(result demoloader_runs_s); bulk $(result bulk_runs_s)."
  echo
  printf -- '- End to end, `bastion generate --scale %s` (process start, migration, build, load, 6 demo accounts): %.2f s ± %.2f s over %s hyperfine runs = %s rows/s; the CLI itself reported %s rows/s.\n' \
    "$SCALE" "$GEN_MEAN" "$GEN_STDDEV" "$GENERATE_RUNS" "$(fmt "$(awk -v r="$ROWS" -v t="$GEN_MEAN" 'BEGIN { print r / t }')")" "$CLI_ROWS_S"
  if [[ "$MICRO" == 1 ]]; then
    echo
    echo "### BenchmarkDotNet micro-benchmarks"
    echo
    echo "\`Bastion.Bench micro\` (ShortRun, in-process toolchain): building one county in memory (DemoDataset.Build, demo scale, no I/O), and the generator's per-member work against composing a resident ID (baseline)."
    echo
    awk '/^\| Method/ && n++ { print "" } /^\|/ { print }' "$OUT/micro.txt"
  fi
  echo
  echo "Raw outputs of this run: bench/out/ (wrk-*.txt, probe*.txt, load.txt, generate.log, server*.log; git-ignored)."
  echo "<!-- bench:results:end -->"
} >"$SECTION"

if [[ -f "$RESULTS" ]] && grep -q '<!-- bench:results:begin' "$RESULTS" && grep -q '<!-- bench:results:end' "$RESULTS"; then
  awk -v section="$SECTION" '
    /<!-- bench:results:begin/ { while ((getline line < section) > 0) print line; skip = 1; next }
    /<!-- bench:results:end/ { skip = 0; next }
    !skip { print }' "$RESULTS" >"$RESULTS.tmp"
  mv "$RESULTS.tmp" "$RESULTS"
else
  { echo "# Bastion benchmark results"; echo; echo "Produced by \`bench/run.sh\` (see the header of that script)."; echo; cat "$SECTION"; } >"$RESULTS"
fi
rm -f "$SECTION"
log "results written to ${RESULTS#"$REPO"/}"
