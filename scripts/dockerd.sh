#!/usr/bin/env bash
# Start or stop a Docker daemon as a plain background process, for CI and developers on
# machines without systemd (the Docker tests need one: test/engine/docker.test.ts).
#
#   bash scripts/dockerd.sh start   start dockerd unless a daemon already answers
#   bash scripts/dockerd.sh stop    stop the dockerd that `start` started, and only that one
#
# Install the daemon first: apt-get install -y --no-install-recommends docker.io
# The pid and log files go in .cache/ (override with DOCKERD_PIDFILE and DOCKERD_LOG).
set -euo pipefail
cd "$(dirname "$0")/.."

PIDFILE=${DOCKERD_PIDFILE:-$PWD/.cache/dockerd.pid}
LOG=${DOCKERD_LOG:-$PWD/.cache/dockerd.log}
START_TIMEOUT=${DOCKERD_START_TIMEOUT:-30}
STOP_TIMEOUT=${DOCKERD_STOP_TIMEOUT:-30}

say() { echo "dockerd.sh: $*"; }

answers() { docker version --format '{{.Server.Version}}' >/dev/null 2>&1; }

# The pid in the pid file, when that process is alive and still a dockerd (not a reused pid).
our_pid() {
  [[ -f $PIDFILE ]] || return 1
  local pid
  pid=$(<"$PIDFILE")
  [[ $pid =~ ^[0-9]+$ ]] || return 1
  [[ $(cat "/proc/$pid/comm" 2>/dev/null) == dockerd ]] || return 1
  echo "$pid"
}

start() {
  if answers; then
    say "a Docker daemon already answers (server $(docker version --format '{{.Server.Version}}')): nothing to do"
    return 0
  fi
  if ! command -v dockerd >/dev/null; then
    say "dockerd is not installed: apt-get install -y --no-install-recommends docker.io" >&2
    return 1
  fi
  if pid=$(our_pid); then
    say "dockerd $pid (from $PIDFILE) is running but does not answer yet: waiting for it"
  else
    mkdir -p "$(dirname "$PIDFILE")" "$(dirname "$LOG")"
    # Standard input and output detached, so the caller's shell or CI step does not wait on it.
    dockerd </dev/null >>"$LOG" 2>&1 &
    pid=$!
    echo "$pid" >"$PIDFILE"
    say "started dockerd $pid (log $LOG, pid file $PIDFILE)"
  fi
  local deadline=$((SECONDS + START_TIMEOUT))
  until answers; do
    if ! kill -0 "$pid" 2>/dev/null; then
      say "dockerd $pid exited before answering; the end of $LOG:" >&2
      tail -n 20 "$LOG" >&2 || true
      rm -f "$PIDFILE"
      return 1
    fi
    if ((SECONDS >= deadline)); then
      say "dockerd $pid does not answer after ${START_TIMEOUT}s; the end of $LOG:" >&2
      tail -n 20 "$LOG" >&2 || true
      return 1
    fi
    sleep 0.2
  done
  say "dockerd $pid answers (server $(docker version --format '{{.Server.Version}}'))"
}

stop() {
  local pid
  if ! pid=$(our_pid); then
    say "no dockerd started by this script is running (pid file $PIDFILE): nothing to stop"
    rm -f "$PIDFILE"
    return 0
  fi
  kill -TERM "$pid"
  local deadline=$((SECONDS + STOP_TIMEOUT))
  while kill -0 "$pid" 2>/dev/null; do
    if ((SECONDS >= deadline)); then
      say "dockerd $pid still runs ${STOP_TIMEOUT}s after SIGTERM: sending SIGKILL" >&2
      kill -KILL "$pid" 2>/dev/null || true
      sleep 1
      break
    fi
    sleep 0.2
  done
  rm -f "$PIDFILE"
  say "stopped dockerd $pid"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *)
    echo "usage: bash scripts/dockerd.sh start|stop" >&2
    exit 2
    ;;
esac
