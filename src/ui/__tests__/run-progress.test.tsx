/** @jest-environment jsdom */
import { act, renderHook } from '@testing-library/react';
import { PROGRESS_REDRAW_MS, useRunProgress } from '../hooks/useRunProgress';
import type { Progress } from '../../workbook/workbook';

const at = (done: number): Progress => ({ step: { key: 'step.calculating' }, done, total: 100 });

describe('useRunProgress', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('draws a burst of reports as its first and its last, and clears at once', () => {
    const drawn: Array<number | null> = [];
    const { result } = renderHook(() => {
      const [progress, report] = useRunProgress();
      drawn.push(progress?.done ?? null);
      return report;
    });
    drawn.length = 0;
    act(() => {
      for (let done = 1; done <= 40; done++) result.current(at(done));
    });
    expect(drawn).toEqual([1]);
    act(() => jest.advanceTimersByTime(PROGRESS_REDRAW_MS - 1));
    expect(drawn).toEqual([1]);
    act(() => jest.advanceTimersByTime(1));
    expect(drawn).toEqual([1, 40]);
    // Nothing new reported: nothing drawn again.
    act(() => jest.advanceTimersByTime(10 * PROGRESS_REDRAW_MS));
    expect(drawn).toEqual([1, 40]);
    // A report long after the last drawing is drawn at once; the end of the run clears it at once.
    act(() => result.current(at(60)));
    act(() => result.current(at(70)));
    act(() => result.current(null));
    expect(drawn).toEqual([1, 40, 60, null]);
    act(() => jest.advanceTimersByTime(10 * PROGRESS_REDRAW_MS));
    expect(drawn).toEqual([1, 40, 60, null]);
  });
});
