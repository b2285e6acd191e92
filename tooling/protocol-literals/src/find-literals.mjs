// Finds protocol facts written as literals in TypeScript source: a gateway error code (API
// code or task FailCode), a status or message-type number compared with or assigned to a field
// of that name, or the 1 MiB request limit. Comments are not code, so they are never flagged:
// the parser sees only tokens.
import ts from 'typescript';

/**
 * What counts as a protocol literal, built from @tvs/envelope's own tables and constants.
 * @param {object} protocol
 * @param {Iterable<number>} protocol.codes every API code and FailCode (0 left out)
 * @param {Record<string, Iterable<number>>} protocol.statuses field name → the numbers it takes
 * @param {Iterable<number>} protocol.limits limits written as a number (1 MiB…)
 */
export function literalRules({ codes, statuses, limits }) {
  return {
    codes: new Set(codes),
    statuses: new Map(Object.entries(statuses).map(([field, values]) => [field, new Set(values)])),
    limits: new Set(limits),
  };
}

/** The literal's number, with a leading minus folded in; `undefined` for anything else. */
function numberOf(node) {
  if (ts.isNumericLiteral(node)) return Number(node.text);
  if (
    ts.isPrefixUnaryExpression(node) &&
    node.operator === ts.SyntaxKind.MinusToken &&
    ts.isNumericLiteral(node.operand)
  ) {
    return -Number(node.operand.text);
  }
  return undefined;
}

/** The field a node names: `x.SessionStatus`, `SessionStatus`, `{ SessionStatus: … }`. */
function fieldName(node) {
  if (ts.isPropertyAccessExpression(node)) return node.name.text;
  if (ts.isIdentifier(node)) return node.text;
  if (ts.isElementAccessExpression(node) && ts.isStringLiteral(node.argumentExpression)) {
    return node.argumentExpression.text;
  }
  return undefined;
}

const COMPARISONS = new Set([
  ts.SyntaxKind.EqualsEqualsEqualsToken,
  ts.SyntaxKind.ExclamationEqualsEqualsToken,
  ts.SyntaxKind.EqualsEqualsToken,
  ts.SyntaxKind.ExclamationEqualsToken,
  ts.SyntaxKind.EqualsToken,
]);

/** The field a literal is compared with or assigned to, when it is one. */
function fieldOfLiteral(literal) {
  let node = literal;
  if (ts.isPrefixUnaryExpression(node.parent)) node = node.parent;
  const parent = node.parent;
  if (ts.isBinaryExpression(parent) && COMPARISONS.has(parent.operatorToken.kind)) {
    return fieldName(parent.left === node ? parent.right : parent.left);
  }
  if (ts.isPropertyAssignment(parent) && parent.initializer === node) {
    return ts.isIdentifier(parent.name) || ts.isStringLiteral(parent.name)
      ? parent.name.text
      : undefined;
  }
  if (ts.isCaseClause(parent) && ts.isSwitchStatement(parent.parent.parent)) {
    return fieldName(parent.parent.parent.expression);
  }
  return undefined;
}

/**
 * Every protocol literal in `text`: `{ line, text, why }`, in source order.
 * @param {string} fileName
 * @param {string} text
 * @param {ReturnType<typeof literalRules>} rules
 */
export function findLiterals(fileName, text, rules) {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const found = [];
  const report = (node, why) => {
    const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
    found.push({ line: line + 1, text: node.getText(source), why });
  };
  const visit = (node) => {
    if (ts.isNumericLiteral(node)) {
      const signed = ts.isPrefixUnaryExpression(node.parent) ? node.parent : node;
      const value = numberOf(signed);
      const field = fieldOfLiteral(node);
      const codeField = field !== undefined && /code$/i.test(field);
      // 100000 is also just a round number (a loop guard, a timeout): a code only beside a code.
      const isCode = rules.codes.has(value) && (value !== 100_000 || codeField);
      if (isCode) report(signed, `gateway code ${value}`);
      else if (rules.limits.has(value)) report(signed, `documented limit ${value}`);
      else if (field !== undefined && rules.statuses.get(field)?.has(value)) {
        report(signed, `${field} ${value}`);
      }
    }
    if (
      ts.isBinaryExpression(node) &&
      node.operatorToken.kind === ts.SyntaxKind.AsteriskToken &&
      numberOf(node.left) === 1024 &&
      numberOf(node.right) === 1024
    ) {
      report(node, 'the 1 MiB request limit');
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}
