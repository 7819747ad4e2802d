import { gzipSync } from 'node:zlib';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import type { Request, Response } from 'express';

const DEFAULT_QUERY = `# Kairos — send your API token in the Headers tab, e.g.
# { "Authorization": "Bearer kairos_…" }
query Upcoming {
  viewer { name email role }
  appointments(first: 5) {
    totalCount
    edges { node { id code startsAt endsAt status customer { name } practitioner { name } } }
  }
}
`;

let page: { html: Buffer; gzip: Buffer } | null = null;

/**
 * GraphiQL's fetcher, run in the browser. Queries and mutations are POSTed to `endpoint` with the
 * Headers tab's headers; a subscription opens a graphql-transport-ws socket on the same path and sends
 * those headers as the `connection_init` payload (Kairos reads the token there: docs/subscriptions.md).
 * Yoga's own fetcher would send subscriptions over SSE, which Kairos does not serve, and its WebSocket
 * client sends no headers. Answers an Observable for a subscription (GraphiQL shows each event), a
 * Promise otherwise; a refused subscription or a closed socket shows as `errors`.
 */
const FETCHER = `function kairosFetcher(endpoint) {
  var url = new URL(endpoint, location.href);
  var wsUrl = (url.protocol === 'https:' ? 'wss:' : 'ws:') + '//' + url.host + url.pathname;
  function isSubscription(params, documentAST) {
    var operations = ((documentAST && documentAST.definitions) || []).filter(function (d) { return d.kind === 'OperationDefinition'; });
    var chosen = params.operationName ? operations.filter(function (d) { return d.name && d.name.value === params.operationName; })[0] : operations.length === 1 ? operations[0] : null;
    return chosen ? chosen.operation === 'subscription' : /^\\s*subscription\\b/.test(params.query.replace(/#[^\\n]*/g, ''));
  }
  return function (params, options) {
    var headers = (options && options.headers) || {};
    if (!isSubscription(params, options && options.documentAST)) {
      return fetch(url.href, {
        method: 'POST',
        headers: Object.assign({ 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' }, headers),
        body: JSON.stringify(params),
      }).then(function (response) { return response.json(); });
    }
    return {
      subscribe: function (observer) {
        var ws = new WebSocket(wsUrl, 'graphql-transport-ws');
        var done = false;
        function finish(result) {
          if (done) return;
          done = true;
          if (result) observer.next(result);
          observer.complete();
          if (ws.readyState === WebSocket.OPEN) ws.close(1000);
        }
        ws.onopen = function () { ws.send(JSON.stringify({ type: 'connection_init', payload: headers })); };
        ws.onmessage = function (event) {
          var message = JSON.parse(event.data);
          if (message.type === 'connection_ack') ws.send(JSON.stringify({ id: '1', type: 'subscribe', payload: params }));
          else if (message.type === 'ping') ws.send(JSON.stringify({ type: 'pong' }));
          else if (message.type === 'next' && !done) observer.next(message.payload);
          else if (message.type === 'error') finish({ errors: message.payload });
          else if (message.type === 'complete') finish();
        };
        ws.onclose = function (event) { finish(event.code === 1000 ? null : { errors: [{ message: 'The WebSocket closed: ' + event.code + ' ' + event.reason }] }); };
        return {
          unsubscribe: function () {
            if (done) return;
            done = true;
            if (ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify({ id: '1', type: 'complete' }));
            ws.close(1000);
          },
        };
      },
    };
  };
}`;

/**
 * The GraphiQL page with {@link FETCHER} handed to Yoga's renderer: its options are inlined as JSON,
 * which cannot carry a function, so the call is rewritten to add one.
 * @throws Error when the renderer's page no longer has the call this rewrites (a changed renderer).
 */
function renderPage(options: Record<string, unknown>, endpoint: string): string {
  const json = JSON.stringify(options);
  const html = renderGraphiQL(options as never);
  const call = html.indexOf('YogaGraphiQL.renderYogaGraphiQL(');
  const at = html.indexOf(json, call);
  if (call < 0 || at < 0) throw new Error('@graphql-yoga/render-graphiql changed its page: the Kairos fetcher cannot be installed');
  const withFetcher = `Object.assign(${json}, { fetcher: kairosFetcher(${JSON.stringify(endpoint)}) })`;
  return html.slice(0, call) + FETCHER + ';\n' + html.slice(call, at) + withFetcher + html.slice(at + json.length);
}

/**
 * Serves GraphiQL (the GraphQL Yoga build, every asset inlined: no CDN, works offline), with a fetcher
 * that runs subscriptions over WebSocket with the Headers tab's token ({@link FETCHER}). The page is
 * rendered and gzip-compressed once, on first use, then answered from memory.
 */
export function serveGraphiQL(defaultHeaders?: string) {
  return (req: Request, res: Response) => {
    if (!page) {
      const html = Buffer.from(renderPage({ title: 'Kairos GraphiQL', defaultQuery: DEFAULT_QUERY, headers: defaultHeaders, headerEditorEnabled: true }, '/graphql'), 'utf8');
      page = { html, gzip: gzipSync(html) };
    }
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.setHeader('Cache-Control', 'no-cache');
    res.setHeader('Vary', 'Accept-Encoding');
    if (/\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
      res.setHeader('Content-Encoding', 'gzip');
      res.end(page.gzip);
    } else {
      res.end(page.html);
    }
  };
}
