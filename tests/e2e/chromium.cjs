// Debian's headless Chromium for the end-to-end scripts, trusting exactly the test server's key
// (SERVER_SPKI: base64 SHA-256 of its SPKI) through --ignore-certificate-errors-spki-list, never
// every certificate.
'use strict';
const { chromium } = require('playwright-core');

function launchChromium() {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    timeout: 60000,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
      '--ignore-certificate-errors-spki-list=' + process.env.SERVER_SPKI],
  });
}

module.exports = { launchChromium };
