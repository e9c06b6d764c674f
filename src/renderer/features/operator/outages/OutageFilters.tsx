// The outage log's filter bar. Every control is a labelled native control (keyboard and touch
// work without extra code); choices are words, never colours.
import type { WallLine } from '../../../../shared/contract';
import type { MaintenanceFilter, OutageFilter, RelationFilter, StatusFilter } from './outage-filters';
import { RANGE_PRESETS, siteTodayInputs, type RangeChoice, type RangePreset } from '../time-range';

interface Props {
  lines: readonly WallLine[];
  filter: OutageFilter;
  range: RangeChoice;
  /** The site's zone: a custom range starts as the site's today, not the PC's or UTC's. */
  timeZone: string;
  onFilter: (next: OutageFilter) => void;
  onRange: (next: RangeChoice) => void;
}

function Select<T extends string>({
  label,
  value,
  options,
  onChange,
  name,
}: {
  label: string;
  value: T;
  options: readonly (readonly [T, string])[];
  onChange: (value: T) => void;
  name: string;
}) {
  return (
    <label className="op-field">
      <span>{label}</span>
      <select
        name={name}
        value={value}
        onChange={(event) => {
          const chosen = options.find(([key]) => key === event.target.value);
          if (chosen) onChange(chosen[0]);
        }}
      >
        {options.map(([key, text]) => (
          <option key={key} value={key}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}

const ALL = '*';

export function OutageFilters({ lines, filter, range, timeZone, onFilter, onRange }: Props) {
  const endpoints = lines
    .filter((line) => filter.lineId === null || line.id === filter.lineId)
    .flatMap((line) => line.endpoints.map((e) => [e.id, e.name] as const));
  const rangeValue = range.kind === 'preset' ? range.preset : 'custom';
  const rangeOptions = [
    ...Object.entries(RANGE_PRESETS).map(([key, { label }]) => [key, label] as const),
    ['custom', 'Custom…'] as const,
  ];
  return (
    <form className="op-filters" aria-label="Outage filters" onSubmit={(event) => event.preventDefault()}>
      <Select
        name="range"
        label="Time range"
        value={rangeValue}
        options={rangeOptions}
        onChange={(value) => {
          if (value === 'custom') {
            onRange({ kind: 'custom', ...siteTodayInputs(Date.now(), timeZone) });
          } else onRange({ kind: 'preset', preset: value as RangePreset });
        }}
      />
      {range.kind === 'custom' && (
        <>
          <label className="op-field">
            <span>From (site time)</span>
            <input
              type="datetime-local"
              name="from"
              value={range.from}
              onChange={(e) => onRange({ ...range, from: e.target.value })}
            />
          </label>
          <label className="op-field">
            <span>To (site time)</span>
            <input
              type="datetime-local"
              name="to"
              value={range.to}
              onChange={(e) => onRange({ ...range, to: e.target.value })}
            />
          </label>
        </>
      )}
      <Select
        name="line"
        label="Line"
        value={filter.lineId ?? ALL}
        options={[[ALL, 'All lines'], ...lines.map((l) => [l.id, l.name] as const)]}
        onChange={(value) => onFilter({ ...filter, lineId: value === ALL ? null : value, endpointId: null })}
      />
      <Select
        name="endpoint"
        label="Device"
        value={filter.endpointId ?? ALL}
        options={[[ALL, 'All devices'], ...endpoints]}
        onChange={(value) => onFilter({ ...filter, endpointId: value === ALL ? null : value })}
      />
      <Select<RelationFilter>
        name="relation"
        label="Primary / secondary"
        value={filter.relation}
        options={[
          ['all', 'Both'],
          ['primary', 'Primary only'],
          ['secondary', 'Secondary only'],
        ]}
        onChange={(relation) => onFilter({ ...filter, relation })}
      />
      <Select<MaintenanceFilter>
        name="maintenance"
        label="Maintenance"
        value={filter.maintenance}
        options={[
          ['all', 'Included'],
          ['exclude', 'Left out'],
          ['only', 'Only in maintenance'],
        ]}
        onChange={(maintenance) => onFilter({ ...filter, maintenance })}
      />
      <Select<StatusFilter>
        name="status"
        label="Status"
        value={filter.status}
        options={[
          ['all', 'Open and closed'],
          ['open', 'Open only'],
          ['closed', 'Closed only'],
        ]}
        onChange={(status) => onFilter({ ...filter, status })}
      />
    </form>
  );
}
