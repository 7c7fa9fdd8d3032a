#!/bin/sh
# Install Debian's chromium for the browser tests (tests/test_web_*.py, marker "browser").
# Idempotent: does nothing when /usr/bin/chromium is already there. We use the distribution
# build on purpose: `playwright install` would download browser binaries at run time.
set -eu
if [ -x /usr/bin/chromium ]; then
    echo "chromium already installed: $(/usr/bin/chromium --version 2>/dev/null || echo /usr/bin/chromium)"
    exit 0
fi
SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update
$SUDO apt-get install -y --no-install-recommends chromium fonts-dejavu-core
/usr/bin/chromium --version
