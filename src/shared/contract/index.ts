export * from './contract';
export * from './schemas';
export * from './alarm-schemas';
export { ContractFailure, dispatchRequest, failure, isRequestName } from './dispatch';
