#!/usr/bin/env bash
# Type-checks the backoffice source against the pinned @umbraco-cms/backoffice types and builds it into
# ../wwwroot/App_Plugins/Course.Umbraco/course-umbraco.js (committed, so dotnet build needs no npm).
# --check: build into a temporary folder and fail when the committed bundle differs from a fresh build.
set -euo pipefail
cd "$(dirname "$0")"
[ -d node_modules ] || npm ci --no-audit --no-fund
npx tsc --noEmit
node validate-manifest.mjs
bundle=../wwwroot/App_Plugins/Course.Umbraco/course-umbraco.js
if [ "${1:-}" = "--check" ]; then
  fresh=$(mktemp -d)
  npx vite build --logLevel warn --outDir "$fresh"
  if ! cmp -s "$fresh/course-umbraco.js" "$bundle"; then
    echo "$bundle differs from a fresh build of Backoffice/src: run src/Course.Umbraco/Backoffice/build.sh and commit it" >&2
    rm -rf "$fresh"; exit 1
  fi
  rm -rf "$fresh"
  echo "$bundle matches its source"
else
  npx vite build --logLevel warn
fi
