#!/usr/bin/env bash
# The README's first command: set up .venv, then run the whole pipeline on the bundled sample export
# (fictional people), offline, on CPU: inspect -> anonymize -> train (tiny model) -> generate -> audit.
# Everything it writes goes under demo-out/ (its own MEOW_HOME included), so your ~/.meow is not touched.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
. .venv/bin/activate
export HF_HUB_OFFLINE=1 TOKENIZERS_PARALLELISM=false
out=demo-out
export MEOW_HOME="$PWD/$out/meow-home"
export_dir=fixtures/sample-export

step() { printf '\n\033[1;35m== %s\033[0m\n$ %s\n' "$1" "${*:2}"; "${@:2}"; }

step "1/5 What the export holds" meow inspect "$export_dir"
step "2/5 Replace names and personal data with pseudonyms" \
  meow anonymize "$export_dir" --out "$out/corpus" --force
# The friend with the most messages (the owner, who is in every thread, is you).
slug=$(python -c "import json,sys; m=json.load(open(sys.argv[1]))
friends=[s for s in m['speakers'] if s['name'] != m['owner']] or m['speakers']
print(max(friends, key=lambda s: s['messages'])['slug'])" "$out/corpus/manifest.json")
step "3/5 Train a tiny model that talks like '$slug' (offline; use --base gpt2 on a GPU)" \
  meow train "$out/corpus/$slug" --base tiny --epochs 15 --force
step "4/5 Generate samples" \
  bash -c "meow generate '$slug' --prompt 'hey' -n 5 --seed 0 | tee '$out/samples.txt'"
set +e
step "5/5 Audit the samples for leaked personal data and memorised text" \
  meow audit "$out/samples.txt" --model "$slug"
code=$?
set -e
case $code in
  0) echo "Audit clean (exit 0).";;
  1) echo "Audit found something (exit 1): see the table above. The guard redacts such findings in generate/chat.";;
  *) echo "Audit failed to run (exit $code)."; exit "$code";;
esac
printf '\nDone. Corpus: %s/corpus  Model: %s/models/%s  Samples: %s/samples.txt\n' "$out" "$MEOW_HOME" "$slug" "$out"
