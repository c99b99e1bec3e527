import { describe, expect, it } from 'vitest';
import { percentile, ratio, summarize } from '../../../bench/stats.js';

const oneTo = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe('bench percentiles (nearest rank)', () => {
  it('picks the sample at rank ceil(p/100 × n)', () => {
    expect(percentile(oneTo(100), 50)).toBe(50);
    expect(percentile(oneTo(100), 99)).toBe(99);
    expect(percentile(oneTo(400), 50)).toBe(200);
    expect(percentile(oneTo(400), 99)).toBe(396);
    expect(percentile(oneTo(10), 99)).toBe(10);
    expect(percentile(oneTo(10), 100)).toBe(10);
  });

  it('sorts numerically without changing its input', () => {
    const samples = [10, 9, 1, 100, 2];
    expect(percentile(samples, 50)).toBe(9);
    expect(samples).toEqual([10, 9, 1, 100, 2]);
  });

  it('answers with a measured value, never one in between', () => {
    expect(percentile([1.5, 3.5], 50)).toBe(1.5);
    expect(percentile([7], 1)).toBe(7);
    expect(percentile([7], 99)).toBe(7);
  });

  it('refuses no samples and percentiles outside (0, 100]', () => {
    expect(() => percentile([], 50)).toThrow(RangeError);
    expect(() => percentile([1], 0)).toThrow(RangeError);
    expect(() => percentile([1], 101)).toThrow(RangeError);
    expect(() => percentile([1], Number.NaN)).toThrow(RangeError);
  });

  it('summarizes count, p50, p99 and max', () => {
    expect(summarize([...oneTo(1000)].reverse())).toEqual({ count: 1000, p50: 500, p99: 990, max: 1000 });
  });

  it('gives the route-to-raw ratio, infinite against a zero raw time', () => {
    expect(ratio(3, 2)).toBe(1.5);
    expect(ratio(1, 0)).toBe(Number.POSITIVE_INFINITY);
  });
});
