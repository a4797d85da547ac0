#!/usr/bin/env bash
# A third-party plugin author's round trip, outside the repository, against the packed SDK only:
#   1. pack Led.Sdk, Led.Sdk.Testing and Led.Templates into a local feed (scripts/pack-sdk.sh);
#   2. `dotnet new led-system` and `led-propagator` into WORK/src;
#   3. build them and run their conformance tests against the packages only;
#   4. `led plugins install` both into WORK/plugins;
#   5. `led validate` and `led run` a tiny config that uses both.
#   scripts/sdk-roundtrip.sh WORK        (LED: the led command; default: ./led of this repository)
# Exit 0 when every step passed; the failing step's output otherwise.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$(realpath -m "${1:?usage: scripts/sdk-roundtrip.sh WORK}")"
led="${LED:-$root/led}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
rm -rf "$work" && mkdir -p "$work/src" "$work/plugins"
step() { echo "== $*" >&2; }

step "pack the SDK"
version="$("$root/scripts/pack-sdk.sh" "$work/feed")"

step "dotnet new (templates $version)"
hive=(--debug:custom-hive "$work/hive")
dotnet new install "$work/feed/Led.Templates.$version.nupkg" "${hive[@]}" >/dev/null
cat >"$work/src/nuget.config" <<CONFIG
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <add key="led-sdk" value="$work/feed" />
    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
  </packageSources>
  <packageSourceMapping>
    <packageSource key="led-sdk"><package pattern="Led.*" /></packageSource>
    <packageSource key="nuget.org"><package pattern="*" /></packageSource>
  </packageSourceMapping>
</configuration>
CONFIG
cd "$work/src"
dotnet new led-system -n Lorenz96 "${hive[@]}" >/dev/null
dotnet new led-propagator -n ResidualMap "${hive[@]}" >/dev/null

step "build and test against the packages"
for plugin in Lorenz96 ResidualMap; do
  dotnet test "$plugin/$plugin.Tests" -nologo -v:q 2>&1 | tail -n 3
  test "${PIPESTATUS[0]}" -eq 0
done

step "led plugins install"
$led plugins install "$work/src/Lorenz96/Lorenz96" --to "$work/plugins"
$led plugins install "$work/src/ResidualMap/ResidualMap/ResidualMap.csproj" --to "$work/plugins"

step "led validate and led run"
cat >"$work/tiny.json" <<JSON
{
  "plugins": [ "plugins" ],
  "system": { "name": "Lorenz96", "options": { "variables": 8, "microStep": 0.01, "coarseStep": 0.05 } },
  "data": { "transient": 2, "trainSamples": 200, "validationSamples": 80, "testInitialConditions": 2 },
  "encoder": { "name": "Pca", "options": { "latentDim": 8 } },
  "propagator": { "name": "ResidualMap", "options": { "hidden": 16 } },
  "training": { "optimizer": "adam", "learningRate": 0.01, "maxEpochs": 3, "patience": 2, "maxRounds": 1, "sequenceLength": 10, "windowLength": 41 },
  "forecast": { "warmup": 5, "horizon": 20 },
  "device": "cpu",
  "seed": 1
}
JSON
$led validate "$work/tiny.json"
$led run "$work/tiny.json" --out "$work/run"
test -s "$work/run/metrics.json"
step "round trip passed: $work/run/metrics.json"
