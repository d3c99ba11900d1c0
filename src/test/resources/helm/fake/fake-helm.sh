#!/bin/sh
# A stand-in for helm that misbehaves on demand, for what the real helm cannot do at will.
# The first argument picks the behaviour; tests copy this file, make it executable and run it
# through HelmRunner with an argument list.
case "$1" in
  version)
    echo "v3.18.0+gfake"
    ;;
  path)
    echo "$PATH"
    ;;
  hang-ignoring-term)
    trap '' TERM
    sleep 600 &
    echo "child $!"
    wait
    ;;
  sleep)
    echo "sleeping"
    sleep 600
    ;;
  lines)
    i=1
    while [ "$i" -le "$2" ]; do
      echo "out $i"
      echo "err $i" >&2
      i=$((i + 1))
    done
    ;;
  exit)
    echo "Error: failing with $2 as asked" >&2
    exit "$2"
    ;;
  kill-self)
    kill -KILL $$
    ;;
  unterminated)
    printf 'first\r\nlast without newline'
    ;;
  odd-bytes)
    head -c 200000 /dev/zero | tr '\000' 'x'
    echo
    printf 'bad \377\376 bytes\n'
    echo "after"
    ;;
  *)
    echo "Error: unknown command \"$1\" for \"helm\"" >&2
    exit 1
    ;;
esac
