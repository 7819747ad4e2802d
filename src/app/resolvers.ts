import type { ClassType } from 'type-graphql';
import { NodeResolver } from '../modules/node/node.resolver.js';
import { rootFieldResolver } from '../modules/node/root-fields.js';
import { Organisation } from '../modules/organisation/organisation.entity.js';
import { UserResolver } from '../modules/user/user.resolver.js';
import { User } from '../modules/user/user.entity.js';
import { connectionResolvers } from '../shared/pagination.js';
import { catalogueResolvers, catalogueRootTypes } from './resolvers.catalogue.js';

/** Node types that get a root field `<type>(id: ID!)`. */
const rootFieldTypes = [Organisation, User, ...catalogueRootTypes] as ClassType[];

/** Every resolver class of the schema. */
export const resolvers = [NodeResolver, UserResolver, ...catalogueResolvers, ...rootFieldTypes.map(rootFieldResolver), ...connectionResolvers];
