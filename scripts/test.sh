#!/usr/bin/env bash
# The whole test suite, from a fresh machine: installs what the tests need
# (each scripts/deps/*.sh installs one group of tools if missing), then runs
# formatting, lint and every test.
set -euo pipefail
cd "$(dirname "$0")/.."
for dep in scripts/deps/*.sh; do
  [ -e "$dep" ] || continue
  bash "$dep"
done
cargo fmt --check
cargo clippy --all-targets -- -D warnings
cargo test --all-targets
cargo test --doc
