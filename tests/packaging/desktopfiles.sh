#!/usr/bin/env bash
# The control panel's desktop entry and AppStream metainfo (resources/desktop) pass their
# validators: desktop-file-validate without a message, appstreamcli without an error or a
# warning (offline: screenshot URLs are not fetched). Usage: desktopfiles.sh <source dir>
set -euo pipefail
desktop=("$1"/resources/desktop/*.desktop)
metainfo=("$1"/resources/desktop/*.metainfo.xml)

messages=$(desktop-file-validate "${desktop[@]}" 2>&1) || true
if [[ -n $messages ]]; then
    echo "desktop-file-validate:"
    echo "$messages"
    exit 1
fi
# Pedantic notes are allowed: the application id's required capitals give one.
appstreamcli validate --no-net --no-color "${metainfo[@]}"
echo "desktop entry and metainfo valid"
