#!/bin/bash
# The image's health check: exit 0 when the part on this container's port (the first
# argument, else PORT, else 4000) answers /health/ready with 200. Bash alone, no Node
# start-up: a dozen parts checked every ten seconds must cost next to nothing.
port=${1:-${PORT:-4000}}
exec 3<>"/dev/tcp/127.0.0.1/$port" || exit 1
printf 'GET /health/ready HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' >&3
read -r -t 5 status <&3 || exit 1
[[ $status == HTTP/1.?' 200 '* ]]
