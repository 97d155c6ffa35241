/// <reference lib="dom" />
// Attachments end to end, on the real server: the customer attaches a
// screenshot with the paperclip to a new ticket, pastes another and drops a
// file into the chat; the support team sees the images live on their side.
import { deflateSync } from 'node:zlib';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { DESKTOP, PHONE, expectNamedControls, screenshot, signIn, signUp, watchForPageErrors } from './support/page-helpers';
import { createUserWithCli } from './support/textura-cli';

const unique = `${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
const customer = {
  name: 'Marta Ivanova',
  company: `Seaside Inn ${unique}`,
  email: `marta-files-${unique}@example.test`,
  password: 'correct horse battery',
};
const staff = { email: `pavel-${unique}@textura.test`, password: 'staff password 1', name: 'Pavel Support', role: 'staff' as const };

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = (CRC_TABLE[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A valid RGB PNG: a diagonal gradient in the given hue, with a light band. */
function makePng(width: number, height: number, [r, g, b]: [number, number, number]): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // RGB
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3);
    for (let x = 0; x < width; x++) {
      const shade = (x + y) / (width + height);
      const band = y > height * 0.4 && y < height * 0.55 ? 90 : 0;
      row[1 + x * 3] = Math.min(255, Math.round(r * (0.5 + shade)) + band);
      row[2 + x * 3] = Math.min(255, Math.round(g * (0.5 + shade)) + band);
      row[3 + x * 3] = Math.min(255, Math.round(b * (0.5 + shade)) + band);
    }
    rows.push(row);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const chat = (page: Page) => page.getByRole('article', { name: /^Ticket #/ });
const messages = (page: Page) => page.getByRole('log', { name: 'Messages' });
const chips = (scope: Locator) => scope.getByRole('list', { name: 'Files to send' });

/** Dispatches a paste (or drop) of files built in the page from the given bytes. */
async function sendFilesEvent(
  target: Locator,
  kind: 'paste' | 'drop',
  files: { name: string; type: string; bytes: Buffer }[],
): Promise<void> {
  await target.evaluate(
    (element, { kind, files }) => {
      const transfer = new DataTransfer();
      for (const file of files) {
        transfer.items.add(new File([new Uint8Array(file.bytes)], file.name, { type: file.type }));
      }
      if (kind === 'paste') {
        element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
      } else {
        for (const type of ['dragenter', 'dragover', 'drop']) {
          element.dispatchEvent(new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }));
        }
      }
    },
    { kind, files: files.map((file) => ({ ...file, bytes: [...file.bytes] })) },
  );
}

/** The chip shows the name and size, uploads, and ends without a progress bar or error. */
async function expectUploaded(scope: Locator, name: string, size: RegExp): Promise<void> {
  const chip = chips(scope).getByRole('listitem').filter({ hasText: name });
  await expect(chip).toContainText(size);
  await expect(chip).toHaveAttribute('data-status', 'done');
  await expect(chip.getByRole('progressbar')).toHaveCount(0);
  await expect(chip.getByRole('button', { name: `Remove ${name}` })).toBeVisible();
}

async function expectThumbnailLoaded(image: Locator): Promise<void> {
  await expect(image).toBeVisible();
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
}

test('files travel with ticket messages, both ways, with thumbnails', async ({ browser }) => {
  test.setTimeout(150_000);
  createUserWithCli(staff);

  const customerContext = await browser.newContext({ viewport: DESKTOP, colorScheme: 'light' });
  const staffContext = await browser.newContext({ viewport: DESKTOP, colorScheme: 'dark' });
  const me = await customerContext.newPage();
  const team = await staffContext.newPage();
  const customerProblems = watchForPageErrors(me);
  const staffProblems = watchForPageErrors(team);

  await signUp(me, customer);
  await me.goto('/support/new');
  const form = me.getByRole('form', { name: 'New ticket' });
  await expect(form.getByRole('group', { name: 'Screenshots and files (optional)' })).toHaveAccessibleDescription(
    /Up to 10 files, 20 MB each/,
  );

  // The paperclip opens the file picker; the screenshot uploads at once.
  const chooser = me.waitForEvent('filechooser');
  await form.getByRole('button', { name: 'Attach files' }).click();
  await (await chooser).setFiles({ name: 'booking-error.png', mimeType: 'image/png', buffer: makePng(480, 300, [40, 90, 200]) });
  await expectUploaded(form, 'booking-error.png', /KB|B$/);

  // A file over the limit is refused on the spot, saying what to do; removing it drops it.
  await form.getByTestId('attachment-input').setInputFiles({
    name: 'screen-recording.mov',
    mimeType: 'video/quicktime',
    buffer: Buffer.alloc(21 * 1024 * 1024),
  });
  await expect(form.getByRole('alert').filter({ hasText: 'screen-recording.mov is larger than 20 MB — compress it or share a link.' })).toBeVisible();
  await expectNamedControls(me);
  await screenshot(me, 'attachments-new-ticket-desktop-light');
  await form.getByRole('button', { name: 'Remove screen-recording.mov' }).click();
  await expect(chips(form).getByRole('listitem')).toHaveCount(1);

  await form.getByRole('textbox', { name: 'Title' }).fill('Booking page is blank');
  await form.getByRole('radio', { name: /Configuration or feature question/ }).check();
  await form.getByRole('textbox', { name: 'Message' }).fill('The booking page is blank, see the screenshot.');
  await form.getByRole('button', { name: 'Create ticket' }).click();
  await expect(chat(me).getByRole('heading', { name: 'Booking page is blank' })).toBeVisible();
  const first = messages(me).getByRole('link', { name: 'Open booking-error.png full size' });
  await expect(first).toHaveAttribute('target', '_blank');
  await expectThumbnailLoaded(first.getByRole('img', { name: 'booking-error.png' }));
  const full = await me.request.get((await first.getAttribute('href')) ?? '');
  expect(full.status()).toBe(200);
  expect(full.headers()['content-type']).toBe('image/png');

  // The team opens the ticket and sees the screenshot.
  await team.goto('/login');
  await signIn(team, staff.email, staff.password);
  // Staff land on the console queue; this spec follows the ticket in All tickets.
  await expect(team).toHaveURL(/\/console\/queue$/);
  await team.goto('/support');
  await team.getByRole('link', { name: /Booking page is blank/ }).click();
  await expectThumbnailLoaded(
    messages(team).getByRole('link', { name: 'Open booking-error.png full size' }).getByRole('img'),
  );

  // In the chat: a pasted screenshot and a dropped log file, sent without text.
  const composer = me.getByRole('form', { name: 'Write a message' });
  const box = composer.getByRole('textbox', { name: 'Message' });
  // The upload is held back until the chip has been seen uploading, Send disabled meanwhile.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await me.route(/\/api\/v1\/attachments\?filename=/, async (route) => {
    await held;
    await route.continue();
  });
  await sendFilesEvent(box, 'paste', [{ name: 'image.png', type: 'image/png', bytes: makePng(360, 240, [200, 70, 60]) }]);
  const pasted = chips(composer).getByRole('listitem').filter({ hasText: 'image.png' });
  await expect(pasted.getByRole('progressbar', { name: 'Uploading image.png' })).toBeVisible();
  await expect(composer.getByRole('button', { name: 'Send' })).toBeDisabled();
  release();
  await expectUploaded(composer, 'image.png', /KB|B$/);
  await me.unroute(/\/api\/v1\/attachments\?filename=/);
  await expect(composer.getByRole('button', { name: 'Send' })).toBeEnabled();
  await sendFilesEvent(composer, 'drop', [
    { name: 'widget-log.txt', type: 'text/plain', bytes: Buffer.from('error: booking widget timed out\n'.repeat(40)) },
  ]);
  await expectUploaded(composer, 'widget-log.txt', /1 KB/);
  await expectNamedControls(me);
  await screenshot(me, 'attachments-composer-desktop-light', { fullPage: false });
  await expect(box).toHaveValue('');
  await composer.getByRole('button', { name: 'Send' }).click();
  await expect(chips(composer)).toHaveCount(0);

  const sent = messages(me).getByRole('listitem').filter({ has: me.getByRole('list', { name: 'Files' }) }).last();
  await expectThumbnailLoaded(sent.getByRole('link', { name: 'Open image.png full size' }).getByRole('img'));
  await expect(sent.getByRole('link', { name: 'Download widget-log.txt (TXT, 1 KB)' })).toBeVisible();
  await screenshot(me, 'attachments-thread-desktop-light', { fullPage: false });

  // The team sees them live, and answers with a screenshot of their own.
  await expectThumbnailLoaded(
    messages(team).getByRole('link', { name: 'Open image.png full size' }).getByRole('img'),
  );
  await expect(messages(team).getByRole('link', { name: /^Download widget-log\.txt/ })).toBeVisible();
  const teamComposer = team.getByRole('form', { name: 'Write a message' });
  await teamComposer.getByTestId('attachment-input').setInputFiles({
    name: 'fixed-settings.png',
    mimeType: 'image/png',
    buffer: makePng(400, 260, [60, 160, 90]),
  });
  await expectUploaded(teamComposer, 'fixed-settings.png', /KB|B$/);
  await teamComposer.getByRole('textbox', { name: 'Reply to the customer' }).fill('Fixed — this is the setting we changed.');
  await teamComposer.getByRole('button', { name: 'Send' }).click();
  await expectThumbnailLoaded(
    messages(team).getByRole('link', { name: 'Open fixed-settings.png full size' }).getByRole('img'),
  );
  await expectNamedControls(team);
  await screenshot(team, 'attachments-thread-staff-desktop-dark', { fullPage: false });

  // …and the customer gets it live.
  await expectThumbnailLoaded(
    messages(me).getByRole('link', { name: 'Open fixed-settings.png full size' }).getByRole('img'),
  );

  await me.setViewportSize(PHONE);
  await expect(messages(me).getByRole('link', { name: 'Open fixed-settings.png full size' })).toBeVisible();
  await screenshot(me, 'attachments-thread-phone-light', { fullPage: false });

  expect(customerProblems).toEqual([]);
  expect(staffProblems).toEqual([]);
  await customerContext.close();
  await staffContext.close();
});
