#!/usr/bin/env bash
# A private one-node Slurm cluster on localhost, for tests and for trying `led sweep submit --slurm` on one machine.
# Debian's slurm-wlm (installed with apt-get when missing; needs root), started by hand: no systemd, no cgroups, no
# accounting database. Everything (munge key, slurm.conf, state, logs, pid files) lives in DIR, but the munge socket,
# which needs world-executable parents, is in its own /tmp/led-munge.* folder (removed by stop).
#
#   scripts/slurm-test-cluster.sh start DIR   # prints `export SLURM_CONF=DIR/slurm.conf` once the node is idle
#   scripts/slurm-test-cluster.sh stop DIR    # scontrol shutdown, then stops what is left by its pid file
#
# Exit codes: 0 ok, 1 failed (logs in DIR/log), 3 cannot run here (not root, or Slurm missing and no apt-get).
set -euo pipefail

usage() { echo "usage: $0 start|stop DIR" >&2; exit 2; }
[ $# -eq 2 ] || usage
action=$1
dir=$(realpath -m "$2")
conf="$dir/slurm.conf"

stop_pid_file() { # stops the daemon named by a pid file (only if that pid still runs that daemon), SIGKILL after 10 s
  local file=$1 name=$2 pid
  [ -f "$file" ] || return 0
  pid=$(cat "$file" 2>/dev/null || true)
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 0
  [ "$(cat "/proc/$pid/comm" 2>/dev/null)" = "$name" ] || return 0
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.2; done
  kill -9 "$pid" 2>/dev/null || true
}

case "$action" in
start)
  if [ "$(id -u)" != 0 ]; then
    echo "cannot start a test cluster: slurmd must run as root to start jobs (this is uid $(id -u))" >&2
    exit 3
  fi
  if ! command -v slurmctld >/dev/null || ! command -v slurmd >/dev/null || ! command -v sbatch >/dev/null || ! command -v munged >/dev/null; then
    if ! command -v apt-get >/dev/null; then
      echo "cannot start a test cluster: Slurm (slurmctld, slurmd, sbatch, munged) is not installed and apt-get is absent" >&2
      exit 3
    fi
    echo "installing slurm-wlm with apt-get" >&2
    export DEBIAN_FRONTEND=noninteractive
    if ! apt-get install -y -qq --no-install-recommends slurm-wlm >/dev/null 2>&1; then
      apt-get update -qq >/dev/null
      apt-get install -y -qq --no-install-recommends slurm-wlm >/dev/null
    fi
  fi
  mkdir -p "$dir"/{munge-key,state,spool,log,run}
  chmod 700 "$dir/munge-key"
  # munged refuses a socket that others cannot reach: every folder above it must be world-executable, which DIR's
  # parents (e.g. a 700 temporary folder) need not be. The socket gets its own 755 folder under /tmp instead.
  socket_dir=$(mktemp -d /tmp/led-munge.XXXXXX)
  chmod 755 "$socket_dir"
  echo "$socket_dir" >"$dir/run/munge-socket-dir"
  if [ ! -f "$dir/munge-key/munge.key" ]; then
    dd if=/dev/urandom of="$dir/munge-key/munge.key" bs=1024 count=1 status=none
    chmod 400 "$dir/munge-key/munge.key"
  fi
  socket="$socket_dir/munge.socket"
  munged --key-file="$dir/munge-key/munge.key" --socket="$socket" --pid-file="$dir/run/munged.pid" \
         --log-file="$dir/log/munged.log" --seed-file="$dir/run/munged.seed"

  host=$(hostname -s)
  hardware=$(slurmd -C | head -n 1)
  cpus=$(sed -n 's/.*CPUs=\([0-9]*\).*/\1/p' <<<"$hardware")
  memory=$(sed -n 's/.*RealMemory=\([0-9]*\).*/\1/p' <<<"$hardware")
  port=$((20000 + RANDOM % 20000))   # not the default ports: another cluster may run on this machine
  cat >"$conf" <<CONF
# A private one-node test cluster (scripts/slurm-test-cluster.sh).
ClusterName=ledtest
SlurmctldHost=$host(127.0.0.1)
SlurmctldPort=$port
SlurmdPort=$((port + 1))
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
AuthInfo=socket=$socket
CredType=cred/munge
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
SchedulerType=sched/backfill
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/run/slurmctld.pid
SlurmdPidFile=$dir/run/slurmd.pid
SlurmctldLogFile=$dir/log/slurmctld.log
SlurmdLogFile=$dir/log/slurmd.log
JobCompType=jobcomp/filetxt
JobCompLoc=$dir/log/jobcomp.txt
AccountingStorageType=accounting_storage/none
JobAcctGatherType=jobacct_gather/none
MpiDefault=none
ReturnToService=2
NodeName=$host NodeAddr=127.0.0.1 CPUs=$cpus RealMemory=$memory State=UNKNOWN
PartitionName=debug Nodes=ALL Default=YES MaxTime=INFINITE State=UP
CONF
  export SLURM_CONF="$conf"
  slurmctld -f "$conf"
  slurmd -f "$conf"
  for _ in $(seq 150); do
    state=$(sinfo -h -N -o %T 2>/dev/null | head -n 1 || true)
    if [ "$state" = idle ]; then
      echo "export SLURM_CONF=$conf"
      exit 0
    fi
    sleep 0.2
  done
  echo "the node did not become idle in 30 s (state: ${state:-none}); logs in $dir/log" >&2
  tail -n 20 "$dir/log/slurmctld.log" "$dir/log/slurmd.log" >&2 || true
  exit 1
  ;;
stop)
  if [ -f "$conf" ] && command -v scontrol >/dev/null; then
    SLURM_CONF="$conf" timeout 10 scontrol shutdown >/dev/null 2>&1 || true
  fi
  stop_pid_file "$dir/run/slurmd.pid" slurmd
  stop_pid_file "$dir/run/slurmctld.pid" slurmctld
  stop_pid_file "$dir/run/munged.pid" munged
  if [ -f "$dir/run/munge-socket-dir" ]; then
    socket_dir=$(cat "$dir/run/munge-socket-dir")
    case "$socket_dir" in /tmp/led-munge.*) rm -rf "$socket_dir" ;; esac
    rm -f "$dir/run/munge-socket-dir"
  fi
  ;;
*)
  usage
  ;;
esac
