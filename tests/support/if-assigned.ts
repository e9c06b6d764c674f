/**
 * A variable that a beforeAll assigns, as the afterAll must see it: `let browser: Browser` is typed
 * as always set, but a beforeAll that failed part-way left the later ones undefined, and the
 * cleanup must still stop what did start.
 */
export const ifAssigned = <T>(value: T): T | undefined => value;
