# tests/lib/common.sh — shared by tests/run, tests/demo and tests/bench/run.
#
# Installs what the build needs from Debian's packages, builds, installs the
# extension into a private copy of the PostgreSQL installation (so that the
# system's PostgreSQL is never touched and several checkouts can test at once),
# and starts/stops a throwaway cluster on a Unix socket only (tests/demo --tcp
# adds 127.0.0.1, with SN_AUTH_HOST=scram-sha-256 for host connections).
#
# Source it with SN_ROOT set to the repository's top directory.

: "${SN_ROOT:?SN_ROOT must be set}"
SN_SHARED_DATA=${SN_SHARED_DATA:-$SN_ROOT/../shared/data}
export SN_SHARED_DATA

sn_say() { printf '\n== %s\n' "$*"; }

# The PostgreSQL major version to build against: PG_CONFIG if given, else the
# newest server installed by Debian's packages.
sn_pick_postgres() {
  if [ -z "${PG_CONFIG:-}" ]; then
    local newest
    newest=$(ls -d /usr/lib/postgresql/*/bin/postgres 2>/dev/null | sort -V | tail -n 1)
    if [ -z "$newest" ]; then
      echo "no PostgreSQL server found under /usr/lib/postgresql; install one, e.g. apt-get install postgresql-15" >&2
      exit 2
    fi
    PG_CONFIG=$(dirname "$newest")/pg_config
  fi
  PG_MAJOR=$("$PG_CONFIG" --version | sed -E 's/^PostgreSQL ([0-9]+).*/\1/')
  export PG_CONFIG PG_MAJOR
}

# Debian packages the given layers need.  Missing ones are installed when we
# are root; otherwise the exact command is printed and we stop.
sn_install_packages() {
  local wanted=("$@") missing=() pkg
  for pkg in "${wanted[@]}"; do
    dpkg-query -W -f='${Status}' "${pkg%%=*}" 2>/dev/null | grep -q 'install ok installed' ||
      missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    echo "missing Debian packages; run as root: apt-get update && apt-get install -y ${missing[*]}" >&2
    exit 2
  fi
  sn_say "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends -o DPkg::Lock::Timeout=300 "${missing[@]}" >/dev/null
}

# What building and testing need.  The server's development package is pinned
# to the installed server's exact version, or apt would upgrade the server too.
sn_install_build_dependencies() {
  local server_version
  server_version=$(dpkg-query -W -f='${Version}' "postgresql-$PG_MAJOR" 2>/dev/null || true)
  local dev="postgresql-server-dev-$PG_MAJOR"
  [ -n "$server_version" ] && dev="$dev=$server_version"
  # a server built from source (tests/lib/pg_source.sh) has its own headers
  [ -n "${SN_PG_FROM_SOURCE:-}" ] && dev=make
  sn_install_packages make gcc "$dev" libproj-dev libxxhash-dev libcmocka-dev clang libclang-rt-14-dev "$@"
}

sn_build() {
  sn_say "building"
  # objects compiled against another PostgreSQL (tests/run --pg) are rebuilt
  local stamp=$SN_ROOT/build/pg_config
  if [ "$(cat "$stamp" 2>/dev/null)" != "$PG_CONFIG" ]; then
    rm -f "$SN_ROOT"/extension/core/*.o "$SN_ROOT"/extension/pg/*.o \
          "$SN_ROOT"/extension/core/*.bc "$SN_ROOT"/extension/pg/*.bc "$SN_ROOT"/sahel_news.so
    mkdir -p "$SN_ROOT/build" && echo "$PG_CONFIG" >"$stamp"
  fi
  make -s -C "$SN_ROOT" PG_CONFIG="$PG_CONFIG" WERROR=-Werror all >/dev/null
}

# Run a command as the user that owns the throwaway cluster: the invoking user,
# or `postgres` when we are root (initdb and postgres refuse to run as root).
sn_as_cluster_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

# Install the extension into $SN_TMP/install, a private copy of the server's
# binaries, libraries and share directory.  PostgreSQL finds its share and lib
# directories relative to its own binary, so the copy runs as a whole.
sn_private_install() {
  local prefix=$SN_TMP/install dir
  make -s -C "$SN_ROOT" PG_CONFIG="$PG_CONFIG" install DESTDIR="$prefix" >/dev/null
  for dir in "$("$PG_CONFIG" --bindir)" "$("$PG_CONFIG" --pkglibdir)" "$("$PG_CONFIG" --sharedir)"; do
    mkdir -p "$prefix$dir"
    cp -a -n "$dir/." "$prefix$dir/"
  done
  SN_BINDIR=$prefix$("$PG_CONFIG" --bindir)
  export SN_BINDIR
}

# Start a throwaway cluster: SN_TMP holds the installation, the data directory,
# the log and the socket.  Extra postgres settings may be passed as arguments
# ("-c name=value").  Exports PGHOST, PGPORT, PGUSER for every client.
sn_cluster_start() {
  SN_TMP=$(mktemp -d "${TMPDIR:-/tmp}/sahel_news.XXXXXX")
  chmod 755 "$SN_TMP"
  export SN_TMP
  sn_say "installing into a private copy of PostgreSQL $PG_MAJOR in $SN_TMP"
  sn_private_install
  mkdir "$SN_TMP/data"
  [ "$(id -u)" -eq 0 ] && chown postgres: "$SN_TMP/data" "$SN_TMP"
  sn_as_cluster_owner "$SN_BINDIR/initdb" -D "$SN_TMP/data" -U postgres -A trust --auth-host="${SN_AUTH_HOST:-trust}" \
    -E UTF8 --locale=C.UTF-8 --no-sync >"$SN_TMP/initdb.log" 2>&1 ||
    { cat "$SN_TMP/initdb.log"; return 1; }
  sn_as_cluster_owner "$SN_BINDIR/pg_ctl" -D "$SN_TMP/data" -l "$SN_TMP/server.log" -w -s \
    -o "-c listen_addresses='' -c unix_socket_directories='$SN_TMP' -c port=5432 -c fsync=off -c full_page_writes=off -c timezone=UTC $*" \
    start || { cat "$SN_TMP/server.log"; return 1; }
  export PGHOST=$SN_TMP PGPORT=5432 PGUSER=postgres PGDATABASE=postgres
}

# Stop the cluster and remove everything it had; safe to call twice.
sn_cluster_stop() {
  if [ -n "${SN_TMP:-}" ] && [ -d "$SN_TMP" ]; then
    if [ -f "$SN_TMP/data/postmaster.pid" ]; then
      sn_as_cluster_owner "$SN_BINDIR/pg_ctl" -D "$SN_TMP/data" -m fast -w -s stop >/dev/null 2>&1 ||
        sn_as_cluster_owner "$SN_BINDIR/pg_ctl" -D "$SN_TMP/data" -m immediate -w -s stop >/dev/null 2>&1
    fi
    rm -rf "$SN_TMP"
  fi
  SN_TMP=
}

sn_psql() {
  "$SN_BINDIR/psql" -X -v ON_ERROR_STOP=1 -q "$@"
}
