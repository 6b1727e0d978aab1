// Registers cyanotype's matchers (toMatchBaseline) for every test file.
import '../../src/vitest.js';
