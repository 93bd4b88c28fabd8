// Elastic Charts draws on a canvas; with `debugState` it also writes what it drew (bars, axis
// ticks, legend) as JSON in the chart's `data-ech-debug-state` attribute. Browser tests turn it
// on by setting `window.__netobsChartDebug = true` before the app loads; users never pay for it.
declare global {
  interface Window {
    __netobsChartDebug?: boolean;
  }
}

export function chartDebugState(): boolean {
  return typeof window !== 'undefined' && window.__netobsChartDebug === true;
}
