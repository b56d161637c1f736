#!/usr/bin/env node
"use strict";
// The package's bin: runs the compiled CLI (built by `npm install` through the root `prepare` script).
require("../dist/cli/index.js").main(process.argv.slice(2));
