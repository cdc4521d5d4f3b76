# Shared by tools/run and tools/test: install what the build and the tests need, then configure and build.
# Sourced, not run. Debian 12; runs apt-get as root (or through sudo) only when something is missing.

OPSDECK_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

# Build: toolchain, Qt 6.4 (Widgets, Network, Charts, WebSockets, Sql, Test, HttpServer, LinguistTools) and libraries.
OPSDECK_BUILD_PACKAGES=(
    cmake ninja-build g++ pkg-config
    qt6-base-dev qt6-base-dev-tools qt6-charts-dev qt6-websockets-dev qt6-httpserver-dev
    qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n
    libqt6opengl6-dev libqt6sql6-sqlite libqt6svg6 qt6-qpa-plugins libgl-dev libvulkan-dev libxkbcommon-dev
    libhiredis-dev libarchive-dev libeigen3-dev libxgboost-dev libfasttext-dev
    libtomlplusplus-dev libexpected-dev qtkeychain-qt6-dev
)
# Tests: real peers (redis-server, gunicorn + Flask + scikit-learn scoring service, a Secret Service keychain on a
# private D-Bus session bus), model training in set-up.
OPSDECK_TEST_PACKAGES=(
    redis-server gunicorn python3-flask python3-sklearn python3-numpy python3-xgboost python3-fasttext
    python3-celery python3-redis fonts-dejavu-core dbus-daemon dbus-bin gnome-keyring
)
# Benchmarks: reference load generator and numpy.
OPSDECK_BENCH_PACKAGES=(wrk python3-numpy python3-xgboost)

opsdeck_log() { printf '%s\n' "opsdeck: $*" >&2; }

opsdeck_install() {
    local missing=() p
    for p in "$@"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    opsdeck_log "installing Debian packages: ${missing[*]}"
    local sudo=()
    [ "$(id -u)" -eq 0 ] || sudo=(sudo)
    export DEBIAN_FRONTEND=noninteractive
    "${sudo[@]}" apt-get update -qq || return 1
    "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null || return 1
}

# opsdeck_build PRESET [TARGET…]: configure (once) and build with the CMake preset.
opsdeck_build() {
    local preset=$1
    shift
    cd "$OPSDECK_ROOT" || return 1
    if [ ! -f "build/$preset/build.ninja" ]; then
        cmake --preset "$preset" >/dev/null || return 1
    fi
    cmake --build --preset "$preset" "$@"
}
