// The tests measure with the same geometry the quality checks use.
export { arrowsBeside, inside, overlaps, parallelArrows, segmentCrosses } from '../../src/check/geometry.js';
