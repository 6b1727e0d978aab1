#!/usr/bin/env node
// The CLI as one bundled module (scripts/build-cli.ts): it starts several hundred milliseconds
// sooner than the ~600 modules it is made of.
import '../dist/cli/cli.mjs';
