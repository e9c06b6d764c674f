export { authoriseHandlers } from './authorise-handlers';
export { createOperatorAuth, LOCKOUT_MS, MAX_WRONG_PINS, type OperatorAuth } from './operator-auth';
