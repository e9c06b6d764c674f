// The "Device" block of the endpoint page (issue 13): who answers at the endpoint as the protocol
// probe reports it, since when, what it notes without being down (a minor fault), and a swap or a
// firmware change when another device answered before.
import type { ReactNode } from 'react';
import type { EndpointDevice } from '../../../../shared/contract';
import { formatDateTime } from '../format-operator';
import { IDENTITY_SOURCE_LABEL, identitySummary, shortSerialHash } from './device-identity-text';
import './device.css';

export function DevicePanel({ device, timeZone }: { device: EndpointDevice; timeZone: string | undefined }) {
  const { identity, change } = device;
  const facts: [string, ReactNode][] = [
    ['Vendor', identity.vendor ?? '—'],
    ['Product', identity.product ?? '—'],
    ['Firmware', identity.firmware ?? '—'],
    [
      'Serial (hash)',
      <code key="serial" title={identity.serialHash ?? undefined}>
        {shortSerialHash(identity.serialHash)}
      </code>,
    ],
    ...Object.entries(identity.details).map(([label, value]): [string, ReactNode] => [
      label.charAt(0).toUpperCase() + label.slice(1),
      value,
    ]),
    ['Source', IDENTITY_SOURCE_LABEL[identity.source]],
    [
      'Since',
      <>
        {formatDateTime(device.since, timeZone)}
        <span className="op-muted"> · last seen {formatDateTime(device.lastSeen, timeZone)}</span>
      </>,
    ],
  ];
  return (
    <section className="op-section op-device" aria-labelledby="device-title">
      <h2 id="device-title" className="op-section__title">
        Device
      </h2>
      {change && (
        <p className="op-device__change" role="status">
          ⇄ Identity changed {formatDateTime(change.at, timeZone)}: was {identitySummary(change.previous)}
        </p>
      )}
      {device.note && (
        <p className="op-device__note" role="status">
          △ {device.note} (the device counts as up)
        </p>
      )}
      <dl className="op-device__facts">
        {facts.map(([label, value]) => (
          <div key={label} className="op-device__fact">
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
