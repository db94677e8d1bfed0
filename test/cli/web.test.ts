/**
 * The dashboard server without a browser: the token endpoint (the page's own backend) and the
 * bundled page script.
 */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DashboardServer, serveDashboard } from '../../src/cli/web.js';
import { type Simulator, startSimulator } from '../../src/simulator/index.js';

describe('dashboard server', () => {
  let sim: Simulator;
  let dashboard: DashboardServer;

  beforeAll(async () => {
    sim = await startSimulator({ seed: 3, script: false });
    dashboard = await serveDashboard({ simulator: sim });
  }, 30_000);

  afterAll(async () => {
    await dashboard?.close();
    await sim?.close();
  });

  const tokens = (conferenceId: string, method = 'POST') =>
    fetch(`${dashboard.url}api/meeting-tokens?conferenceId=${conferenceId}`, { method });

  it('serves the page on 127.0.0.1 with a CSP that allows only itself and the meeting socket', async () => {
    expect(dashboard.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const page = await fetch(dashboard.url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('data-testid="roster"');
    expect(page.headers.get('content-security-policy')).toContain(`connect-src 'self' ${sim.wsUrl}`);
  });

  it('names the default meeting', async () => {
    const answer = await fetch(`${dashboard.url}api/meeting`);
    expect(await answer.json()).toEqual({ conferenceId: sim.conferenceId });
  });

  it('answers with fresh tokens and never with the host password', async () => {
    const first = await tokens(sim.conferenceId);
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toBe('no-store');
    const text = await first.text();
    expect(text).not.toContain(sim.hostPassword);
    const body = JSON.parse(text) as Record<string, string>;
    expect(Object.keys(body).sort()).toEqual(['confToken', 'webSocketToken', 'wsURL']);
    expect(body['wsURL']).toBe(sim.wsUrl);

    // The control token is reused while valid; the WebSocket token is single-use, so always new.
    const second = (await (await tokens(sim.conferenceId)).json()) as Record<string, string>;
    expect(second['confToken']).toBe(body['confToken']);
    expect(second['webSocketToken']).not.toBe(body['webSocketToken']);
  });

  it('refuses GET on the token endpoint and answers MEETING_NOT_FOUND for an unknown meeting', async () => {
    expect((await tokens(sim.conferenceId, 'GET')).status).toBe(405);
    const unknown = await tokens('000000000');
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { error: { code: string } }).error.code).toBe('MEETING_NOT_FOUND');
  });

  it('passes the typed error on once the meeting has ended', async () => {
    const other = await startSimulator({ seed: 4, script: false });
    const server = await serveDashboard({ simulator: other });
    try {
      other.end();
      const answer = await fetch(`${server.url}api/meeting-tokens?conferenceId=${other.conferenceId}`, {
        method: 'POST',
      });
      expect(answer.status).toBe(404);
      const { error } = (await answer.json()) as { error: { code: string; message: string } };
      expect(error.code).toBe('MEETING_NOT_FOUND');
      expect(error.message).not.toContain(other.hostPassword);
    } finally {
      await server.close();
      await other.close();
    }
  });

  it('refuses a request naming another host (DNS rebinding)', async () => {
    const { port } = new URL(dashboard.url);
    const statusFor = (host: string) =>
      new Promise<number | undefined>((resolve, reject) => {
        const req = request({ host: '127.0.0.1', port, path: '/api/meeting', headers: { host } }, (res) => {
          res.resume();
          resolve(res.statusCode);
        });
        req.on('error', reject);
        req.end();
      });
    expect(await statusFor(`evil.example:${port}`)).toBe(403);
    expect(await statusFor(`localhost:${port}`)).toBe(200);
  });

  it('bundles the page script the way the browser build is made, without any Node code', async () => {
    const script = await (await fetch(`${dashboard.url}dashboard.js`)).text();
    expect(script).toContain('connectMeeting');
    // The browser twin of node-runtime.ts is in, the Node loaders and `ws` are not even stubbed.
    expect(script).toContain('tls.ca is only supported on Node.js');
    expect(script).not.toContain('createNodeWebSocket');
    expect(script).not.toMatch(/["'](ws|node:[\w/]+)["']/);
    expect(script).not.toContain('WebSocketServer');
    expect(script).not.toContain('permessage-deflate');
  });
});
