#!/usr/bin/env bash
# Makes sure the services the end-to-end tests need answer: PostgreSQL on 127.0.0.1:5432
# (user postgres, trust auth on loopback, a database named `test`) and Redis on
# 127.0.0.1:6379. Where one does not answer, it is started, and installed first from the
# Debian packages if it is missing (that part needs root and apt-get). Safe to run many
# times; does nothing when both already answer.
# Usage: bash scripts/test-services.sh   (exit 0 when both answer)
set -u

say() { echo "test-services: $*"; }

redis_up() { redis-cli -h 127.0.0.1 -p 6379 ping 2>/dev/null | grep -q PONG; }
pg_up() { pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; }

apt_ready=0
apt_install() {
  if ! command -v apt-get >/dev/null 2>&1; then
    say "cannot install $*: no apt-get here; install and start it yourself"
    return 1
  fi
  if [ "$apt_ready" = 0 ]; then
    apt-get update -qq >/dev/null 2>&1 || true
    apt_ready=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null 2>&1
}

if ! redis_up; then
  command -v redis-server >/dev/null 2>&1 || { say "installing redis-server"; apt_install redis-server redis-tools; }
  mkdir -p /var/lib/redis /var/log/redis
  # No persistence: the tests' queues are throw-away.
  redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no \
    --dir /var/lib/redis --logfile /var/log/redis/test-services.log >/dev/null 2>&1
  for _ in $(seq 1 50); do redis_up && break; sleep 0.2; done
fi

if ! pg_up; then
  if [ ! -d /etc/postgresql ] || [ -z "$(ls /etc/postgresql 2>/dev/null)" ]; then
    say "installing postgresql"
    apt_install postgresql
  fi
  version=$(ls /etc/postgresql 2>/dev/null | sort -n | tail -n 1)
  if [ -n "$version" ]; then
    pg_ctlcluster --skip-systemctl-redirect "$version" main start >/dev/null 2>&1 || true
    for _ in $(seq 1 50); do pg_up && break; sleep 0.2; done
    # Trust auth on loopback, as the tests connect as postgres without a password.
    hba=/etc/postgresql/$version/main/pg_hba.conf
    if pg_up && ! grep -q '^host all all 127.0.0.1/32 trust' "$hba" 2>/dev/null; then
      sed -i '1i host all all 127.0.0.1/32 trust\nhost all all ::1/128 trust' "$hba"
      pg_ctlcluster --skip-systemctl-redirect "$version" main reload >/dev/null 2>&1 || true
    fi
    # The suite connects to `test` and creates one database per end-to-end file from there.
    su postgres -c "psql -tAc \"select 1 from pg_database where datname='test'\"" 2>/dev/null | grep -q 1 \
      || su postgres -c "createdb test" >/dev/null 2>&1 || true
  fi
fi

ok=0
redis_up && say "redis answers on 127.0.0.1:6379" || { say "redis does not answer"; ok=1; }
pg_up && say "postgresql answers on 127.0.0.1:5432" || { say "postgresql does not answer"; ok=1; }
exit $ok
