export * from './contract';
export * from './schemas';
export { dispatchRequest, failure, isRequestName } from './dispatch';
