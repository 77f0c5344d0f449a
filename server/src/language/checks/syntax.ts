import type { Check } from './context';

/** `syntax`: lines the parser could not read, with the parser's repair where it has one. */
export const syntaxCheck: Check = ({ model, report }) => {
  for (const problem of model.ast.problems) {
    const fix = problem.fix;
    report({
      code: 'syntax',
      range: problem.range,
      message: problem.message,
      fixes: fix
        ? [
            {
              title: fix.title,
              edits: [{ range: fix.range, newText: fix.newText }],
              preferred: true,
            },
          ]
        : undefined,
    });
  }
};
