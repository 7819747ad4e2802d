import { expect } from 'vitest';
import type { GraphQLResponse } from '../harness/app.js';

/** The payload of a mutation that must have succeeded (no GraphQL errors, no userErrors). */
export function payload(res: GraphQLResponse, mutation: string): any {
  expect(res.errors).toBeUndefined();
  const result = res.data[mutation];
  expect(result.userErrors).toEqual([]);
  return result;
}

/** The userErrors of a mutation that must have been refused with userErrors (and answered no object). */
export function userErrors(res: GraphQLResponse, mutation: string, objectField: string): { code: string; field: string[]; message: string }[] {
  expect(res.errors).toBeUndefined();
  const result = res.data[mutation];
  expect(result[objectField]).toBeNull();
  expect(result.userErrors.length).toBeGreaterThan(0);
  return result.userErrors;
}

/** The `extensions.code` of the single GraphQL error of a response. */
export function errorCode(res: GraphQLResponse): string | undefined {
  expect(res.errors?.length).toBe(1);
  return res.errors![0]!.extensions?.code;
}
