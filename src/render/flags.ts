/**
 * Chromium command-line flags. Kept apart from the session so the fingerprint can name them
 * without loading Puppeteer. See docs/decisions/001-chromium-flags.md.
 */

/** Flags for identical pixels run to run. */
export const DETERMINISM_FLAGS = [
  '--font-render-hinting=none',
  '--force-color-profile=srgb',
  '--disable-lcd-text',
  '--disable-gpu',
  '--hide-scrollbars',
  '--disable-partial-raster',
  '--disable-skia-runtime-opts',
] as const;

/** Flags that stop Chromium reaching out to the network on its own. */
export const QUIET_FLAGS = [
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-default-apps',
  '--disable-extensions',
  '--disable-quic',
  '--mute-audio',
  '--disable-dev-shm-usage',
  '--disable-features=Translate,MediaRouter,OptimizationHints,AutofillServerCommunication',
] as const;

/**
 * Flags for speed and memory that do not change a pixel: without a frame-rate limit a
 * screenshot need not wait for the next 60 Hz frame (a capture of a static 1024×1024 page:
 * 50 → 28 ms); without the WebUI omnibox popups, Chromium 14x+ does not preload two
 * chrome://omnibox-popup pages into a renderer of their own (~75 MiB; Puppeteer's upstream
 * defaults disable them too, puppeteer/puppeteer#15278); without a spare renderer, Chromium
 * does not start a second renderer process that nothing uses (the page shell's navigation
 * takes a fresh one anyway): ~25 MiB, and a cold render 1.34 → 1.27 s (median of 11). Puppeteer
 * merges the feature lists.
 */
export const SPEED_FLAGS = [
  '--disable-frame-rate-limit',
  '--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup,SpareRendererForSitePerProcess',
] as const;

/**
 * Raster threads for the machine: Chromium gives a renderer half the cores (1 on 2 cores), and
 * a new picture's tiles then raster one after another — ~10 ms more per capture of a
 * 1024×1024 diagram than with two (the 50 bench diagrams 3–4% faster, pixel-identical). Decided
 * when Chromium starts, on the machine it runs on; more cores keep Chromium's own choice.
 */
export function rasterFlags(cores: number): string[] {
  return cores < 4 ? ['--num-raster-threads=2'] : [];
}

/**
 * One process, for Chromium's headless shell: it then runs the renderer, GPU and network
 * services inside the browser process, so none of those processes starts and no frame or
 * screenshot crosses between processes — cold flagship 1.09 → 0.94 s, the 50 bench diagrams
 * 4–5% faster, peak 444–453 → 396–421 MiB, the same pixels (decision 012). The zygote goes
 * too where Chromium allows it (unsandboxed): it forks renderers, and there are none to fork.
 * Chrome's new headless mode keeps its processes: --single-process is reported to crash it
 * (puppeteer-sharp#2512). Without the renderer's sandbox the page still loads nothing but
 * cyanotype's bundle (every other request is blocked) and labels are text, never markup.
 */
export function processFlags(headlessShell: boolean, sandboxed: boolean): string[] {
  if (!headlessShell) return [];
  return sandboxed ? ['--single-process'] : ['--single-process', '--no-zygote'];
}
