/** No node has this id, label or alias. */
export class EntityNotFoundError extends Error {
  override name = 'EntityNotFoundError';
  constructor(readonly entity: string) {
    super(`no entity named "${entity}"`);
  }
}

/** A query option outside what it accepts. */
export class InvalidOptionError extends Error {
  override name = 'InvalidOptionError';
}
