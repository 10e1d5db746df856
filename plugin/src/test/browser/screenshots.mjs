// Renders the plugin's pages of a running Jenkins in headless Chromium and saves one PNG per page.
// Run by BrowserScreenshotsTest (see README.md); exits 1 listing every JavaScript console error,
// page error and HTTP error status it saw, or any step that did not work.
//
//   node screenshots.mjs --jenkins http://localhost:8080/jenkins/ --build job/release-gate/1/ \
//     --pipeline-job job/release-gate/ --freestyle-job job/nightly-export/ \
//     --promotion-build job/release-promotion/1/ --declarative-build job/release-declarative/1/ \
//     --aborted-build job/stuck-export/1/ --folder job/team/ --out ../../../target/screenshots
//
// On the plugin's forms (snippet generator, freestyle builder, global configuration) a console
// warning is a problem too: Jenkins' form scripts warn, rather than fail, when a field is not where
// they expect it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';

const { values: opts } = parseArgs({
  options: {
    jenkins: { type: 'string' },
    build: { type: 'string' },
    'pipeline-job': { type: 'string' },
    'freestyle-job': { type: 'string' },
    'promotion-build': { type: 'string' },
    'declarative-build': { type: 'string' },
    'aborted-build': { type: 'string' },
    folder: { type: 'string' },
    out: { type: 'string' },
    chromium: { type: 'string', default: '/usr/bin/chromium' },
  },
});
for (const name of [
  'jenkins',
  'build',
  'pipeline-job',
  'freestyle-job',
  'promotion-build',
  'declarative-build',
  'aborted-build',
  'folder',
  'out',
]) {
  if (!opts[name]) {
    console.error(`missing --${name}`);
    process.exit(2);
  }
}

const STEP_LABEL = /^waitForDataWorksMigration\b/;
const SUMMARY = 'DataWorks migration 20001 in workspace 10001 (nightly_export): EXPORT_SUCCESS — SUCCESS';
// Generous: the check also runs on a busy build machine, where a page of Jenkins can take a while.
const WAIT = { timeout: 120_000 };

// Warnings of Jenkins' own page machinery, not of a field of the plugin: the snippet generator's
// step list warns when a step is picked while the previous one's form is still being rendered.
const CORE_WARNINGS = [/^renderOnDemandCallback: selection is no longer valid/];

const problems = [];
// Set while a page with one of the plugin's forms is open: its console warnings are problems.
let onForm = false;
const userDataDir = mkdtempSync(join(tmpdir(), 'dataworks-chromium-'));
let context;
try {
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: opts.chromium,
    headless: true,
    viewport: { width: 1280, height: 900 },
    deviceScaleFactor: 1,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(WAIT.timeout);
  page.on('console', (msg) => {
    const where = msg.location()?.url ? ` (${msg.location().url}:${msg.location().lineNumber})` : '';
    if (msg.type() === 'error') {
      problems.push(`console error on ${page.url()}: ${msg.text()}${where}`);
    } else if (msg.type() === 'warning' && onForm && !CORE_WARNINGS.some((w) => w.test(msg.text()))) {
      problems.push(`console warning on the form ${page.url()}: ${msg.text()}${where}`);
    }
  });
  page.on('pageerror', (error) => problems.push(`page error on ${page.url()}: ${error.stack ?? error}`));
  page.on('response', (response) => {
    if (response.status() >= 400) {
      problems.push(`HTTP ${response.status()} for ${response.url()} (on ${page.url()})`);
    }
  });

  const open = async (path, { form = false } = {}) => {
    onForm = form;
    const url = new URL(path, opts.jenkins).toString();
    console.log(`open ${url}`);
    const response = await page.goto(url, { waitUntil: 'load' });
    if (!response || !response.ok()) {
      throw new Error(`${url} answered ${response ? response.status() : 'nothing'}`);
    }
  };
  // Waits until the page made no request for half a second: lists filled, fields validated.
  const settle = () => page.waitForLoadState('networkidle', WAIT);
  // Validation errors Jenkins shows in a form whose fields were all filled in correctly.
  const expectNoValidationErrors = async (scope, where) => {
    for (const error of await scope.locator('.validation-error-area--visible .error').allInnerTexts()) {
      problems.push(`validation error in ${where}: ${error}`);
    }
  };
  // Saves as out/name the rectangle from the top of the first locator to the bottom of the last,
  // as wide as `across` (default: the widest of them), with a margin.
  const save = async (locators, name, { across, margin = 12 } = {}) => {
    await page.evaluate(() => {
      // The sticky header would be drawn across a tall element, and nothing below is about it.
      document.querySelector('#page-header')?.style.setProperty('display', 'none', 'important');
      for (const e of document.querySelectorAll('body *')) {
        if (getComputedStyle(e).position === 'sticky') {
          e.style.setProperty('position', 'static', 'important');
        }
      }
      document.activeElement?.blur();
    });
    await page.mouse.move(0, 0);
    const boxes = [];
    for (const locator of [locators, across ?? []].flat()) {
      const box = await locator.evaluate((e) => {
        const r = e.getBoundingClientRect();
        return { x: r.left + window.scrollX, y: r.top + window.scrollY, right: r.right + window.scrollX, bottom: r.bottom + window.scrollY };
      });
      boxes.push(box);
    }
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    const wide = across ? boxes.slice(-1) : boxes;
    const tall = across ? boxes.slice(0, -1) : boxes;
    const side = across ? 0 : margin;
    const x = Math.max(0, Math.min(...wide.map((b) => b.x)) - side);
    const right = Math.min(width, Math.max(...wide.map((b) => b.right)) + side);
    const y = Math.max(0, Math.min(...tall.map((b) => b.y)) - margin);
    const bottom = Math.max(...tall.map((b) => b.bottom)) + margin;
    const path = join(opts.out, name);
    await page.screenshot({
      path,
      fullPage: true,
      clip: { x, y, width: right - x, height: bottom - y },
      animations: 'disabled',
    });
    console.log(`saved ${path}`);
  };
  // f:advanced: clicks each Advanced button of the scope that is not expanded yet.
  const expandAdvanced = async (scope) => {
    const collapsed = scope.locator('button.advanced-button:visible:not([data-expanded="true"])');
    if ((await collapsed.count()) === 0) {
      throw new Error('no Advanced button to expand');
    }
    for (let i = 0; i < 10 && (await collapsed.count()) > 0; i++) {
      await collapsed.first().click();
    }
  };

  // (1) The finished gate build's page with the plugin's summary.
  await open(opts.build);
  await page.getByText(SUMMARY).first().waitFor(WAIT);
  await page.getByText('release.zip').first().waitFor(WAIT);
  await save([page.locator('#main-panel h1').first(), page.getByText('Last RequestId').first()], 'build-summary.png', {
    across: page.locator('#main-panel'),
  });

  // (2) The snippet generator with waitForDataWorksMigration selected, Advanced expanded, and a
  // generated snippet.
  await open(new URL('pipeline-syntax/', new URL(opts['pipeline-job'], opts.jenkins)).toString(), { form: true });
  const stepSelect = page.locator('select:has(option)').filter({ hasText: 'waitForDataWorksMigration' }).first();
  const label = (await stepSelect.locator('option').allTextContents()).find((t) => STEP_LABEL.test(t.trim()));
  if (!label) {
    throw new Error('waitForDataWorksMigration is not among the snippet generator steps');
  }
  await stepSelect.selectOption({ label: label.trim() });
  await settle();
  // The innermost container holding the step's fields.
  const stepForm = page
    .locator('.dropdownList-container')
    .filter({ has: page.locator('input[name="_.projectId"]:visible') })
    .last();
  await page.locator('input[name="_.projectId"]:visible').fill('10001');
  await page.locator('input[name="_.migrationId"]:visible').fill('20001');
  const credentials = page.locator('select[name="_.credentialsId"]:visible');
  await credentials.locator('option[value="dataworks-test"]').waitFor({ state: 'attached', ...WAIT });
  await credentials.selectOption('dataworks-test');
  await page.locator('input[name="_.region"]:visible').fill('cn-shanghai');
  await expandAdvanced(stepForm);
  await page.locator('input[name="_.timeout"]:visible').fill('2h');
  await page.locator('input[name="_.timeout"]:visible').blur();
  await settle();
  await expectNoValidationErrors(stepForm, 'the snippet generator');
  await page.getByRole('button', { name: 'Generate Pipeline Script' }).click();
  const snippet = page.locator('#prototypeText');
  await page.waitForFunction(
    () => document.querySelector('#prototypeText')?.value.startsWith('waitForDataWorksMigration'),
    null,
    WAIT,
  );
  console.log(`snippet: ${await snippet.inputValue()}`);
  await save([stepSelect, snippet], 'snippet-generator.png', { across: page.locator('#main-panel') });

  // (3) The freestyle job's configure page at the builder, after Test connection.
  await open(new URL('configure', new URL(opts['freestyle-job'], opts.jenkins)).toString(), { form: true });
  const chunk = page.locator('.repeated-chunk').filter({ hasText: 'Wait for a DataWorks migration' }).first();
  await chunk.waitFor(WAIT);
  await settle();
  await expandAdvanced(chunk);
  await chunk.getByRole('button', { name: 'Test connection' }).click();
  await chunk.getByText(/Connected: migration 'nightly_export'/).waitFor(WAIT);
  await expectNoValidationErrors(chunk, 'the freestyle builder');
  await save(chunk, 'freestyle-builder.png');

  // (4) The global configuration at the plugin's section.
  await open('manage/configure', { form: true });
  const section = page.locator('.jenkins-section').filter({ hasText: 'DataWorks Migration' }).last();
  await section.waitFor(WAIT);
  await settle();
  await expandAdvanced(section);
  await section.locator('textarea[name="_.allowedEndpoints"]').waitFor({ state: 'visible', ...WAIT });
  await settle();
  await expectNoValidationErrors(section, 'the global configuration');
  await save(section, 'global-configuration.png');

  // (5) The console of a finished promotion: both migrations, the package, the final line.
  await open(new URL('console', new URL(opts['promotion-build'], opts.jenkins)).toString());
  const consoleOutput = page.locator('pre.console-output').first();
  await consoleOutput.getByText(/DataWorks promotion: SUCCESS/).waitFor(WAIT);
  await save(consoleOutput, 'promotion-console.png');

  // (6) A Declarative Pipeline's build page: the wait ran in a stage.
  await open(opts['declarative-build']);
  await page.getByText(/DataWorks migration 20001 in workspace 10001[\s\S]*EXPORT_SUCCESS/).first().waitFor(WAIT);
  await save([page.locator('#main-panel h1').first(), page.getByText('Last RequestId').first()], 'declarative-build.png', {
    across: page.locator('#main-panel'),
  });

  // (7) An aborted wait's build page: what it shows of the wait and of the migration.
  await open(opts['aborted-build']);
  const aborted = page.getByText(/DataWorks migration 20006 in workspace 10001/).first();
  await aborted.waitFor(WAIT);
  // Down to the end of the wait's whole block (the summary's cell), not just its title line: what
  // the page says of the cancelled wait and of the migration is in the lines below it.
  await save([page.locator('#main-panel h1').first(), aborted.locator('xpath=ancestor::td[1]')], 'aborted-wait.png', {
    across: page.locator('#main-panel'),
  });

  // (8) The credentials of a folder: where a team keeps its AccessKey for the jobs inside.
  await open(new URL('credentials/', new URL(opts.folder, opts.jenkins)).toString());
  const stores = page.locator('#main-panel');
  await stores.getByText('dataworks-team').first().waitFor(WAIT);
  await save(stores, 'folder-credentials.png');

  // (9) A promotion's build page: the export's and the import's block, apart.
  await open(opts['promotion-build']);
  const blocks = page.getByText(/^DataWorks migration \d+ in workspace \d+/);
  await blocks.nth(1).waitFor(WAIT);
  // From the last line of the first block to the title of the second.
  const gap = await page.evaluate(() => {
    const titles = [...document.querySelectorAll('#main-panel strong')].filter((e) =>
      /^DataWorks migration \d+ in workspace \d+/.test(e.textContent),
    );
    if (titles.length < 2) {
      return null;
    }
    const first = document.createRange();
    first.selectNodeContents(titles[0].closest('td'));
    return titles[1].getBoundingClientRect().top - first.getBoundingClientRect().bottom;
  });
  if (gap === null || gap < 8) {
    problems.push(`the promotion's two migration blocks are ${gap}px apart: they run together`);
  }
  await save([page.locator('#main-panel h1').first(), page.getByText('Last RequestId').last()], 'promotion-build.png', {
    across: page.locator('#main-panel'),
  });
} catch (error) {
  problems.push(`step failed: ${error.stack ?? error}`);
} finally {
  await context?.close();
  rmSync(userDataDir, { recursive: true, force: true });
}

if (problems.length > 0) {
  console.error(`${problems.length} problem(s):`);
  for (const problem of problems) {
    console.error(`- ${problem}`);
  }
  process.exit(1);
}
console.log('no console errors, page errors or HTTP errors');
