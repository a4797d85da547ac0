#!/usr/bin/env bash
# Packs the plugin SDK into a folder usable as a NuGet feed: Led.Sdk (contracts, toolkit, build settings),
# Led.Sdk.Testing (the conformance kit) and Led.Templates (dotnet new templates), all at the version LedSdkVersion of
# Directory.Build.props.
#   scripts/pack-sdk.sh [FEED]        (default: artifacts/sdk-feed)
# Then: dotnet new install FEED/Led.Templates.<version>.nupkg, and add FEED as a package source (nuget.config).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
feed="$(realpath -m "${1:-$root/artifacts/sdk-feed}")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
mkdir -p "$feed"
version="$(sed -n 's:.*<LedSdkVersion>\(.*\)</LedSdkVersion>.*:\1:p' "$root/Directory.Build.props")"
# A package of this version cached by an earlier pack would shadow the new one.
cache="$(dotnet nuget locals global-packages --list | sed 's/^global-packages: //')"
for id in led.sdk led.sdk.testing led.templates; do rm -rf "${cache%/}/$id/$version"; done
for project in Led.Sdk Led.Sdk.Testing Led.Templates; do
  dotnet pack "$root/sdk/$project/$project.csproj" -c Release -o "$feed" -nologo -v:q -clp:ErrorsOnly >&2
done
echo "$version"
