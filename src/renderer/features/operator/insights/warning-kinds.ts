// How each early-warning kind reads on screen: a glyph and words, never the glyph alone.
import type { InsightWarningView } from '../../../../shared/contract';

export const WARNING_KIND_LABELS: Record<InsightWarningView['kind'], { icon: string; label: string }> = {
  rtt_rise: { icon: '↗', label: 'RTT rising' },
  loss_rise: { icon: '⇣', label: 'Loss rising' },
  near_misses: { icon: '◔', label: 'Near misses' },
  flapping: { icon: '⇅', label: 'Flapping' },
  threshold: { icon: '⚠', label: 'Over threshold' },
  group_degradation: { icon: '⛓', label: 'Group degrading' },
};
