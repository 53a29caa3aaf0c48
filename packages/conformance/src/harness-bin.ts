#!/usr/bin/env node
import { referenceImplementation } from './protocol/reference.js';
import { serveHarness } from './protocol/serve.js';

// The reference harness: what `reuse-pref-conformance run --harness reuse-pref-harness` talks to.
void serveHarness(referenceImplementation);
