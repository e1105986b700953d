import type { Locator, Page } from 'playwright-core';
import { DEMO_PASSWORD } from './api';

/** Waits for the element and returns its text; playwright-core has no web-first assertions. */
export async function textOf(locator: Locator): Promise<string> {
  await locator.waitFor({ state: 'visible' });
  return (await locator.innerText()).trim();
}

/** The page's one h1. */
export const heading = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name });

/** A link of the main navigation. */
export const navLink = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true });

/**
 * Signs in through the sign-in page, as a person would, and waits for the welcome.
 *
 * @example
 * await signInUi(user.page, stack.url, DEMO.knidgro);
 */
export async function signInUi(page: Page, base: string, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto(`${base}/sign-in`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await heading(page, /welcome/i).waitFor();
}

/** A short suffix so names made by one run never collide with another's. */
export const unique = (): string => Date.now().toString(36).slice(-5);
