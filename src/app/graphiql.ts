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
 * Serves GraphiQL (the GraphQL Yoga build, every asset inlined: no CDN, works offline). The page is
 * rendered and gzip-compressed once, on first use, then answered from memory.
 */
export function serveGraphiQL(defaultHeaders?: string) {
  return (req: Request, res: Response) => {
    if (!page) {
      const html = Buffer.from(
        renderGraphiQL({ title: 'Kairos GraphiQL', endpoint: '/graphql', defaultQuery: DEFAULT_QUERY, headers: defaultHeaders, headerEditorEnabled: true } as never),
        'utf8',
      );
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
