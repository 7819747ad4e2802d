import { CompanyResolver } from '../modules/company/company.resolver.js';
import { Company } from '../modules/company/company.entity.js';

/** Resolvers of the catalogue modules (customers, treatments, products, resources, field service, care). */
export const catalogueResolvers: Function[] = [CompanyResolver];

/** Catalogue node types that get a root field `<type>(id: ID!)`. */
export const catalogueRootTypes: Function[] = [Company];
