#!/usr/bin/env bash
# Sourced by .ci/run: makes Debian's headless-capable Chromium available for the status-page browser test
# and exports UPDATEBOT_CHROMIUM. Idempotent: installs only when missing.
if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" -eq 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  fi
fi
if command -v chromium >/dev/null 2>&1; then
  UPDATEBOT_CHROMIUM="$(command -v chromium)"
  export UPDATEBOT_CHROMIUM
else
  echo "CI: chromium could not be installed; the status-page browser test will fail" >&2
  return 1 2>/dev/null || exit 1
fi
