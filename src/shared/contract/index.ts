export * from './contract';
export * from './schemas';
export * from './alarm-schemas';
export * from './report-contract';
export * from './settings-schemas';
export * from './console-contract';
export { ContractFailure, dispatchRequest, failure, isRequestName } from './dispatch';
export { checkedResult, transportError } from './checked-result';
export * from './operator-proof';
