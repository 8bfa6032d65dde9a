/**
 * The demo loader, on the top floor because it uses every concept: loads the example project (the
 * repository's {@code requirements/} and {@code evidence/}) as demo data on first start in demo mode, so a
 * new user sees a realistic release right away.
 */
package io.tracegate.demo;
