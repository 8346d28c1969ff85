// A real OpenID provider (panva's oidc-provider 8, pinned by package-lock.json) for Gatehouse's
// relying-party tests. Started by tests/testsupport/oidcprovider.cpp as
//
//     node tests/oidc/provider.mjs config.json
//
// It binds 127.0.0.1 first (port 0, or config.port to come back on the same address after a
// key rotation), builds the Provider with the issuer of the address it got, and then prints
// exactly one line on stdout: `oidc-provider ready http://127.0.0.1:<port>`. Everything else
// goes to stderr. Exit codes: 0 after SIGTERM/SIGINT or the end of a piped stdin, 2 bad
// configuration, 3 port taken.
//
// config.json (written by the C++ side):
//   clients: [{client_id, client_secret, redirect_uris, token_endpoint_auth_method,
//              id_token_signed_response_alg}]
//   accounts: [{sub, password, email, email_verified?, preferred_username, name}]
//   keys: a JWKS with private keys; the ID tokens are signed with them
//   idTokenTtl: seconds; clockSkewSeconds: optional; port: optional
//
// Clock skew: the provider's whole idea of "now" (Date.now) is shifted by clockSkewSeconds,
// as on a host whose clock is wrong. oidc-provider stamps iat/exp from Date.now (and checks
// its own codes, interactions and sessions against it), so a flow still completes and the
// ID token comes out with iat = real now + skew, exp = iat + idTokenTtl: a skew of -7200
// with idTokenTtl 3600 gives a token that expired an hour ago, +3600 one issued in the future.
// oidc-provider has no per-token hook for ID token iat/exp (extraTokenClaims only reaches
// access tokens, clockTolerance only governs JWTs it receives), hence the clock.

import { once } from 'node:events';
import { fstatSync, readFileSync } from 'node:fs';
import * as crypto from 'node:crypto';
import * as http from 'node:http';

// oidc-provider prints NOTICEs with console.info; stdout carries only the ready line.
console.info = console.log = (...args) => console.error(...args);

function fail(code, message) {
  console.error(`provider.mjs: ${message}`);
  process.exit(code);
}

let config;
try {
  config = JSON.parse(readFileSync(process.argv[2], 'utf8'));
} catch (error) {
  fail(2, `cannot read the configuration ${process.argv[2]}: ${error.message}`);
}
const accounts = config.accounts ?? [];
const skewSeconds = Number(config.clockSkewSeconds ?? 0);
if (skewSeconds !== 0) {
  const realNow = Date.now.bind(Date);
  Date.now = () => realNow() + skewSeconds * 1000;
}

const { default: Provider } = await import('oidc-provider');

const server = http.createServer();
server.on('error', (error) => {
  if (error.code === 'EADDRINUSE') fail(3, `EADDRINUSE: port ${config.port} is taken`);
  fail(1, `listen: ${error.message}`);
});
server.listen(Number(config.port ?? 0), '127.0.0.1');
await once(server, 'listening');
const issuer = `http://127.0.0.1:${server.address().port}`;

const escapeHtml = (text) => String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

// The algorithm a key signs with, for the discovery document: a provider announces only
// what it can sign.
function keyAlg(jwk) {
  if (jwk.alg) return jwk.alg;
  if (jwk.kty === 'RSA') return 'RS256';
  if (jwk.kty === 'EC') return { 'P-256': 'ES256', 'P-384': 'ES384', 'P-521': 'ES512' }[jwk.crv];
  return 'EdDSA';
}

// Interactions and sessions live as long as the skew needs: their cookies' Expires is
// computed from the shifted clock and the HTTP client drops a cookie already expired.
const slack = Math.max(0, -skewSeconds);

const configuration = {
  clients: (config.clients ?? []).map((client) => ({
    grant_types: ['authorization_code'],
    response_types: ['code'],
    ...client,
  })),
  jwks: config.keys,
  cookies: { keys: [crypto.randomBytes(32).toString('base64url')] },
  pkce: { methods: ['S256'], required: () => true },
  scopes: ['openid', 'profile', 'email'],
  claims: {
    openid: ['sub'],
    profile: ['preferred_username', 'name'],
    email: ['email', 'email_verified'],
  },
  // The scopes' claims go into the ID token itself (not only the userinfo endpoint): the
  // relying party reads email and name from the ID token, as many providers deliver them.
  conformIdTokenClaims: false,
  enabledJWA: { idTokenSigningAlgValues: [...new Set((config.keys?.keys ?? []).map(keyAlg))] },
  features: { devInteractions: { enabled: false } },
  ttl: {
    IdToken: Number(config.idTokenTtl ?? 3600),
    AccessToken: 600,
    Interaction: 600 + slack,
    Session: 3600 + slack,
    Grant: 3600 + slack,
  },
  interactions: { url: (ctx, interaction) => `/interaction/${interaction.uid}` },
  async findAccount(ctx, sub) {
    const account = accounts.find((candidate) => candidate.sub === sub);
    if (!account) return undefined;
    return {
      accountId: account.sub,
      async claims() {
        const claims = {
          sub: account.sub,
          email: account.email,
          preferred_username: account.preferred_username,
          name: account.name,
        };
        if (account.email_verified !== undefined) claims.email_verified = account.email_verified;
        return claims;
      },
    };
  },
  // No consent screen: every login grants what the request asked for, as a first-party
  // provider configured for this client would.
  async loadExistingGrant(ctx) {
    const grant = new ctx.oidc.provider.Grant({
      clientId: ctx.oidc.client.clientId,
      accountId: ctx.oidc.session.accountId,
    });
    grant.addOIDCScope([...ctx.oidc.requestParamScopes].join(' '));
    grant.addOIDCClaims([...ctx.oidc.requestParamClaims]);
    await grant.save();
    return grant;
  },
};

let provider;
try {
  provider = new Provider(issuer, configuration);
  // Static clients are checked on first use; check them now, so a bad one fails the start
  // with its reason rather than the first authorization request with an error page.
  for (const client of configuration.clients) {
    if (!await provider.Client.find(client.client_id)) throw new Error(`client ${client.client_id} not found`);
  }
} catch (error) {
  fail(2, `invalid configuration: ${error.message} ${error.error_description ?? ''}`);
}
provider.on('server_error', (ctx, error) => console.error('server_error', error));
provider.on('grant.error', (ctx, error) => console.error(`grant.error: ${error.message} (${error.error_description})`));

function page(uid, message) {
  const notice = message ? `<p class="error">${escapeHtml(message)}</p>` : '';
  return `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Sign in</title></head><body>
<h1>Sign in</h1>${notice}
<form method="post" action="/interaction/${uid}/login">
<input name="login" autocomplete="username"> <input name="password" type="password">
<button type="submit">Sign in</button>
</form>
<form method="post" action="/interaction/${uid}/abort"><button type="submit">Cancel</button></form>
</body></html>
`;
}

async function formBody(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

function send(res, status, html) {
  res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(html);
}

// The login form: GET /interaction/:uid shows it, POST .../login checks the accounts list,
// POST .../abort refuses. interactionDetails() throws for an unknown or expired uid (or a
// missing interaction cookie), which answers 400.
async function interaction(req, res) {
  const [, , uid, action] = new URL(req.url, issuer).pathname.split('/');
  const details = await provider.interactionDetails(req, res);
  if (details.uid !== uid) return send(res, 400, 'interaction mismatch');
  if (req.method === 'GET' && action === undefined) return send(res, 200, page(uid));
  if (req.method !== 'POST') return send(res, 405, 'method not allowed');
  if (action === 'abort') {
    const result = { error: 'access_denied', error_description: 'The user cancelled the sign-in.' };
    return provider.interactionFinished(req, res, result, { mergeWithLastSubmission: false });
  }
  if (action !== 'login') return send(res, 404, 'not found');
  const form = await formBody(req);
  const account = accounts.find((candidate) => candidate.sub === form.get('login')
    || candidate.preferred_username === form.get('login') || candidate.email === form.get('login'));
  if (!account || account.password !== form.get('password')) {
    console.error(`interaction ${uid}: wrong login or password`);
    return send(res, 200, page(uid, 'Invalid login or password.'));
  }
  const result = { login: { accountId: account.sub } };
  return provider.interactionFinished(req, res, result, { mergeWithLastSubmission: false });
}

const callback = provider.callback();
server.on('request', (req, res) => {
  if (!req.url.startsWith('/interaction/')) return callback(req, res);
  interaction(req, res).catch((error) => {
    console.error(`interaction: ${error.name}: ${error.message}`);
    if (!res.headersSent) send(res, 400, escapeHtml(error.message));
  });
  return undefined;
});

function shutdown() {
  server.close(() => process.exit(0));
  server.closeAllConnections();
}
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
// Started through a pipe (QProcess), it goes when the pipe closes: a test killed outright
// (a ctest timeout, SIGKILL) leaves no provider behind.
if (fstatSync(0).isFIFO()) {
  process.stdin.on('end', shutdown);
  process.stdin.resume();
}

process.stdout.write(`oidc-provider ready ${issuer}\n`);
