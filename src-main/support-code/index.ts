// Support codes: encode a machine's verdict and key facts into "ACS-XXXX-XXXX", decode them back, draw a QR code.
export { encodeSupportCode, encodeSupportSummary, decodeSupportCode, SUPPORT_CODE_PREFIX, type SupportCodeDecodeResult } from './codec.js';
export { summarizeForSupportCode, describeSupportSummary, type SupportSummary } from './summary.js';
export { supportCodeQrSvg } from './qr.js';
export { CODED_WINDOWS_RELEASES } from './windows-releases.js';
export { adviseSupportSummary, type SupportAdvice, type SupportNextStep } from './advice.js';
