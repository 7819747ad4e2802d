import { CancellationReason, Case, ClientPackage } from '../modules/care/care.entities.js';
import { CancellationReasonResolver, CaseResolver, ClientPackageResolver } from '../modules/care/care.resolver.js';
import { Company } from '../modules/company/company.entity.js';
import { CompanyResolver } from '../modules/company/company.resolver.js';
import { Customer } from '../modules/customer/customer.entity.js';
import { CustomerResolver } from '../modules/customer/customer.resolver.js';
import { Account, TimeBand } from '../modules/field-service/field-service.entities.js';
import { AccountResolver, OperationResolver, PropertyResolver, TimeBandResolver } from '../modules/field-service/field-service.resolver.js';
import { Operation } from '../modules/field-service/operation.entity.js';
import { Property } from '../modules/field-service/property.entity.js';
import { Location } from '../modules/location/location.entity.js';
import { LocationResolver } from '../modules/location/location.resolver.js';
import { Brand, ProductCategory, ProductType, UnitCode } from '../modules/product/product-lookups.entity.js';
import { Product } from '../modules/product/product.entity.js';
import { ProductResolver } from '../modules/product/product.resolver.js';
import { Resource } from '../modules/resource/resource.entity.js';
import { ResourceResolver } from '../modules/resource/resource.resolver.js';
import { Treatment, TreatmentSession } from '../modules/treatment/treatment.entity.js';
import { TreatmentArchiveResolver } from '../modules/treatment/treatment-archive.js';
import { TreatmentResolver, TreatmentSessionResolver } from '../modules/treatment/treatment.resolver.js';

/** Resolvers of the catalogue modules (customers, treatments, products, resources, field service, care). */
export const catalogueResolvers: Function[] = [
  CompanyResolver,
  CustomerResolver,
  TreatmentResolver,
  TreatmentSessionResolver,
  TreatmentArchiveResolver,
  ProductResolver,
  ResourceResolver,
  LocationResolver,
  AccountResolver,
  PropertyResolver,
  TimeBandResolver,
  OperationResolver,
  CaseResolver,
  ClientPackageResolver,
  CancellationReasonResolver,
];

/** Catalogue node types that get a root field `<type>(id: ID!)`. */
export const catalogueRootTypes: Function[] = [
  Company,
  Customer,
  Treatment,
  TreatmentSession,
  Product,
  Brand,
  ProductType,
  ProductCategory,
  UnitCode,
  Resource,
  Location,
  Account,
  Property,
  TimeBand,
  Operation,
  Case,
  ClientPackage,
  CancellationReason,
];
