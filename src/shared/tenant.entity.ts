import { Filter, ManyToOne } from '@mikro-orm/decorators/legacy';
import { ObjectType } from 'type-graphql';
import { Organisation } from '../modules/organisation/organisation.entity.js';
import { BaseEntity } from './base.entity.js';

/**
 * Name of the MikroORM filter that scopes every tenant-owned entity to one organisation. It is on by
 * default and takes `{ organisationId }`; a query run without that parameter throws instead of
 * reading every tenant's rows (fails closed).
 */
export const TENANT_FILTER = 'tenant';

/** A record owned by one {@link Organisation}; reads are scoped by the {@link TENANT_FILTER}. */
@Filter({
  name: TENANT_FILTER,
  default: true,
  args: true,
  cond: (args: { organisationId?: string }) => {
    if (!args?.organisationId) throw new Error('Tenant filter used without an organisation: refusing an unscoped read.');
    return { organisation: args.organisationId };
  },
})
@ObjectType({ simpleResolvers: true })
export abstract class TenantEntity extends BaseEntity {
  @ManyToOne({ entity: () => Organisation, deleteRule: 'cascade', index: true })
  organisation!: Organisation;
}
