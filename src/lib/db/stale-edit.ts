/** A structural edit computed from rows that changed before it was written (another tab): compute it again. */
export class StaleEdit extends Error {
  constructor() {
    super('The conversation changed while this edit was prepared');
  }
}
