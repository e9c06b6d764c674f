// "2 devices degrading" next to a line's counts, on the overview's line blocks and the wall's:
// words, an icon and an amber dashed outline, never colour alone. Nothing while none degrades or
// while the insights are unknown.
import { TrendUpIcon } from '../../components/icons';
import { useDegradingCount } from './degrading-store';
import './degrading-count.css';

export function DegradingCount({ lineId }: { lineId: string }) {
  const degrading = useDegradingCount(lineId);
  if (degrading === null || degrading === 0) return null;
  return (
    <span
      className="degrading-count"
      data-count="degrading"
      title="Devices with an active early warning: slower or lossier than usual (see Insights)"
    >
      <TrendUpIcon /> <strong>{degrading}</strong> {degrading === 1 ? 'device' : 'devices'} degrading
    </span>
  );
}
