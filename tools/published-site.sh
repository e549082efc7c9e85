# Sourced by the tools that measure the site as deployed (bench-pages.sh, lighthouse.sh): publishes Course.Web in
# Release to a temporary folder with its own copy of uSync/, runs it in Production there (App_Data/ is created
# inside it, so the checkout is never touched) and stops it and removes the folder when the script exits.
# Needs $repo and $base set by the caller.
work="$(mktemp -d)"
server=""
stop_site() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap stop_site EXIT

echo "Publishing Course.Web (Release)…"
dotnet publish "$repo/src/Course.Web" -c Release -o "$work/app" -nologo -clp:ErrorsOnly >/dev/null
cp -r "$repo/uSync" "$work/uSync"
if curl -s -o /dev/null "$base/healthz"; then echo "port ${base##*:} is already taken" >&2; exit 1; fi

# start_site PATH [NAME=VALUE…]: starts the site with the extra settings and returns once PATH answers 200.
start_site() {
  local path="$1"; shift
  (cd "$work/app" && exec env ASPNETCORE_ENVIRONMENT=Production Course__USync__Folder="$work/uSync" "$@" \
    dotnet Course.Web.dll --urls "$base" >"$work/server.log" 2>&1) &
  server=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "$base$path" || true)" = 200 ]; do
    if ! kill -0 "$server" 2>/dev/null; then echo "the site stopped:" >&2; cat "$work/server.log" >&2; exit 1; fi
    sleep 0.01
  done
}
