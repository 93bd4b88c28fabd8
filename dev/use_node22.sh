#!/usr/bin/env bash
# Puts Node.js 22 LTS first on PATH for the calling shell (source it) or for one command:
#   source dev/use_node22.sh            # then: npm install && npm start / npm test
#   bash dev/use_node22.sh npm test      # just this command
# A machine whose node is already 22 or newer is left as it is. Otherwise Node 22 comes from the
# npm registry's node-linux-<arch> package (the official binary, packaged by the Node.js
# project), checked against the sha512 pinned below, and kept in .cache/node22 for next time.
NODE22_VERSION=22.23.5
declare -A NODE22_INTEGRITY=(
  [x64]='sha512-3jhC+wcoWxKZxcRqF2sUSl0c9HEXFnur/nuIPx6O6CWKV0jOUWQm7Htw5SuXqqlMCEhi0cJqybFPEb5hhcBiMw=='
)

_netobs_use_node22() {
  local root major arch dir tarball want got
  root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
  major="$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)"
  if [ "${major}" -ge 22 ]; then return 0; fi
  case "$(uname -m)" in
    x86_64) arch=x64 ;;
    *) echo "use_node22: no pinned Node 22 for $(uname -m); install Node 22 LTS yourself" >&2; return 1 ;;
  esac
  dir="${root}/.cache/node22/${NODE22_VERSION}-${arch}"
  if [ ! -x "${dir}/bin/node" ]; then
    echo "Node $(node --version 2>/dev/null || echo '(none)') is older than 22: fetching Node ${NODE22_VERSION} from the npm registry…" >&2
    mkdir -p "${dir}.tmp" || return 1
    tarball="$(cd "${dir}.tmp" && npm pack --silent "node-linux-${arch}@${NODE22_VERSION}")" || return 1
    want="${NODE22_INTEGRITY[$arch]}"
    got="sha512-$(openssl dgst -sha512 -binary "${dir}.tmp/${tarball}" | base64 -w0)"
    if [ "${got}" != "${want}" ]; then
      echo "use_node22: ${tarball} has integrity ${got}, expected ${want}; not used" >&2
      rm -rf "${dir}.tmp"
      return 1
    fi
    tar -xzf "${dir}.tmp/${tarball}" -C "${dir}.tmp" || return 1
    rm -rf "${dir}" && mv "${dir}.tmp/package" "${dir}" && rm -rf "${dir}.tmp"
  fi
  export PATH="${dir}/bin:${PATH}"
  echo "Using Node $(node --version) from ${dir}" >&2
}

if [ "${BASH_SOURCE[0]}" != "$0" ]; then
  _netobs_use_node22
else
  set -e
  _netobs_use_node22
  exec "$@"
fi
