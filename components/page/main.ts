/**
 * The page shell the renderer screenshots. Layout runs in Node; the page applies the theme,
 * measures text with the real fonts, and draws what it is given.
 */
import { leanApi } from './api.js';

window.cyanotype = leanApi;
