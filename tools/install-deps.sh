#!/bin/sh
# Installs the Debian packages named in $PACKAGES that are missing. As root it runs apt-get;
# otherwise it prints the exact command to run and stops, so nothing happens behind your back.
set -e
missing=""
for p in $PACKAGES; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing="$missing $p"
    fi
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" != 0 ]; then
    echo "LoopLab needs these Debian packages:$missing"
    echo "Install them with:"
    echo "    sudo apt-get update && sudo apt-get install -y$missing"
    exit 1
fi
echo "Installing missing Debian packages:$missing"
# An empty package list (fresh container) makes apt-get install fail: update first.
if [ -z "$(ls -A /var/lib/apt/lists 2>/dev/null | grep -v -e lock -e partial)" ]; then
    apt-get update -qq
fi
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing || {
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing
}
