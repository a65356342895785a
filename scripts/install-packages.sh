#!/usr/bin/env bash
# Installs the Debian packages named on the command line that are missing, with sudo when not
# root. With --no-start, services the packages bring (nginx) are not started: the tests start
# their own nginx on 127.0.0.1 and a stray one on port 80 helps nobody.
set -euo pipefail
no_start=""
if [ "${1:-}" = "--no-start" ]; then no_start=1; shift; fi
missing=()
for p in "$@"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "installing: ${missing[*]}"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
policy=""
if [ -n "$no_start" ] && [ ! -e /usr/sbin/policy-rc.d ]; then
  # Debian's documented switch: invoke-rc.d asks policy-rc.d, and 101 means "do not start".
  printf '#!/bin/sh\nexit 101\n' | $SUDO tee /usr/sbin/policy-rc.d >/dev/null
  $SUDO chmod 755 /usr/sbin/policy-rc.d
  policy=1
fi
cleanup() { [ -z "$policy" ] || $SUDO rm -f /usr/sbin/policy-rc.d; }
trap cleanup EXIT
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
