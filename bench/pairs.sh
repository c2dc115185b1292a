# Sourced by the bench scripts, from the module's root with $tmp set:
# writes the two pairs they compare into $tmp and lists them in pairs:
#   synthetic  two 1 MB versions of a generated convention, 5 % of the
#              articles edited (internal/synth);
#   bill       the sixteen steps of a real bill end to end, numbered apart,
#              one paragraph in twenty edited (synth.Bill over
#              ../shared/corpus/raw/lafabrique/pjl16-580; skipped, with a
#              word, without the corpus).
go run ./bench/gen "$tmp/synthetic-old.md" "$tmp/synthetic-new.md"
pairs=(synthetic)
bill=../shared/corpus/raw/lafabrique/pjl16-580/steps
if [ -d "$bill" ]; then
  go run ./bench/gen -bill "$bill" "$tmp/bill-old.txt" "$tmp/bill-new.txt"
  pairs+=(bill)
else
  echo "corpus not found at $bill: the real-text pair is skipped"
fi
