import { useCallback, useEffect, useRef, useState } from 'react';
import type { Progress } from '../../workbook/workbook';

/**
 * The progress shown is redrawn at most this often. A run reports it many times a second («Всё сразу»
 * on a 20,000-client base: 115 times in 3.5 s, a step per sheet written), and each redraw laid out and
 * repainted the whole page: about 11 ms of the page's thread each in Chromium without a GPU, taken from
 * the cores the run works on. Seven redraws a second still show every longer step by name.
 */
export const PROGRESS_REDRAW_MS = 150;

/**
 * A run's progress for the panel to draw: the latest reported, shown at most every `PROGRESS_REDRAW_MS`
 * (the last one always shown, a moment later at most), and cleared at once with `null`.
 */
export function useRunProgress(): [Progress | null, (progress: Progress | null) => void] {
  const [shown, setShown] = useState<Progress | null>(null);
  const latest = useRef<Progress | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const lastDrawn = useRef(-Infinity);

  const draw = useCallback(() => {
    timer.current = null;
    lastDrawn.current = performance.now();
    setShown(latest.current);
  }, []);

  const report = useCallback(
    (progress: Progress | null) => {
      latest.current = progress;
      if (progress === null) {
        if (timer.current !== null) clearTimeout(timer.current);
        timer.current = null;
        lastDrawn.current = -Infinity;
        setShown(null);
        return;
      }
      if (timer.current !== null) return;
      const wait = lastDrawn.current + PROGRESS_REDRAW_MS - performance.now();
      if (wait <= 0) draw();
      else timer.current = setTimeout(draw, wait);
    },
    [draw],
  );

  useEffect(
    () => () => {
      if (timer.current !== null) clearTimeout(timer.current);
    },
    [],
  );
  return [shown, report];
}
