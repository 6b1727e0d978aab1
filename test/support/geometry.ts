// The tests measure with the same geometry the quality checks use.
export { arrowsBeside, inside, overlaps, segmentCrosses } from '../../src/check/geometry.js';
