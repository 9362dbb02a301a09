#!/usr/bin/env bash
# Builds, from Debian's packages alone, the base images the stack needs when no image
# registry is reachable: a minimal Debian trixie root made with debootstrap, loaded with
# `docker import` (docs/compose.md).
#
#   hr-base/node-build:trixie  Node 20, npm and the compiler toolchain: the Dockerfile's build stage
#   hr-base/node:trixie        Node 20 alone: the Dockerfile's run stage
#   hr-base/postgres:trixie    PostgreSQL, initialised from POSTGRES_USER/PASSWORD/DB like the official image
#   hr-base/nats:trixie        nats-server (with JetStream)
#
# An image already loaded is kept; --force builds them all again. Needs root (debootstrap),
# the docker CLI and a running engine. CA certificates the host added under
# /usr/local/share/ca-certificates are trusted inside too, so npm in the build stage can
# reach the registry through the same TLS proxy as the host.
set -euo pipefail

SUITE=trixie
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

build_node() {
  local image=hr-base/node:$SUITE dir=$WORK/node
  have "$image" && { echo "$image: kept"; return; }
  with_packages "$dir" nodejs
  add_node_user "$dir"
  import "$dir" "$image" --change 'CMD ["node"]'
}

build_node_build() {
  local image=hr-base/node-build:$SUITE dir=$WORK/node-build
  have "$image" && { echo "$image: kept"; return; }
  with_packages "$dir" nodejs npm python3 make g++
  add_node_user "$dir"
  import "$dir" "$image" --change 'CMD ["node"]'
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
