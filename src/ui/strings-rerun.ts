// User-visible strings of "Re-run from the page" (kept apart from strings.ts while the panel's components change).
export const rerunStrings = {
  section: 'Re-run from the page',
  button: 'Re-run from the page',
  buttonTitle: 'The inspected page sends this request again (same URL, method, headers and credentials mode): check a fix without redeploying the page',
  confirm: (method: string, url: string) => `This makes the page send ${method} ${url} again. A ${method} may change data on the server.`,
  includeBody: (bytes: number) => `Send the captured body (${bytes} bytes)`,
  bodyNotCaptured: 'The body of this request was not captured: the re-run sends none.',
  send: 'Send',
  cancel: 'Cancel',
  sending: 'Sending…',
  waiting: 'Re-run sent; waiting for the page’s request to show up…',
  rerunOf: 'Re-run of',
  rerunAs: 'Re-run as',
  show: (id: string) => `Show ${id}`,
  failed: (error: string) => `The re-run could not be started: ${error}`,
} as const;
