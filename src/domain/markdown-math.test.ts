import { describe, expect, it } from 'vitest';
import { MAX_FORMULAS } from './markdown-limits';
import { normalizeMath } from './markdown-math';

const n = (text: string) => normalizeMath(text).text;
const count = (text: string) => normalizeMath(text).formulas;

describe('math delimiters', () => {
  it('keeps $…$ and $$…$$ formulas and leaves text without math untouched', () => {
    expect(n('Euler: $e^{i\\pi}+1=0$ and $$a^2$$.')).toBe('Euler: $e^{i\\pi}+1=0$ and $$a^2$$.');
    expect(count('Euler: $e^{i\\pi}+1=0$ and $$a^2$$.')).toBe(2);
    expect(normalizeMath('No math here.')).toEqual({ text: 'No math here.', formulas: 0 });
  });

  it('turns \\(…\\) into inline math and \\[…\\] into display math', () => {
    expect(n('Area \\(\\pi r^2\\) here.')).toBe('Area $$\\pi r^2$$ here.');
    expect(n('\\[\n\\int_0^1 x\\,dx\n\\]')).toBe('$$\n\\int_0^1 x\\,dx\n$$');
    expect(n('\\[ \\frac{a}{b} \\]')).toBe('$$\n\\frac{a}{b}\n$$');
    expect(n('  $$x^2$$')).toBe('  $$\n  x^2\n  $$');
  });

  it('does not take prices for math (Pandoc: no space inside, no digit after the closing $)', () => {
    expect(count('It costs $5 and $10 in total.')).toBe(0);
    expect(count('Between $20,000 and $30,000.')).toBe(0);
    expect(count('a $ b $ c')).toBe(0);
    // Reported as garbled formulas in chat UIs (omnigent-ai/omnigent#5013, lhz960904/atrium#61,
    // cubeplexai/cubeplex#514, vm0-ai/vm0#15202).
    expect(count('$/PR is down but $/session is up')).toBe(0);
    expect(count('Vertex以$100亿收购（$85/股全现金）')).toBe(0);
    expect(count('Monthly revenue increased from $271,677.37 in January to $272,748.58 in February')).toBe(0);
    expect(count('costs $20 to $40, total is $5, or $100/month')).toBe(0);
    // With a formula beside them, the prices are escaped so remark-math cannot pair them.
    expect(n('$5 and $10, but $x$ is math')).toBe('\\$5 and \\$10, but $x$ is math');
  });

  it('leaves code spans and fenced code alone', () => {
    expect(n('`$a$` and `\\(b\\)` but $c$')).toBe('`$a$` and `\\(b\\)` but $c$');
    expect(n('```\n$$\nx\n$$\n```\n$y$')).toBe('```\n$$\nx\n$$\n```\n$y$');
  });

  it('shows a formula still streaming as text until it closes, fed one character at a time', () => {
    const full = 'Then $a+b$ and \\(c\\) give\n$$\nx^2\n$$\nand\n\\[\ny\n\\]\ndone';
    for (let i = 1; i <= full.length; i++) {
      const prefix = full.slice(0, i);
      const { text, formulas } = normalizeMath(prefix);
      // With no formula, the math plugins are not used at all. Otherwise every dollar left
      // unescaped belongs to a closed formula: they pair up.
      if (formulas === 0) continue;
      const unescaped = text.replace(/\\\$/g, '').match(/\$+/g) ?? [];
      const dollars = unescaped.reduce((sum, run) => sum + run.length, 0);
      expect(dollars % 2, prefix).toBe(0);
      if (prefix.endsWith('$a+')) expect(text).toContain('\\$a+');
      if (prefix.endsWith('$$\nx^')) expect(text).toContain('\\$\\$\nx^');
    }
    expect(count(full)).toBe(4);
    expect(count(full.slice(0, full.indexOf('$a+b$') + 4))).toBe(0);
    expect(count(full.slice(0, full.indexOf('$a+b$') + 5))).toBe(1);
    expect(count(full.slice(0, full.lastIndexOf('$$')))).toBe(2);
  });

  it('leaves a block with more formulas than the limit as text', () => {
    expect(count('$x$ '.repeat(MAX_FORMULAS))).toBe(MAX_FORMULAS);
    expect(normalizeMath('$x$ '.repeat(MAX_FORMULAS + 1))).toEqual({ text: '$x$ '.repeat(MAX_FORMULAS + 1), formulas: 0 });
  });

  it('keeps an escaped dollar a dollar', () => {
    expect(n('\\$5 and $x$')).toBe('\\$5 and $x$');
  });
});
