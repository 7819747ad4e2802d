import type { KairosClient } from './client.js';
import { BookTreatmentDocument, CreateCustomerDocument, ViewerDocument } from './generated/graphql.js';

/**
 * Never called: it exists for `tsc`. Each line below must fail to compile, and an unused
 * `@ts-expect-error` is itself an error, so if the generated types ever loosen (a lost scalar
 * mapping, `any` results, unchecked variables) the examples stop compiling.
 */
export async function typeGuarantees(client: KairosClient): Promise<void> {
  // @ts-expect-error the `input` variable is required
  await client.execute(CreateCustomerDocument, {});
  // @ts-expect-error enum values are upper case: the seed's `pending` is `PENDING`
  await client.execute(BookTreatmentDocument, { input: { status: 'pending' } });
  // @ts-expect-error global ids are strings, never numbers (the seeds' `customer_id: 123`)
  await client.execute(BookTreatmentDocument, { input: { customerId: 123 } });
  const { viewer } = await client.execute(ViewerDocument, {});
  // @ts-expect-error only selected fields are on the result (Viewer does not select createdAt)
  void viewer.createdAt;
  // @ts-expect-error role may be null (a user outside the organisation) and must be checked
  void viewer.role.toLowerCase();
}
