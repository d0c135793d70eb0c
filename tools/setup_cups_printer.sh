#!/usr/bin/env bash
# A real ticket printer for tests and the office-day run: CUPS with a PDF printer queue.
#
#   sudo bash tools/setup_cups_printer.sh [QUEUE]      (default queue: PST_Tickets)
#
# Installs cups and printer-driver-cups-pdf (Debian) when missing, starts cupsd when it is not
# running, points cups-pdf at one folder for every user and (re)creates the queue, enabled and
# accepting jobs. Safe to run again. The last line printed is "PDF_DIR=<folder>": every job sent
# to the queue lands there as a PDF (named after the job title).
#
# Try a fault:   cupsdisable -r "paper out" PST_Tickets      (Qt then reports the printer Error)
# Back again:    cupsenable PST_Tickets
set -euo pipefail

QUEUE="${1:-${PST_PRINTER_QUEUE:-PST_Tickets}}"
PDF_DIR="${PST_CUPS_PDF_DIR:-/var/spool/cups-pdf/out}"
CONF=/etc/cups/cups-pdf.conf
PPD=lsb/usr/cups-pdf/CUPS-PDF_opt.ppd

if [ "$(id -u)" != 0 ]; then
    echo "setup_cups_printer: run as root (apt-get, lpadmin and cupsd need it)" >&2
    exit 1
fi

if ! command -v cupsd >/dev/null || [ ! -e /usr/lib/cups/backend/cups-pdf ]; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y -q cups printer-driver-cups-pdf >/dev/null \
        || { apt-get update -q >/dev/null && apt-get install -y -q cups printer-driver-cups-pdf >/dev/null; }
fi

# every user's jobs go to one folder (the default is each user's ~/PDF)
mkdir -p "$PDF_DIR"
chmod 1777 "$PDF_DIR"
if grep -qE '^[#[:space:]]*Out[[:space:]]' "$CONF"; then
    sed -i -E "s|^[#[:space:]]*Out[[:space:]].*|Out ${PDF_DIR}|" "$CONF"
else
    echo "Out ${PDF_DIR}" >>"$CONF"
fi
if grep -qE '^[#[:space:]]*AnonDirName[[:space:]]' "$CONF"; then
    sed -i -E "s|^[#[:space:]]*AnonDirName[[:space:]].*|AnonDirName ${PDF_DIR}|" "$CONF"
else
    echo "AnonDirName ${PDF_DIR}" >>"$CONF"
fi

# cupsd: start it when it does not answer (no systemd in containers and CI)
if ! lpstat -r 2>/dev/null | grep -q "is running"; then
    if command -v systemctl >/dev/null && systemctl is-system-running >/dev/null 2>&1; then
        systemctl start cups
    else
        cupsd
    fi
    for _ in $(seq 1 50); do
        lpstat -r 2>/dev/null | grep -q "is running" && break
        sleep 0.2
    done
fi
lpstat -r | grep -q "is running" || { echo "setup_cups_printer: cupsd did not start" >&2; exit 1; }

# the queue: created once, then only re-enabled (a test may have left it stopped)
if ! lpstat -p "$QUEUE" >/dev/null 2>&1; then
    lpadmin -p "$QUEUE" -E -v cups-pdf:/ -m "$PPD"
fi
cupsenable "$QUEUE"
cupsaccept "$QUEUE"

lpstat -p "$QUEUE"
echo "PDF_DIR=${PDF_DIR}"
