#!/usr/bin/env bash
# Container health check: GET /health/ready on the portal's own port. The runtime image has no curl, so bash's /dev/tcp
# speaks the request. The Host header is the public origin's host: outside Development the portal answers 400 to any
# other host (AllowedHosts).
set -euo pipefail
host="${Profiles__PublicOrigin:-http://localhost}"
host="${host#*://}"
host="${host%/}"
port="${ASPNETCORE_HTTP_PORTS:-8080}"
port="${port%%[;,]*}"
exec 3<>"/dev/tcp/127.0.0.1/${port}"
printf 'GET /health/ready HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n\r\n' "$host" >&3
IFS= read -r status <&3
[[ "$status" == *" 200 "* ]]
