// Registers cyanotype's matchers (toMatchBaseline) for every test file, and removes the
// temporary folders each file made once it is done.
import { afterAll } from 'vitest';
import '../../src/vitest.js';
import { removeScratchDirs } from './scratch.js';

afterAll(removeScratchDirs);
