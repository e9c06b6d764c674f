// An alarm's severity as main computed it, in a shape and a word (never colour alone): wall
// screens are read from across the room and by people who do not tell red from orange.
import type { Severity } from '../../../shared/contract';
import { SeverityIcon } from '../../components/icons';

export const SEVERITY_LABEL: Record<Severity, string> = {
  critical: 'CRITICAL',
  high: 'HIGH',
  medium: 'MEDIUM',
  low: 'LOW',
};

export function SeverityBadge({ severity, prefix }: { severity: Severity; prefix?: string }) {
  return (
    <span className={`severity severity--${severity}`} data-severity={severity}>
      <SeverityIcon severity={severity} />
      {prefix && <span className="severity__prefix">{prefix}</span>}
      {SEVERITY_LABEL[severity]}
    </span>
  );
}
