import type { ApolloServerPlugin } from '@apollo/server';
import { BREAK, GraphQLError, visit, type DocumentNode } from 'graphql';

/** Path (in `variables`) of the first string holding U+0000, or null. */
function nulPath(value: unknown, path: (string | number)[]): (string | number)[] | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = nulPath(value[i], [...path, i]);
      if (found) return found;
    }
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found = nulPath(item, [...path, key]);
      if (found) return found;
    }
  }
  return null;
}

/** Whether a string literal of the document holds U+0000; documents are cached by Apollo, so is this. */
const literalNul = new WeakMap<DocumentNode, boolean>();
function documentHasNul(document: DocumentNode): boolean {
  let found = literalNul.get(document);
  if (found === undefined) {
    found = false;
    visit(document, {
      StringValue(node) {
        if (!node.value.includes('\u0000')) return undefined;
        found = true;
        return BREAK;
      },
    });
    literalNul.set(document, found);
  }
  return found;
}

/**
 * Refuses, before anything runs, a request whose variables or string literals hold U+0000 (NUL).
 * GraphQL's `String` allows it but PostgreSQL `text` cannot store or compare it, so it would
 * otherwise fail deep inside a write or a search as an unexpected error.
 * @throws GraphQLError BAD_USER_INPUT (HTTP 400, 200 under `application/json`), naming the variable.
 */
export function nulGuardPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          const path = nulPath(request.variables ?? {}, []);
          if (!path && !documentHasNul(document)) return;
          const where = path ? `Variable "$${path.join('.')}"` : 'A string literal';
          throw new GraphQLError(`${where} contains the NUL character (U+0000), which text fields cannot hold.`, {
            extensions: { code: 'BAD_USER_INPUT', http: { status: 400 }, ...(path ? { argumentName: String(path[0]) } : {}) },
          });
        },
      };
    },
  };
}
