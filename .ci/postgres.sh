#!/usr/bin/env bash
# Installs PostgreSQL from Debian's packages (when missing), starts a cluster on loopback and creates the test
# user and database. Idempotent: safe to run again. Must run as root on Debian.
#
# Use:   source .ci/postgres.sh        (exports UPDATEBOT_TEST_POSTGRES into the calling shell; leaves its shell options alone)
#   or:  eval "$(.ci/postgres.sh)"     (prints the export line on stdout; progress goes to stderr)
_updatebot_pg_main() (
    set -euo pipefail

    PG_USER="${UPDATEBOT_PG_USER:-updatebot}"
    PG_PASSWORD="${UPDATEBOT_PG_PASSWORD:-updatebot-test}"
    PG_DB="${UPDATEBOT_PG_DB:-updatebot_test}"
    PG_PORT="${UPDATEBOT_PG_PORT:-5432}"

    log() { echo "postgres.sh: $*" >&2; }

    if ! command -v pg_ctlcluster >/dev/null 2>&1 || ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
        log "installing postgresql from Debian packages"
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq >&2
        apt-get install -y -qq postgresql >&2
    fi

    PG_VERSION="$(ls /usr/lib/postgresql | sort -V | tail -n1)"
    if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -qx "${PG_VERSION} main"; then
        log "creating cluster ${PG_VERSION}/main"
        pg_createcluster "${PG_VERSION}" main --port "${PG_PORT}" >&2
    fi

    CONF_DIR="/etc/postgresql/${PG_VERSION}/main"
    # Loopback only; more connections than the default 100 for the three-instance tests.
    sed -i "s/^#\?listen_addresses.*/listen_addresses = '127.0.0.1'/" "${CONF_DIR}/postgresql.conf"
    sed -i "s/^#\?max_connections.*/max_connections = 300/" "${CONF_DIR}/postgresql.conf"
    sed -i "s/^#\?port = .*/port = ${PG_PORT}/" "${CONF_DIR}/postgresql.conf"

    status="$(pg_lsclusters -h | awk -v v="${PG_VERSION}" '$1==v && $2=="main" {print $4}')"
    if [ "${status}" != "online" ]; then
        log "starting cluster ${PG_VERSION}/main on 127.0.0.1:${PG_PORT}"
        pg_ctlcluster "${PG_VERSION}" main start >&2
    fi

    for _ in $(seq 1 30); do
        if su postgres -c "psql -p ${PG_PORT} -qtAc 'select 1'" >/dev/null 2>&1; then break; fi
        sleep 1
    done

    psql_admin() { su postgres -c "psql -p ${PG_PORT} -v ON_ERROR_STOP=1 -qtA $*"; }

    if [ "$(psql_admin "-c \"select 1 from pg_roles where rolname='${PG_USER}'\"")" != "1" ]; then
        log "creating role ${PG_USER}"
        psql_admin "-c \"create role ${PG_USER} login password '${PG_PASSWORD}' createdb\"" >&2
    else
        psql_admin "-c \"alter role ${PG_USER} login password '${PG_PASSWORD}' createdb\"" >&2
    fi

    if [ "$(psql_admin "-c \"select 1 from pg_database where datname='${PG_DB}'\"")" != "1" ]; then
        log "creating database ${PG_DB}"
        psql_admin "-c \"create database ${PG_DB} owner ${PG_USER}\"" >&2
    fi

    log "ready: ${PG_USER}@127.0.0.1:${PG_PORT}/${PG_DB}"
    echo "Host=127.0.0.1;Port=${PG_PORT};Username=${PG_USER};Password=${PG_PASSWORD};Database=${PG_DB}"
)

# Runs in a subshell so that, when sourced, `set -e` and friends never leak into the caller.
if _updatebot_pg_value="$(_updatebot_pg_main)"; then
    UPDATEBOT_TEST_POSTGRES="${_updatebot_pg_value}"
    export UPDATEBOT_TEST_POSTGRES
    echo "export UPDATEBOT_TEST_POSTGRES='${UPDATEBOT_TEST_POSTGRES}'"
    unset -f _updatebot_pg_main
    unset _updatebot_pg_value
else
    unset -f _updatebot_pg_main
    echo "postgres.sh: failed to start PostgreSQL" >&2
    return 1 2>/dev/null || exit 1
fi
