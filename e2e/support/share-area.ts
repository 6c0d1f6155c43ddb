import { expect } from '@playwright/test';
import type { PlaygroundPage } from './app';

/** Export, import, share links and code: what the open conversation can be turned into. */
export class ShareArea {
  constructor(private readonly app: PlaygroundPage) {}

  /** Runs `action` and returns the file the page downloads because of it. */
  async download(action: () => Promise<void>): Promise<{ name: string; text: string }> {
    const [file] = await Promise.all([this.app.page.waitForEvent('download'), action()]);
    const stream = await file.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return { name: file.suggestedFilename(), text: Buffer.concat(chunks).toString('utf8') };
  }

  /** Share menu: export the open conversation in the app's JSON format. */
  exportJSON(): Promise<{ name: string; text: string }> {
    return this.download(() => this.app.page.getByTestId('export-json-button').click());
  }

  /** Share menu: any entry of the "more" menu (Markdown, Web page, request body, Export all…). */
  async exportMenu(item: RegExp): Promise<{ name: string; text: string }> {
    await this.app.page.getByRole('button', { name: 'More export and import options' }).click();
    return this.download(() => this.app.page.getByRole('menuitem', { name: item }).click());
  }

  async importFile(name: string, content: string): Promise<void> {
    await this.app.page
      .getByTestId('import-file-input')
      .setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(content) });
  }

  /** Import dialog: paste a link, JSON or request body and import it. */
  async pasteImport(text: string): Promise<void> {
    await this.app.page.getByRole('button', { name: 'More export and import options' }).click();
    await this.app.page.getByRole('menuitem', { name: /Import file or link/ }).click();
    const dialog = this.app.page.getByRole('dialog', { name: 'Import' });
    const input = dialog.getByTestId('import-text-input');
    await expect(async () => {
      await input.fill(text);
      await expect(input).toHaveValue(text, { timeout: 1000 });
    }).toPass({ timeout: 15_000 });
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  }

  async link(): Promise<string> {
    await this.app.page.getByTestId('share-link-button').click();
    const output = this.app.page.getByTestId('share-link-output');
    await expect(output).toHaveValue(/#share=/);
    return output.inputValue();
  }

  /**
   * Everything the open conversation can be turned into, in this order: JSON, Markdown, web page,
   * request body, export of all, share link, then code as curl, Python, JavaScript and fetch.
   */
  async everyOutput(): Promise<string[]> {
    const outputs = [
      (await this.exportJSON()).text,
      (await this.exportMenu(/Markdown/)).text,
      (await this.exportMenu(/Web page/)).text,
      (await this.exportMenu(/OpenAI request body/)).text,
      (await this.exportMenu(/Export all conversations/)).text,
      await this.link(),
    ];
    await this.app.page.keyboard.press('Escape');
    await this.app.page.getByTestId('code-export-button').click();
    for (const tab of ['curl', 'Python', 'JavaScript', 'fetch']) {
      await this.app.page.getByRole('tab', { name: tab, exact: true }).click();
      outputs.push((await this.app.page.getByTestId('code-export-output').textContent()) ?? '');
    }
    await this.app.page.keyboard.press('Escape');
    return outputs;
  }
}
