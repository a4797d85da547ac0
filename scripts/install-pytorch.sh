#!/usr/bin/env bash
# Installs Debian's PyTorch (python3-torch) with numpy and h5py for the PyTorch peers of the benchmarks
# (bench/*.py); run as root or with sudo. Nothing else of LED.NET needs it.
set -euo pipefail
if /usr/bin/python3 -c 'import torch, numpy, h5py' 2>/dev/null; then
    /usr/bin/python3 -c 'import torch; print("PyTorch", torch.__version__, "is installed")'
    exit 0
fi
if ! command -v apt-get >/dev/null; then
    echo "error: apt-get not found; install PyTorch, numpy and h5py for /usr/bin/python3 with your package manager" >&2
    exit 2
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null; then SUDO="sudo"; else echo "error: run as root (apt-get needs it) or install sudo" >&2; exit 2; fi
fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq python3-torch python3-numpy python3-h5py
/usr/bin/python3 -c 'import torch; print("PyTorch", torch.__version__, "installed")'
