#!/bin/bash
# Start-up to the first frame and resident memory with the example brief open.
# Run under a display, e.g.: xvfb-run -s "-screen 0 1400x900x24" tests/startup.sh
# (after cargo build --release).
cd "$(dirname "$0")/.."
for i in 1 2 3 4 5; do
  t0=$(date +%s.%N)
  out=$(./target/release/briefdesk --screenshot "${TMPDIR:-/tmp}/briefdesk-startup.png" examples/brief.ron 2>&1)
  t1=$(echo "$out" | sed -n 's/.*unix time \([0-9.]*\) s.*/\1/p')
  rss=$(echo "$out" | sed -n 's/resident memory \([0-9]*\) MB/\1/p')
  echo "run $i: first frame $(python3 -c "print(round(($t1-$t0)*1000))") ms after exec; resident $rss MB"
done
