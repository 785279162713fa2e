#!/usr/bin/env bash
# Coverage-guided fuzzing of the network parsers: builds the harness, instruments the SDK assemblies with SharpFuzz
# and runs each target under AFL++ for a bounded time, then replays every crash and hang to print its stack trace.
#
#   tests/Fuzz/run.sh                    every target, 60 s each
#   tests/Fuzz/run.sh webhook-parser 300 one target, 5 minutes
#   tests/Fuzz/run.sh all 600            every target, 10 minutes each
#   tests/Fuzz/run.sh a,b 120            targets a and b, 2 minutes each
#
# Needs: afl-fuzz (AFL++; Debian: `apt-get install -y afl++` as root) and the SharpFuzz.CommandLine 2.3.0 tool, which
# this script installs into tests/Fuzz/.tools on first use (`dotnet tool install --tool-path`). Not part of ./test.sh or
# CI. Findings go to tests/Fuzz/findings/<target>/ (ignored by git; FUZZ_FINDINGS=DIR to put them elsewhere, e.g. for
# two runs at once). Set FUZZ_NICE=0 to run without nice.
# The JSON and text targets use the AFL++ dictionary dict/json.dict (keys, escapes such as "\ud800", structure).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
target="${1:-all}"
seconds="${2:-60}"
targets=(webhook-parser webhook-headers binary-audio-frame legacy-pcm-chunk control-message lambda-http-event)
nice_cmd=(nice -n 10)
[[ "${FUZZ_NICE:-1}" == "0" ]] && nice_cmd=()

if ! command -v afl-fuzz >/dev/null; then
  echo "afl-fuzz not found. Install AFL++ first: apt-get install -y afl++ (as root)." >&2
  exit 2
fi

tools="$here/.tools"
if [[ ! -x "$tools/sharpfuzz" ]]; then
  echo "Installing SharpFuzz.CommandLine 2.3.0 into $tools ..."
  dotnet tool install --tool-path "$tools" SharpFuzz.CommandLine --version 2.3.0 >/dev/null
fi

echo "Building the harness (Release) ..."
"${nice_cmd[@]}" dotnet build "$here/MeetStream.Client.Fuzz.csproj" -c Release -nologo -v q -clp:ErrorsOnly
# Each run works on its own copies (instrumented, and plain for replays), so runs can overlap and rebuilds do not
# change a run under way.
out="$here/out/run-$$"
bin="$out/instrumented"
plain="$out/plain"
trap 'rm -rf "$out"' EXIT
mkdir -p "$bin" "$plain"
cp -r "$here/bin/Release/net10.0/." "$bin/"
cp -r "$here/bin/Release/net10.0/." "$plain/"
for assembly in MeetStream.Client.dll MeetStream.Client.Lambda.dll; do
  "$tools/sharpfuzz" "$bin/$assembly" >/dev/null
  echo "Instrumented $assembly"
done

run_one() {
  local name="$1"
  local corpus="$here/corpus/$name"
  local findings="${FUZZ_FINDINGS:-$here/findings}/$name"
  [[ -d "$corpus" ]] || { echo "No corpus for '$name' at $corpus" >&2; return 2; }
  local dict=()
  [[ "$name" != "binary-audio-frame" ]] && dict=(-x "$here/dict/json.dict")
  rm -rf "$findings"
  mkdir -p "$findings"
  echo "== $name: ${seconds}s, corpus $(ls "$corpus" | wc -l) inputs${dict:+, dictionary dict/json.dict}"
  # SharpFuzz's process is not an AFL-instrumented binary (skip the check); AFL_NO_UI prints a plain status;
  # -t: 5 s per input (a hang is an input over it); -m none: the CLR reserves far more address space than AFL allows.
  AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_SKIP_CPUFREQ=1 AFL_NO_AFFINITY=1 \
  AFL_FORKSRV_INIT_TMOUT=60000 AFL_QUIET=1 \
    "${nice_cmd[@]}" afl-fuzz -V "$seconds" -t 5000 -m none "${dict[@]}" -i "$corpus" -o "$findings" \
      -- dotnet "$bin/MeetStream.Client.Fuzz.dll" "$name" > "$findings/afl.log" 2>&1 || true
  local stats="$findings/default/fuzzer_stats"
  if [[ ! -f "$stats" ]]; then
    echo "AFL did not start; see $findings/afl.log:" >&2
    tail -20 "$findings/afl.log" >&2
    return 1
  fi
  local execs crashes hangs runtime paths
  execs=$(awk -F: '/^execs_done/ {gsub(/ /,"",$2); print $2}' "$stats")
  crashes=$(awk -F: '/^saved_crashes|^unique_crashes/ {gsub(/ /,"",$2); print $2}' "$stats" | head -1)
  hangs=$(awk -F: '/^saved_hangs|^unique_hangs/ {gsub(/ /,"",$2); print $2}' "$stats" | head -1)
  runtime=$(awk -F: '/^run_time/ {gsub(/ /,"",$2); print $2}' "$stats")
  paths=$(awk -F: '/^corpus_count|^paths_total/ {gsub(/ /,"",$2); print $2}' "$stats" | head -1)
  echo "   $name: executions=$execs time=${runtime}s corpus=$paths crashes=$crashes hangs=$hangs"
  local found
  shopt -s nullglob
  found=("$findings"/default/crashes/id:* "$findings"/default/hangs/id:*)
  shopt -u nullglob
  if (( ${#found[@]} > 0 )); then
    echo "   replaying findings (uninstrumented build):"
    dotnet "$plain/MeetStream.Client.Fuzz.dll" "$name" --replay "${found[@]}" | grep -v '^   at System\.' | sed 's/^/   /' || true
  fi
}

if [[ "$target" == "all" ]]; then
  for name in "${targets[@]}"; do run_one "$name"; done
else
  IFS=, read -ra chosen <<< "$target"
  for name in "${chosen[@]}"; do run_one "$name"; done
fi
