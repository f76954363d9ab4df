// The program's version, shown by --version and written into every snapshot and report.
export const PROGRAM_VERSION = '0.1.0';
export const PROGRAM_NAME = 'acs-support-assistant';
