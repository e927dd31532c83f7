// The browser-mode server's static files: the app's page and scripts with their security headers, and nothing
// outside the static root whatever the path says.
import { readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../shared/csp';
import { TOKEN_HEADER } from './http-server';
import { APP_JS, INDEX_HTML, SECRET, TOKEN, useHttpServer } from '../../test/support/http-server';

describe('browser-mode HTTP server', () => {
  const server = useHttpServer();
  const { send, json } = server;

  describe('static files', () => {
    it.each(['/', '/index.html'])('GET %s serves index.html with the CSP and no-store', async (path) => {
      const reply = await send({ path });
      expect(reply.status).toBe(200);
      expect(reply.body).toBe(INDEX_HTML);
      expect(reply.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(reply.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
      expect(reply.headers['x-content-type-options']).toBe('nosniff');
      expect(reply.headers['x-frame-options']).toBe('DENY');
      expect(reply.headers['cache-control']).toBe('no-store');
    });

    it('GET /assets/app.js serves the script with the CSP', async () => {
      const reply = await send({ path: '/assets/app.js' });
      expect(reply.status).toBe(200);
      expect(reply.body).toBe(APP_JS);
      expect(reply.headers['content-type']).toBe('text/javascript; charset=utf-8');
      expect(reply.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
      expect(Number(reply.headers['content-length'])).toBe(Buffer.byteLength(APP_JS));
    });

    it('HEAD gives the headers without the body', async () => {
      const reply = await send({ method: 'HEAD', path: '/assets/app.js' });
      expect(reply.status).toBe(200);
      expect(reply.body).toBe('');
      expect(Number(reply.headers['content-length'])).toBe(Buffer.byteLength(APP_JS));
    });

    it.each(['/missing.html', '/assets', '/assets/', '/assets/nope.js'])('GET %s gives 404', async (path) => {
      const reply = await send({ path });
      expect(reply.status).toBe(404);
      expect(json(reply).error?.code).toBe('not_found');
    });

    it.each([
      '/../package.json',
      '/../secret.txt',
      '/../../../../etc/passwd',
      '/%2e%2e/%2e%2e/etc/passwd',
      '/%2e%2e/secret.txt',
      '/..%2f..%2fetc/passwd',
      '/..%2fsecret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/assets/..%5c..%5cx',
      '/assets/..%5c..%5csecret.txt',
      '/%2e%2e%5csecret.txt',
      '/index.html%00',
      '/%00../secret.txt',
      '/%E0%A4%A',
    ])('traversal attempt %s gives 404 and no file content', async (path) => {
      const reply = await send({ path });
      expect(reply.status).toBe(404);
      expect(reply.body).not.toContain(SECRET);
      expect(reply.body).not.toContain('root:');
      expect(reply.body).not.toContain('"name": "liseuse"');
      expect(reply.body).not.toContain('Liseuse index');
    });

    it('a raw NUL byte in the request line is refused without any file content', async () => {
      const raw = await new Promise<string>((done, fail) => {
        const socket = connect(server.running.port, '127.0.0.1', () => {
          socket.write(`GET /index.html\u0000/../../secret.txt HTTP/1.1\r\nHost: 127.0.0.1:${server.running.port}\r\nConnection: close\r\n\r\n`);
        });
        let text = '';
        socket.on('data', (chunk: Buffer) => (text += chunk.toString('latin1')));
        socket.on('end', () => done(text));
        socket.on('error', fail);
      });
      expect(raw).toMatch(/^HTTP\/1\.1 4\d\d /);
      expect(raw).not.toContain(SECRET);
      expect(raw).not.toContain('Liseuse index');
    });

    it('the request target "//" is answered as a client error, not a server error', async () => {
      const reply = await send({ path: '//' });
      expect(reply.status).toBeGreaterThanOrEqual(400);
      expect(reply.status).toBeLessThan(500);
    });

    it.each(['/', '/index.html', '/assets/app.js'])('POST to the static path %s gives 405', async (path) => {
      const reply = await send({ method: 'POST', path, headers: { 'content-type': 'application/json', [TOKEN_HEADER]: TOKEN }, body: '{}' });
      expect(reply.status).toBe(405);
      expect(reply.headers.allow).toBe('GET, HEAD');
      expect(reply.body).not.toContain('Liseuse index');
    });

    it('the secret file really exists beside the static root (the traversal tests aim at something)', () => {
      expect(readFileSync(join(server.staticDir, '..', 'secret.txt'), 'utf8')).toBe(SECRET);
    });
  });
});
