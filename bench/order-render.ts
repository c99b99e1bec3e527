import { renderOrderPdf } from '../lib/documents/order-pdf.js';
import { sampleOrder } from '../test/unit/documents/sample-order.js';
import { percentile } from './stats.js';

/** The order PDF's render time in this process (the renderer as `generate-order` runs it): the first render, then the median of `runs`. */
export const measureOrderRender = async (runs = 30) => {
  const order = sampleOrder();
  const first = performance.now();
  const pdf = await renderOrderPdf(order);
  const firstMs = performance.now() - first;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await renderOrderPdf(order);
    times.push(performance.now() - started);
  }
  return { firstMs, p50Ms: percentile(times, 50), p95Ms: percentile(times, 95), bytes: pdf.byteLength, runs };
};
