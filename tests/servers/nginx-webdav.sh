#!/bin/sh
# Starts or stops a throwaway nginx WebDAV server on loopback for the sending tests.
#
#   nginx-webdav.sh START STATEDIR [USER PASSWORD [TLS_CERT TLS_KEY]]
#       Writes nginx.conf, htpasswd, logs and temp paths into STATEDIR (created if needed),
#       starts nginx on a free 127.0.0.1 port and prints ONE line on stdout: the base URL of
#       the share, e.g. http://127.0.0.1:41234/dav/ (https:// when a certificate is given).
#       Files land in STATEDIR/root/dav/. Defaults: USER=lp PASSWORD=secret.
#       Exits non-zero (and prints nginx's error log on stderr) if nginx does not come up.
#   nginx-webdav.sh STOP STATEDIR
#       Stops that nginx (SIGTERM, then SIGKILL after 5 s) and waits until it is gone.
#
# Needs the Debian package nginx-light (its nginx has --with-http_dav_module), openssl
# (htpasswd hash) and curl (readiness probe); scripts/deps.sh installs them.
set -eu

usage () {
  echo "usage: $0 START STATEDIR [USER PASSWORD [TLS_CERT TLS_KEY]] | STOP STATEDIR" >&2
  exit 2
}

[ $# -ge 2 ] || usage
action=$1
state=$2

NGINX=${NGINX:-$(command -v nginx || echo /usr/sbin/nginx)}

free_port () {
  /usr/bin/python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

stop () {
  pidfile="$state/nginx.pid"
  [ -f "$pidfile" ] || return 0
  pid=$(cat "$pidfile")
  [ -n "$pid" ] || return 0
  kill -TERM "$pid" 2>/dev/null || { rm -f "$pidfile"; return 0; }
  i=0
  while kill -0 "$pid" 2>/dev/null; do
    i=$((i + 1))
    if [ "$i" -ge 50 ]; then
      kill -KILL "$pid" 2>/dev/null || true
      break
    fi
    sleep 0.1
  done
  rm -f "$pidfile"
}

write_config () {
  port=$1
  if [ "$(id -u)" -eq 0 ]; then
    # Workers would otherwise run as nobody and could not write into STATEDIR (mode 0700).
    user_line="user root;"
  else
    user_line=""
  fi
  if [ -n "$cert" ]; then
    listen="listen 127.0.0.1:$port ssl;
    ssl_certificate $cert;
    ssl_certificate_key $key;"
  else
    listen="listen 127.0.0.1:$port;"
  fi
  cat > "$state/nginx.conf" <<EOF
$user_line
worker_processes 1;
daemon off;
pid $state/nginx.pid;
error_log $state/error.log info;

events {
  worker_connections 64;
}

http {
  access_log $state/access.log;
  client_body_temp_path $state/tmp/body;
  proxy_temp_path $state/tmp/proxy;
  fastcgi_temp_path $state/tmp/fastcgi;
  uwsgi_temp_path $state/tmp/uwsgi;
  scgi_temp_path $state/tmp/scgi;
  default_type application/octet-stream;
  client_max_body_size 100m;

  server {
    $listen
    root $state/root;

    location /dav/ {
      dav_methods PUT DELETE MKCOL COPY MOVE;
      create_full_put_path on;
      dav_access user:rw group:r all:r;
      auth_basic "lettre-plainte test share";
      auth_basic_user_file $state/htpasswd;
      autoindex on;
    }
  }
}
EOF
}

start () {
  user=${1:-lp}
  password=${2:-secret}
  cert=${3:-}
  key=${4:-}
  mkdir -p "$state/root/dav" "$state/tmp"
  state=$(cd "$state" && pwd)
  if [ -n "$cert" ]; then
    cert=$(cd "$(dirname "$cert")" && pwd)/$(basename "$cert")
    key=$(cd "$(dirname "$key")" && pwd)/$(basename "$key")
    scheme=https
  else
    scheme=http
  fi
  hash=$(printf '%s' "$password" | openssl passwd -apr1 -stdin)
  printf '%s:%s\n' "$user" "$hash" > "$state/htpasswd"

  # The port is picked by binding port 0 and closing it: another process could take it in
  # between, so try a few times.
  for attempt in 1 2 3 4 5; do
    port=$(free_port)
    write_config "$port"
    rm -f "$state/nginx.pid"
    : > "$state/error.log"
    # Own stdio: a caller reading our stdout must not wait for nginx to close it.
    "$NGINX" -p "$state" -c "$state/nginx.conf" -e "$state/error.log" \
      </dev/null >"$state/nginx.out" 2>&1 &
    nginx_pid=$!
    i=0
    while [ "$i" -lt 100 ]; do
      if ! kill -0 "$nginx_pid" 2>/dev/null; then
        break
      fi
      if curl -s -k -o /dev/null "$scheme://127.0.0.1:$port/" 2>/dev/null; then
        echo "$nginx_pid" > "$state/nginx.pid"
        echo "$scheme://127.0.0.1:$port/dav/"
        return 0
      fi
      i=$((i + 1))
      sleep 0.05
    done
    kill -TERM "$nginx_pid" 2>/dev/null || true
    wait "$nginx_pid" 2>/dev/null || true
    grep -q "Address already in use" "$state/error.log" "$state/nginx.out" 2>/dev/null || break
  done
  echo "nginx-webdav.sh: nginx did not start; its log follows" >&2
  cat "$state/error.log" "$state/nginx.out" >&2 2>/dev/null || true
  exit 1
}

case "$action" in
  START)
    shift 2
    start "$@"
    ;;
  STOP)
    stop
    ;;
  *)
    usage
    ;;
esac
