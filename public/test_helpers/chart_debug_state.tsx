// Renders an Elastic Charts chart in jsdom and reads what it drew from its debug state (the
// JSON `data-ech-debug-state` attribute the app writes when window.__netobsChartDebug is set):
// bars, axis ticks and labels, legend items. jsdom has no layout, so the chart is told its size
// through a ResizeObserver stand-in; it has no canvas either, so text measures as zero width.
import React from 'react';
import { render, waitFor } from '@testing-library/react';
import type { RenderResult } from '@testing-library/react';
import { EuiProvider } from '@elastic/eui';

export interface DebugAxis {
  id: string;
  labels: string[];
  values: number[];
  /** Pixel positions in the plot, top left 0,0: one per tick, in their own order. */
  gridlines: Array<{ x: number; y: number }>;
}

export interface ChartDebugState {
  legend: { items: Array<{ name: string; color: string }> };
  axes: { x: DebugAxis[]; y: DebugAxis[] };
  bars: Array<{ name: string; color: string; bars: Array<{ x: number; y: number }> }>;
}

/** Installs the stand-ins for the file's tests (call at the top level of a test file). */
export function setUpChartRendering(size = { width: 600, height: 220 }): void {
  const originals = {
    resizeObserver: window.ResizeObserver,
    getContext: HTMLCanvasElement.prototype.getContext,
  };
  beforeAll(() => {
    window.__netobsChartDebug = true;
    window.ResizeObserver = class {
      constructor(private readonly callback: ResizeObserverCallback) {}
      observe() {
        const entry = { contentRect: size } as ResizeObserverEntry;
        setTimeout(() => this.callback([entry], this as unknown as ResizeObserver), 0);
      }
      unobserve() {}
      disconnect() {}
    } as unknown as typeof ResizeObserver;
    // jsdom logs "not implemented" for every call; a missing context is what charts expect.
    HTMLCanvasElement.prototype.getContext = (() =>
      null) as typeof HTMLCanvasElement.prototype.getContext;
  });
  afterAll(() => {
    delete window.__netobsChartDebug;
    window.ResizeObserver = originals.resizeObserver;
    HTMLCanvasElement.prototype.getContext = originals.getContext;
  });
}

/** Renders `chart` and waits for its debug state. */
export async function renderChart(
  chart: React.ReactElement
): Promise<{ state: ChartDebugState; view: RenderResult }> {
  const view = render(<EuiProvider>{chart}</EuiProvider>);
  const status = await waitFor(() => {
    const element = view.container.querySelector(
      '[data-ech-render-complete="true"][data-ech-debug-state]'
    );
    if (!element) throw new Error('the chart has not rendered its debug state');
    return element;
  });
  const state = JSON.parse(status.getAttribute('data-ech-debug-state') ?? '{}') as ChartDebugState;
  return { state, view };
}
