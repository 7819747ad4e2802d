import { ReferenceKind, type EntityMetadata, type EntityProperty } from '@mikro-orm/core';

const stored = new WeakMap<EntityMetadata, EntityProperty[]>();

/**
 * The properties stored as columns of the entity's own table, in metadata order: scalars and owning
 * to-one links (one column each). What the set-based inserts (src/db/insert.ts) write and the loaders'
 * prepared statements (src/app/loaders.ts) select.
 */
export function storedProperties(meta: EntityMetadata): EntityProperty[] {
  let props = stored.get(meta);
  if (!props) {
    props = meta.props.filter(
      (p) => p.persist !== false && !p.formula && p.fieldNames?.length === 1 &&
        (p.kind === ReferenceKind.SCALAR || p.kind === ReferenceKind.MANY_TO_ONE || (p.kind === ReferenceKind.ONE_TO_ONE && p.owner)),
    );
    stored.set(meta, props);
  }
  return props;
}
