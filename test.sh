#!/usr/bin/env bash
# Runs every test of the solution on a fresh machine: installs the test servers (npm ci), restores, builds,
# runs all test projects, and prints the totals as one line "N passed, N failed[, N skipped]".
set -euo pipefail
cd "$(dirname "$0")"

if ! command -v redis-server >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "==> Installing redis-server (Debian package) for the Redis scale-out tests"
    # A fresh machine may have empty package lists ("Unable to locate package"): refresh them once and retry.
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q redis-server >/dev/null 2>&1 \
      || { apt-get update -q >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q redis-server >/dev/null; } \
      || echo "    apt-get could not install redis-server: the Redis tests will say so"
  else
    echo "==> redis-server is missing and cannot be installed here (needs root and apt-get): the Redis tests will say so"
  fi
fi

echo "==> Installing test servers for the Lambda tests (dynalite, s3rver, fauxqs) with npm ci"
(cd tests/servers && npm ci --no-audit --no-fund --loglevel=error)

results="$(pwd)/artifacts/test-results"
rm -rf "$results"
mkdir -p "$results"

start=$SECONDS
echo "==> Building the solution (one line per project as it finishes; a first build on a fresh clone takes minutes)"
# Minimal verbosity with the terminal logger off: one "Project -> path" line per project, also when the output is a
# file or a CI log (quiet verbosity printed nothing for minutes).
dotnet build MeetStream.Client.sln -c Release --nologo -v minimal -tl:off -clp:NoSummary
echo "==> Built in $((SECONDS - start)) s"

echo "==> Testing (one result line per test project as it finishes)"
start=$SECONDS
status=0
dotnet test MeetStream.Client.sln -c Release --no-build --nologo -tl:off \
  --logger "trx" --results-directory "$results" -- RunConfiguration.CollectSourceInformation=false || status=$?
echo "==> Tested in $((SECONDS - start)) s"

python3 - "$results" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
passed = failed = skipped = 0
files = glob.glob(sys.argv[1] + "/**/*.trx", recursive=True)
for path in files:
    counters = ET.parse(path).getroot().find("{*}ResultSummary/{*}Counters")
    if counters is None:
        continue
    passed += int(counters.get("passed", 0))
    failed += int(counters.get("failed", 0)) + int(counters.get("error", 0)) + int(counters.get("timeout", 0)) + int(counters.get("aborted", 0))
    skipped += int(counters.get("notExecuted", 0))
if not files:
    failed += 1
    print("no test results were written")
print(f"{passed} passed, {failed} failed, {skipped} skipped")
sys.exit(1 if failed else 0)
PY
summary=$?
exit $(( status != 0 ? status : summary ))
