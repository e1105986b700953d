export type { DeadLetterAdmin, DeadLetterView } from './port';
export { localDeadLetters } from './local';
export { unknownQueue } from './errors';
