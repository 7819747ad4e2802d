import { type Opt } from '@mikro-orm/core';
import { PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { v7 as uuidv7 } from 'uuid';
import { Field, ID, ObjectType } from 'type-graphql';
import { toGlobalId } from './global-id.js';

/**
 * Columns every table has: a UUIDv7 primary key (time-ordered, so `ORDER BY id` is creation order
 * and serves as a stable keyset for cursors) and creation/update stamps (UTC `timestamptz`).
 * GraphQL sees the key only as an opaque global id (`Node.id`).
 *
 * Entity types use `simpleResolvers`: their plain fields resolve with graphql-js's default resolver
 * instead of a type-graphql wrapper per field and row (no middleware or auth checker is configured,
 * so the wrapper only read the property). `id` keeps the wrapper: its property is `globalId`.
 */
@ObjectType({ simpleResolvers: true })
export abstract class BaseEntity {
  @PrimaryKey({ type: 'uuid' })
  id: string = uuidv7();

  @Field(() => Date, { description: 'When the record was created (RFC 3339, UTC).' })
  @Property({ type: 'datetime', onCreate: () => new Date() })
  createdAt: Opt<Date> = new Date();

  @Field(() => Date, { description: 'When the record was last changed (RFC 3339, UTC).' })
  @Property({ type: 'datetime', onCreate: () => new Date(), onUpdate: () => new Date() })
  updatedAt: Opt<Date> = new Date();

  /** The opaque Relay global id: base64url of `TypeName:uuid`. */
  @Field(() => ID, { name: 'id', simple: false, description: 'Opaque global id; resolves through `node(id:)`.' })
  get globalId(): Opt<string> {
    return toGlobalId(this.constructor.name, this.id);
  }
}
