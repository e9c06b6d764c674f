// A canvas chart that follows its box: created once, given a new option when the data changes,
// resized with its container (4K walls, print), and disposed with the component.
import { useEffect, useRef, useState } from 'react';
import { init, type EChartsCoreOption, type EChartsType } from './echarts-setup';

/**
 * `makeOption` gets the root font size in px (it scales with the screen), so chart text matches the
 * page and is rebuilt when the window moves to a screen of another size. Pass a stable function.
 */
export function EChart({
  makeOption,
  label,
  className,
}: {
  makeOption: (fontPx: number) => EChartsCoreOption;
  label: string;
  className?: string;
}) {
  const boxRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<EChartsType | null>(null);
  const [fontPx, setFontPx] = useState(rootFontPx);

  useEffect(() => {
    const box = boxRef.current;
    if (!box) return;
    const chart = init(box, null, { renderer: 'canvas' });
    chartRef.current = chart;
    const observer = new ResizeObserver(() => {
      chart.resize();
      setFontPx(rootFontPx());
    });
    observer.observe(box);
    return () => {
      observer.disconnect();
      chart.dispose();
      chartRef.current = null;
    };
  }, []);

  useEffect(() => {
    chartRef.current?.setOption(makeOption(fontPx), { notMerge: true });
  }, [makeOption, fontPx]);

  return <div ref={boxRef} className={`op-chart ${className ?? ''}`} role="img" aria-label={label} />;
}

/** The root font size in px, so chart text matches the page at 1080p and 4K alike. */
export function rootFontPx(): number {
  const size = Number.parseFloat(getComputedStyle(document.documentElement).fontSize);
  return Number.isFinite(size) && size > 0 ? size : 16;
}
