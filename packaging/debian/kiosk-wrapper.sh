#!/bin/sh
# /usr/bin/kiosk: the bundle in /opt/kiosk, with the installed terminal's directories unless told otherwise.
: "${KIOSK_CONFIG_DIR:=/etc/kiosk}"
: "${KIOSK_DATA_DIR:=/var/lib/kiosk}"
: "${KIOSK_LOG_DIR:=/var/log/kiosk}"
export KIOSK_CONFIG_DIR KIOSK_DATA_DIR KIOSK_LOG_DIR
exec /opt/kiosk/kiosk "$@"
