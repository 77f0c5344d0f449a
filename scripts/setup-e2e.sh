#!/usr/bin/env bash
# Prepares this machine for the real-editor tests (npm run test:editors):
#   - Debian packages: chromium (Playwright drives it), neovim (LSP client test),
#     ripgrep + libkrb5-dev (code-server's search and native modules), poppler-utils (PDF checks),
#     pre-commit (test/hooks: pre-commit try-repo with .pre-commit-hooks.yaml),
#     and the toolchain code-server's native modules are rebuilt with;
#   - code-server (VS Code in the browser) into .vscode-test/code-server, from the npm registry.
# Idempotent: installs only what is missing; a second run takes a second or two.
# Usage: bash scripts/setup-e2e.sh        (as root, or as a user who may sudo)
# Env:   CODE_SERVER_VERSION   default 4.100.3 (VS Code 1.100.3, the newest that runs on Node 20)
#        CODE_SERVER_DIR       default <repo>/.vscode-test/code-server
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
VERSION=${CODE_SERVER_VERSION:-4.100.3}
DIR=${CODE_SERVER_DIR:-$REPO/.vscode-test/code-server}
BIN=$DIR/node_modules/.bin/code-server
LOG=$DIR/install.log
APT_PACKAGES=(chromium libkrb5-dev ripgrep neovim poppler-utils pre-commit build-essential python3 pkg-config)

T0=$(date +%s)
step() { printf '==> %s\n' "$*"; }
fail() {
  printf '\nsetup-e2e: FAILED: %s\n' "$1" >&2
  shift
  for line in "$@"; do printf '  %s\n' "$line" >&2; done
  exit 1
}
elapsed() { echo "$(($(date +%s) - $1))s"; }

# --- Node ---------------------------------------------------------------------------------------
command -v node >/dev/null || fail 'node is not on PATH.' 'Install Node 20 (see package.json "engines").'
command -v npm >/dev/null || fail 'npm is not on PATH.' 'Install npm together with Node 20.'
NODE_MAJOR=$(node -p 'process.versions.node.split(".")[0]')
if [ "$NODE_MAJOR" != 20 ]; then
  fail "code-server $VERSION needs Node 20, this is Node $(node -v)." \
    'Put Node 20 first on PATH (e.g. with nvm: nvm use 20) and run this script again.'
fi

# --- Debian packages ----------------------------------------------------------------------------
missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if [ ${#missing[@]} -eq 0 ]; then
  step "apt packages: all present (${APT_PACKAGES[*]})"
else
  command -v apt-get >/dev/null ||
    fail "missing packages ${missing[*]} and this is not a Debian/Ubuntu machine (no apt-get)." \
      'Install the equivalents with your package manager, then run this script again.'
  if [ "$(id -u)" = 0 ]; then
    SUDO=()
  elif command -v sudo >/dev/null; then
    SUDO=(sudo)
  else
    fail "missing packages ${missing[*]}, and this script is neither root nor has sudo." \
      "Run as root: apt-get update && apt-get install -y ${missing[*]}"
  fi
  step "apt packages: installing ${missing[*]}"
  t=$(date +%s)
  apt_log=$(mktemp)
  export DEBIAN_FRONTEND=noninteractive
  if ! "${SUDO[@]}" apt-get update -qq >"$apt_log" 2>&1; then
    cat "$apt_log" >&2
    fail 'apt-get update failed (output above).' 'Check the network/apt sources, then run this script again.'
  fi
  if ! "${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >"$apt_log" 2>&1; then
    tail -30 "$apt_log" >&2
    fail "apt-get install ${missing[*]} failed (last lines above)." \
      "Try by hand: apt-get install -y ${missing[*]}"
  fi
  rm -f "$apt_log"
  echo "    done in $(elapsed "$t")"
fi
for cmd in chromium nvim rg; do
  command -v "$cmd" >/dev/null || fail "'$cmd' is still not on PATH after installing its package."
done

# --- code-server --------------------------------------------------------------------------------
# One install at a time (CI and a developer, or two terminals): the second waits, then finds it.
mkdir -p "$(dirname "$DIR")"
if command -v flock >/dev/null; then
  exec 9>"$(dirname "$DIR")/.setup-e2e.lock"
  flock 9
fi
# The marker is written last, so an interrupted install is redone instead of half-trusted.
installed_version() {
  [ -x "$BIN" ] && [ -f "$DIR/.installed" ] || return 1
  # With a throwaway HOME: on first run code-server writes ~/.config/code-server/config.yaml and
  # logs that on stdout before the version line.
  local home rc=0
  home=$(mktemp -d)
  HOME=$home XDG_CONFIG_HOME=$home/.config XDG_DATA_HOME=$home/.local/share \
    node "$DIR/node_modules/code-server/out/node/entry.js" --version 2>/dev/null |
    grep -Eo '^[0-9]+\.[0-9]+\.[0-9]+' | head -1 || rc=$?
  rm -rf "$home"
  return $rc
}
if [ "$(installed_version || true)" = "$VERSION" ]; then
  step "code-server $VERSION: present in ${DIR#"$REPO"/}"
else
  if [ -e "$DIR" ] && ! grep -qs protokoll-code-server-host "$DIR/package.json"; then
    fail "$DIR exists but is not an install made by this script; not deleting it." \
      'Remove it yourself, or point CODE_SERVER_DIR elsewhere.'
  fi
  step "code-server $VERSION: installing into ${DIR#"$REPO"/} (about a minute; log: ${LOG#"$REPO"/})"
  t=$(date +%s)
  rm -rf "$DIR"
  mkdir -p "$DIR"
  # Its own package root, so npm never touches the repository's package.json or node_modules.
  # (Not named code-server: npm refuses to install a package into one of the same name.)
  printf '{ "name": "protokoll-code-server-host", "private": true }\n' >"$DIR/package.json"
  : >"$LOG"
  export npm_config_yes=true # node-pty's install script runs `npx node-gyp`
  NPM_QUIET=(--no-audit --no-fund --loglevel=error)

  run() { # run <what> <cmd...>: log everything, show the tail on failure
    local what=$1 s
    shift
    s=$(date +%s)
    printf '\n### %s\n$ %s\n' "$what" "$*" >>"$LOG"
    if ! "$@" >>"$LOG" 2>&1; then
      tail -40 "$LOG" >&2
      fail "$what failed (last lines of ${LOG#"$REPO"/} above)." \
        'Is the npm registry reachable (npm ping)? Are build-essential, python3 and libkrb5-dev installed?' \
        "Fix it and run this script again: bash scripts/setup-e2e.sh"
    fi
    echo "    $what ($(elapsed "$s"))"
  }

  cd "$DIR"
  # Its postinstall would download ripgrep from GitHub and needs --unsafe-perm as root: skip it
  # and do its steps below with what Debian provides.
  run 'npm install code-server' npm install "code-server@$VERSION" --ignore-scripts "${NPM_QUIET[@]}"
  run 'rebuild argon2' npm rebuild argon2 "${NPM_QUIET[@]}"
  cd "$DIR/node_modules/code-server/lib/vscode"
  run 'install VS Code server modules' npm install --omit=dev --ignore-scripts "${NPM_QUIET[@]}"
  # @vscode/ripgrep's postinstall downloads rg from GitHub: pre-seed it with Debian's rg.
  if [ -f node_modules/@vscode/ripgrep/package.json ]; then
    mkdir -p node_modules/@vscode/ripgrep/bin
    ln -sf "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
  fi
  run 'rebuild native modules' npm rebuild --foreground-scripts "${NPM_QUIET[@]}"
  # The links code-server's postinstall.sh would have made.
  ln -sfn node_modules node_modules.asar
  (cd bin/remote-cli && ln -sf code-linux.sh code-server)
  (cd bin/helpers && ln -sf browser-linux.sh browser.sh)
  cd extensions
  run 'install built-in extension modules' npm install --omit=dev "${NPM_QUIET[@]}"
  cd "$REPO"

  [ -x "$BIN" ] || fail "$BIN was not created." "See ${LOG#"$REPO"/}."
  touch "$DIR/.installed"
  got=$(installed_version || true)
  [ "$got" = "$VERSION" ] ||
    fail "code-server reports version '${got:-nothing}', expected $VERSION." "See ${LOG#"$REPO"/}."
  echo "    done in $(elapsed "$t") ($(du -sh "$DIR" | cut -f1))"
fi

chromium_version=$(chromium --version 2>/dev/null | grep -o 'Chromium [0-9.]*' || true)
nvim_version=$(nvim --version | head -1)
step "ready in $(elapsed "$T0"): ${chromium_version:-chromium ?}, ${nvim_version}, code-server $VERSION"
echo "    run the real-editor tests with: npm run test:editors"
