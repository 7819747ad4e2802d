import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { Context } from './context.js';
import { checkInputBounds } from './input-guard.js';
import { cachedOperationCost, limitError, type QueryLimits } from './query-limits.js';
import { rateLimitHeaders, RateLimitedError, type PolicyState, type RateLimiter } from './rate-limit.js';

/** What the guard needs to know of a request beyond its GraphQL context. */
export interface GuardedContext extends Context {
  rate: {
    /** The pre-authentication key and policy the request spent its base cost from. */
    policy: 'token' | 'anonymous';
    key: string;
    /** Where the policies stand after this request's spending; sent as RateLimit header fields. */
    states: PolicyState[];
    /** Gives back the request's in-flight place ({@link RateLimiter.enter}); idempotent. */
    release: () => void;
  };
}

/**
 * Checks a resolved operation before it runs, in this order: not a subscription (those run over
 * WebSocket, src/modules/events/subscription-server.ts), input bounds (src/app/input-guard.ts),
 * estimated cost against `maxCost`, then the operation's cost (plus the base cost, for the
 * organisation) against the rate limits. Every response carries the RateLimit header fields.
 * @throws GraphQLError BAD_REQUEST (a subscription), BAD_USER_INPUT (bounds), GRAPHQL_VALIDATION_FAILED with `limit: maxCost`,
 *   RATE_LIMITED (HTTP 429, `Retry-After`).
 */
export function requestGuardPlugin(limits: QueryLimits, rateLimiter: RateLimiter): ApolloServerPlugin<GuardedContext> {
  const windowSeconds = rateLimiter.limits.windowSeconds;
  return {
    async requestDidStart({ contextValue: ctx }) {
      return {
        async didResolveOperation({ request, document, operation, operationName, schema }) {
          if (!operation) return;
          // Apollo would run a subscription over HTTP as a query, with no event to answer.
          if (operation.operation === 'subscription') {
            throw new GraphQLError('Subscriptions run over WebSocket (the graphql-transport-ws protocol) at /graphql, not over HTTP (docs/subscriptions.md).', { extensions: { code: 'BAD_REQUEST', http: { status: 400 } } });
          }
          checkInputBounds(schema, document, operation, request.variables);
          const cost = cachedOperationCost(schema, document, request.variables, operationName, limits.listFactor);
          if (cost > limits.maxCost) {
            throw limitError('maxCost', `The operation's estimated cost is ${cost}; at most ${limits.maxCost} is allowed. Ask for fewer items (\`first\`), fewer aliases or less nesting.`, limits.maxCost);
          }
          try {
            const states = [await rateLimiter.spend(ctx.rate.policy, ctx.rate.key, cost)];
            if (ctx.viewer) states.push(await rateLimiter.spend('organisation', ctx.viewer.organisationId, rateLimiter.limits.baseCost + cost));
            ctx.rate.states = states;
          } catch (error) {
            if (!(error instanceof RateLimitedError)) throw error;
            ctx.rate.states = [error.state];
            ctx.rate.release();
            await error.pace(rateLimiter.limits.refusalDelayMs);
            throw error.toGraphQLError(windowSeconds);
          }
        },
        async willSendResponse({ response }) {
          if (!ctx.rate.states.length) return;
          for (const [name, value] of Object.entries(rateLimitHeaders(ctx.rate.states, windowSeconds))) response.http.headers.set(name, value);
        },
      };
    },
  };
}
