// The cause of an outage as the outage log, the line page and the handover show it: the failure
// kind in words with its icon ("⚠ PLC answers with an exception"), then the probe's detail, so a
// device that answers wrongly is not read as one that is unreachable.
import { FAILURE_CAUSES, failureCauseWords, isFailureKind } from '../../../shared/domain/failure';
import { TYPE_LABEL } from '../../live/format-live';
import { useWall } from '../../live/wall-store';

/** "PLC", "Camera": the device's type from the wall's endpoint list, "Device" when it is gone. */
export function useDeviceLabel(endpointId: string): string {
  return useWall((state) => {
    for (const line of state.lines) {
      const endpoint = line.endpoints.find((e) => e.id === endpointId);
      if (endpoint) return TYPE_LABEL[endpoint.type];
    }
    return 'Device';
  });
}

export function OutageCause(props: { endpointId: string; kind: string | null; message: string | null }) {
  const device = useDeviceLabel(props.endpointId);
  const words = failureCauseWords(props.kind, device);
  const cause = isFailureKind(props.kind) ? FAILURE_CAUSES[props.kind] : null;
  return (
    <span className="op-cause" data-failure-kind={props.kind ?? ''} data-failure-class={cause?.class ?? ''}>
      {words !== null && (
        <strong className="op-cause__words">
          {cause && <span aria-hidden="true">{cause.icon} </span>}
          {words}
        </strong>
      )}
      {words !== null && props.message ? ': ' : ''}
      {props.message ?? ''}
    </span>
  );
}
