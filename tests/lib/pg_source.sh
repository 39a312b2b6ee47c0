# tests/lib/pg_source.sh — PostgreSQL majors other than the system's, built
# from Debian's source packages into a cache directory outside the checkout.
#
# Debian 12 cannot run the binaries of trixie or sid (newer glibc), but their
# source packages build here.  The sources are read through a private apt
# configuration (its own sources list, lists and archives directories, deb-src
# lines only); the system's apt sources are never read or changed.  Each major
# is built once, with a minimal configure (no docs, no ICU, readline or zlib),
# under nice, into $SN_PG_CACHE/pg-<major>; later runs, and fresh clones on the
# same machine, reuse it.  A lock keeps two runs from building at once.
#
#   sn_pg_from_source MAJOR     build if needed, then set PG_CONFIG to it
#
# SN_PG_CACHE (default /var/cache/sahel_news) holds the builds; CI keeps it.

SN_PG_CACHE=${SN_PG_CACHE:-/var/cache/sahel_news}

# The Debian suite whose source package carries each major.
sn_pg_suite() {
  case "$1" in
    17) echo trixie ;;
    18) echo sid ;;
    *) return 1 ;;
  esac
}

# apt-get (or, with SN_PG_APT_TOOL=apt-cache, apt-cache) with a configuration
# of its own under $SN_PG_CACHE/apt.
sn_pg_apt() {
  local root=$SN_PG_CACHE/apt
  "${SN_PG_APT_TOOL:-apt-get}" -q \
    -o Dir::Etc::SourceList="$root/sources.list" \
    -o Dir::Etc::SourceParts="$root/sources.list.d" \
    -o Dir::State::Lists="$root/lists" \
    -o Dir::Cache="$root/cache" \
    -o Dir::State::Status=/var/lib/dpkg/status \
    -o APT::Get::List-Cleanup=false \
    "$@"
}

sn_pg_fetch_source() { # MAJOR DESTDIR: the upstream tarball's path on stdout
  local major=$1 dest=$2 root=$SN_PG_CACHE/apt suite
  suite=$(sn_pg_suite "$major") || { echo "no Debian suite known for PostgreSQL $major" >&2; return 1; }
  mkdir -p "$root/sources.list.d" "$root/lists/partial" "$root/cache/archives/partial" "$dest"
  cat >"$root/sources.list" <<SRC
deb-src [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian trixie main
deb-src [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian sid main
SRC
  sn_pg_apt update >&2 || return 1
  if ! (cd "$dest" && sn_pg_apt source --download-only "postgresql-$major/$suite" >&2); then
    sn_pg_fetch_earlier_release "$major" "$dest" >&2 || return 1
  fi
  ls "$dest"/postgresql-"$major"_*.orig.tar.* 2>/dev/null | head -n 1
}

# The mirror can drop a release's files while the index still lists it (seen
# for trixie's postgresql-17 17.12).  Then take the newest earlier patch
# release of the same Debian revision from the same pool, by name: its .dsc
# must carry a valid signature from a key in debian-keyring, and the upstream
# tarball must have the SHA-256 that .dsc gives.  The index no longer vouches
# for these files, so the signature takes its place.
sn_pg_fetch_earlier_release() { # MAJOR DESTDIR
  local major=$1 dest=$2 listed upstream revision minor pool dsc sum
  pool=http://deb.debian.org/debian/pool/main/p/postgresql-$major
  listed=$(SN_PG_APT_TOOL=apt-cache sn_pg_apt showsrc "postgresql-$major" 2>/dev/null | sed -n 's/^Version: //p' | sort -V | tail -n 1)
  upstream=${listed%%-*} revision=${listed#*-}
  minor=${upstream#*.}
  case "$minor" in ''|*[!0-9]*) echo "no usable version of postgresql-$major in the index ($listed)"; return 1 ;; esac
  sn_install_packages curl gpgv debian-keyring >/dev/null || return 1
  while [ "$minor" -gt 0 ] && [ "$minor" -gt "$(( ${upstream#*.} - 4 ))" ]; do
    minor=$((minor - 1))
    dsc=postgresql-${major}_$major.$minor-$revision.dsc
    curl -fsS -m 60 -o "$dest/$dsc" "$pool/$dsc" 2>/dev/null || continue
    if ! gpgv --keyring /usr/share/keyrings/debian-keyring.gpg "$dest/$dsc" 2>/dev/null; then
      echo "the signature of $dsc does not verify against debian-keyring"; return 1
    fi
    sum=$(awk '/^Checksums-Sha256:/{s=1; next} /^[^ ]/{s=0} s && $3 ~ /\.orig\.tar\./ {print $1, $3}' "$dest/$dsc")
    [ -n "$sum" ] || { echo "$dsc names no upstream tarball"; return 1; }
    curl -fsS -m 600 -o "$dest/${sum#* }" "$pool/${sum#* }" || return 1
    (cd "$dest" && printf '%s  %s\n' "${sum%% *}" "${sum#* }" | sha256sum -c --quiet -) || return 1
    echo "postgresql-$major $listed is listed but its files cannot be downloaded; using $major.$minor-$revision (signature and checksum verified)"
    return 0
  done
  echo "no earlier release of postgresql-$major $revision could be downloaded"
  return 1
}

sn_pg_from_source() { # MAJOR
  local major=$1 prefix=$SN_PG_CACHE/pg-$1
  if [ ! -f "$prefix/.complete" ]; then
    mkdir -p "$SN_PG_CACHE"
    (
      flock 9
      [ -f "$prefix/.complete" ] && exit 0
      set -e
      sn_say "building PostgreSQL $major from Debian's source package into $prefix (once)"
      sn_install_packages gcc make bison flex perl pkg-config dpkg-dev bzip2
      local work tarball
      work=$(mktemp -d "$SN_PG_CACHE/build-$major.XXXXXX")
      if ! tarball=$(sn_pg_fetch_source "$major" "$work/src") || [ -z "$tarball" ]; then
        rm -rf "$work"
        echo "skipped: the sources of PostgreSQL $major (Debian's postgresql-$major, $(sn_pg_suite "$major")) cannot be downloaded here" >&2
        exit 77
      fi
      tar -xf "$tarball" -C "$work"
      cd "$work"/postgresql-"$major".*/
      rm -rf "$prefix"
      nice ./configure --prefix="$prefix" --without-icu --without-readline \
        --without-zlib --without-llvm >"$work/configure.log" 2>&1 ||
        { tail -n 30 "$work/configure.log"; exit 1; }
      nice make -s -j"$(nproc)" >"$work/make.log" 2>&1 || { tail -n 50 "$work/make.log"; exit 1; }
      # contrib is not needed; the server, client programs and headers are.
      nice make -s install >"$work/install.log" 2>&1 || { tail -n 30 "$work/install.log"; exit 1; }
      touch "$prefix/.complete"
      cd /
      rm -rf "$work"
    ) 9>"$SN_PG_CACHE/pg-$major.lock"
    local rc=$?
    [ $rc -eq 0 ] || return $rc
  fi
  PG_CONFIG=$prefix/bin/pg_config
  export PG_CONFIG
}

# Use PostgreSQL MAJOR: Debian's server when installed, else the build from
# source.  Returns 77 when the sources cannot be had here.
sn_pg_select() { # MAJOR
  local major=$1
  if [ -x "/usr/lib/postgresql/$major/bin/pg_config" ]; then
    PG_CONFIG=/usr/lib/postgresql/$major/bin/pg_config
    export PG_CONFIG
    return 0
  fi
  SN_PG_FROM_SOURCE=1
  export SN_PG_FROM_SOURCE
  sn_pg_from_source "$major"
}
