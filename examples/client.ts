import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print, type DocumentNode, type GraphQLFormattedError } from 'graphql';

/** Where, and as whom, a client talks to Kairos. */
export interface KairosClientOptions {
  /** The GraphQL endpoint, e.g. `http://localhost:4000/graphql`. */
  url: string;
  /** An API token (`kairos_…`), sent as `Authorization: Bearer`. */
  token: string;
  /** For a user in several organisations: the organisation to act in (the `X-Tenant` header). */
  tenant?: string;
}

/**
 * A response that carried GraphQL errors: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, BAD_USER_INPUT and
 * the like. Business-rule failures are not errors: they come back as the payload's `userErrors`.
 */
export class KairosRequestError extends Error {
  constructor(
    readonly errors: readonly GraphQLFormattedError[],
    readonly status: number,
  ) {
    super(errors.map((error) => error.message).join('; ') || `HTTP ${status} without data`);
    this.name = 'KairosRequestError';
  }

  /** `extensions.code` of the first error, e.g. `UNAUTHENTICATED`. */
  get code(): string | undefined {
    const code = this.errors[0]?.extensions?.['code'];
    return typeof code === 'string' ? code : undefined;
  }
}

/** A minimal typed GraphQL client: the document's types decide the variables and the result. */
export interface KairosClient {
  /** Runs one operation; resolves its `data`, rejects with {@link KairosRequestError} on GraphQL errors. */
  execute<TResult, TVariables>(document: TypedDocumentNode<TResult, TVariables>, variables: TVariables): Promise<TResult>;
}

// Generated documents are constants, so each is printed once for the life of the page.
const printed = new WeakMap<DocumentNode, string>();

function queryText(document: DocumentNode): string {
  let text = printed.get(document);
  if (text === undefined) {
    text = print(document);
    printed.set(document, text);
  }
  return text;
}

/** A {@link KairosClient} over `fetch` (browsers, Node 18+, Deno, Bun). */
export function createKairosClient(options: KairosClientOptions): KairosClient {
  return {
    async execute<TResult, TVariables>(document: TypedDocumentNode<TResult, TVariables>, variables: TVariables): Promise<TResult> {
      // application/json also satisfies Apollo's CSRF prevention, which refuses "simple" requests.
      const headers: Record<string, string> = { 'content-type': 'application/json', authorization: `Bearer ${options.token}` };
      if (options.tenant) headers['x-tenant'] = options.tenant;
      const response = await fetch(options.url, {
        method: 'POST',
        headers,
        body: JSON.stringify({ query: queryText(document), variables }),
      });
      const body = (await response.json()) as { data?: TResult | null; errors?: GraphQLFormattedError[] };
      if (body.errors?.length || body.data == null) throw new KairosRequestError(body.errors ?? [], response.status);
      return body.data;
    },
  };
}
