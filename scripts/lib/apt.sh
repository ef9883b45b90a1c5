# Sourced by scripts/deps/*.sh: installs Debian packages when allowed to.
#
# apt_install PURPOSE PKG...  installs the packages (waiting up to five
# minutes for an apt lock another process holds) when run as root or with
# passwordless sudo; otherwise names the packages and the command that
# installs them, and exits 1.
apt_install() {
  local purpose="$1"
  shift
  [ "$#" -gt 0 ] || return 0
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true >/dev/null 2>&1; then
      sudo=(sudo -n)
    else
      echo "govgraph: $purpose needs these Debian packages: $*" >&2
      echo "govgraph: install them as root, then run this again:" >&2
      echo "  sudo apt-get install --no-install-recommends $*" >&2
      exit 1
    fi
  fi
  echo "govgraph: installing $* ($purpose)" >&2
  local apt=("${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 -qq)
  "${apt[@]}" update >/dev/null
  "${apt[@]}" install -y --no-install-recommends "$@" >/dev/null
}
