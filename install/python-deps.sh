# Sourced by the install scripts: makes sure Debian's Jupyter packages are there for /usr/bin/python3.
# PyPI is not used: the packages come from Debian, and /usr/bin/python3 is the interpreter that sees them.

JAWAIT_APT_PACKAGES="python3-jupyter-client python3-nbclient python3-nbformat python3-jupyter-kernel-test python3-ipykernel jupyter-nbconvert jupyter-console python3-psutil"

jawait_python_deps() {
  if /usr/bin/python3 -c 'import jupyter_client, nbclient, nbformat, jupyter_kernel_test, ipykernel, psutil' 2>/dev/null; then
    return 0
  fi
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "jawait: installing Debian's Jupyter packages: $JAWAIT_APT_PACKAGES"
    apt-get update -q
    # shellcheck disable=SC2086
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q $JAWAIT_APT_PACKAGES
  else
    echo "jawait: Jupyter's Python packages are missing for /usr/bin/python3." >&2
    echo "Install them as root:  apt-get install $JAWAIT_APT_PACKAGES" >&2
    return 1
  fi
}
