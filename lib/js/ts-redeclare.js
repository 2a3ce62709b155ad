'use strict';
// The redeclarations TypeScript's checker reports that Babel's TypeScript
// plugin leaves to it: two implementations of one function in one statement
// list (TS2393), a class and a function of one name unless the class is
// ambient (TS2813/2814), two constructor implementations (TS2392), a module
// exporting one name twice or two defaults (TS2300/2323/2528, with tsc's
// exceptions: namespaces, enums, overloads, interfaces, a type alias beside
// one value), an object literal with a name twice unless one getter and one
// setter (TS1117); and, for the same verdicts as oxc's checker on native and
// wasm, duplicate public class members and `export =` beside other exports
// (TS2309). The same rules as src/syntax/ts_redeclare.rs over oxc's
// AST; keep the two in step. Nothing is reported where tsc would need types.

const { patternNames } = require('./verdict');

const AMBIENT_MODULES = new Set(['TSModuleDeclaration']);

/** The function or class a statement declares, looking through `export`. */
function declared(stmt) {
  const d = stmt.type === 'ExportNamedDeclaration' || stmt.type === 'ExportDefaultDeclaration' ? stmt.declaration : stmt;
  if (!d || !d.id) return null;
  if (d.type === 'FunctionDeclaration' || d.type === 'TSDeclareFunction') {
    return { name: d.id.name, at: d.id.start, cls: null, body: d.type === 'FunctionDeclaration' };
  }
  if (d.type === 'ClassDeclaration') return { name: d.id.name, at: d.id.start, cls: { declare: !!d.declare }, body: false };
  return null;
}

function statementList(stmts, ambient, found) {
  // name -> {impl, fn, cls}: an implementation, a function, a non-ambient class seen
  const seen = new Map();
  for (const stmt of stmts) {
    const d = declared(stmt);
    if (!d) continue;
    let e = seen.get(d.name);
    if (!e) seen.set(d.name, (e = { impl: false, fn: false, cls: false }));
    if (!d.cls) {
      if (d.body && e.impl) found.push({ pos: d.at, message: `Duplicate function implementation '${d.name}' (TS2393)` });
      else if (e.cls) found.push({ pos: d.at, message: `Function '${d.name}' cannot merge with a class that is not ambient (TS2814)` });
      e.impl = e.impl || d.body;
      e.fn = true;
    } else {
      const isAmbient = d.cls.declare || ambient > 0;
      if (!isAmbient && e.fn) found.push({ pos: d.at, message: `Class declaration cannot implement overload list for '${d.name}' (TS2813)` });
      e.cls = e.cls || !isAmbient;
    }
  }
}

/** `String(value)` where it is plain notation, as on the Rust side. */
function numberName(value) {
  const a = Math.abs(value);
  return value === 0 || (a >= 1e-6 && a < 1e21) ? String(value) : null;
}

/** The name tsc gives a property key without types, or null. */
function keyName(key) {
  switch (key.type) {
    case 'Identifier':
      return key.name;
    case 'StringLiteral':
      return key.value;
    case 'NumericLiteral':
      return numberName(key.value);
    case 'TemplateLiteral':
      return key.expressions.length === 0 && key.quasis[0].value.cooked != null ? key.quasis[0].value.cooked : null;
    default:
      return null;
  }
}

function objectLiteral(node, found) {
  const seen = new Map(); // name -> {get, set, value}
  for (const p of node.properties) {
    if (p.type !== 'ObjectProperty' && p.type !== 'ObjectMethod') continue;
    // Babel leaves a computed identifier key as an Identifier: not a name.
    if (p.computed && p.key.type === 'Identifier') continue;
    const name = keyName(p.key);
    if (name === null) continue;
    let e = seen.get(name);
    if (!e) seen.set(name, (e = { get: false, set: false, value: false }));
    let clash;
    if (p.type === 'ObjectMethod' && p.kind === 'get') {
      clash = e.get || e.value;
      e.get = true;
    } else if (p.type === 'ObjectMethod' && p.kind === 'set') {
      clash = e.set || e.value;
      e.set = true;
    } else {
      clash = e.value || e.get || e.set;
      e.value = true;
    }
    if (clash) found.push({ pos: p.key.start, message: 'An object literal cannot have multiple properties with the same name (TS1117)' });
  }
}

const isGlobal = (d) => d.kind === 'global' || d.global === true;

/** Public class elements as oxc's class checker names them, or null. */
function elementName(el) {
  if (el.computed && el.key.type === 'Identifier') return null;
  if (el.key.type === 'NullLiteral') return 'null';
  return keyName(el.key);
}

function classBody(node, found) {
  let implemented = false;
  // Duplicate public members, as oxc's class checker reports them for
  // TypeScript on native and wasm: one name twice with the same static-ness,
  // unless a getter and a setter. Overload signatures are not members.
  const seen = new Map(); // name -> the element last seen with it
  for (const el of node.body) {
    if (el.type === 'ClassMethod' && el.kind === 'constructor') {
      if (implemented) found.push({ pos: el.key.start, message: 'Multiple constructor implementations are not allowed (TS2392)' });
      implemented = true;
      continue;
    }
    const element = classElement(el);
    if (!element) continue;
    const before = seen.get(element.name);
    seen.set(element.name, element);
    if (!before || before.private || element.private || before.static !== element.static) continue;
    const accessors = (before.kind === 'get' || before.kind === 'set') && (element.kind === 'get' || element.kind === 'set');
    if (!accessors || before.kind === element.kind) found.push({ pos: el.key.start, message: `Identifier \`${element.name}\` has already been declared` });
  }
}

/** A class member as oxc's class table holds it: `{name, kind, static, private}`. */
function classElement(el) {
  switch (el.type) {
    case 'ClassPrivateMethod':
    case 'ClassPrivateProperty':
      return { name: el.key.id.name, kind: el.kind || 'property', static: !!el.static, private: true };
    case 'ClassMethod':
    case 'ClassProperty':
    case 'ClassAccessorProperty': {
      if (el.key.type === 'PrivateName') return { name: el.key.id.name, kind: 'property', static: !!el.static, private: true };
      const name = elementName(el);
      if (name === null) return null;
      return { name, kind: el.type === 'ClassMethod' ? el.kind : 'property', static: !!el.static, private: false };
    }
    default:
      return null;
  }
}

/** `export =` beside other exports (TS2309), as oxc's checker has it. */
function exportAssignment(body, found) {
  const other = body.some((s) => {
    if (s.type === 'ExportNamedDeclaration') return !!s.declaration || s.specifiers.length > 0;
    if (s.type === 'TSImportEqualsDeclaration') return !!s.isExport;
    return s.type === 'ExportDefaultDeclaration' || s.type === 'ExportAllDeclaration';
  });
  if (!other) return;
  for (const s of body) {
    if (s.type === 'TSExportAssignment') found.push({ pos: s.start, message: 'An export assignment cannot be used in a module with other exported elements (TS2309)' });
  }
}

const nameOf = (n) => (n.type === 'StringLiteral' ? n.value : n.name);

function declarationExports(d, push) {
  switch (d.type) {
    case 'VariableDeclaration': {
      const ids = [];
      for (const v of d.declarations) patternNames(v.id, ids);
      for (const id of ids) push(id.name, id.start, 'value');
      return;
    }
    case 'FunctionDeclaration':
      if (d.id) push(d.id.name, d.id.start, 'value');
      return;
    case 'TSDeclareFunction':
      if (d.id) push(d.id.name, d.id.start, 'uncounted');
      return;
    case 'ClassDeclaration':
      if (d.id) push(d.id.name, d.id.start, 'value');
      return;
    case 'TSInterfaceDeclaration':
      push(d.id.name, d.id.start, 'uncounted');
      return;
    case 'TSTypeAliasDeclaration':
      push(d.id.name, d.id.start, 'typeAlias');
      return;
    case 'TSEnumDeclaration':
      push(d.id.name, d.id.start, 'merging');
      return;
    case 'TSModuleDeclaration':
      // `declare module "m"` and `declare global` export no name here.
      if (d.id.type === 'Identifier' && !isGlobal(d)) push(d.id.name, d.id.start, 'merging');
      return;
    default:
  }
}

/** tsc's rules for the names a module exports. */
function moduleExports(body, found) {
  const byName = new Map();
  const push = (name, pos, kind) => {
    if (!byName.has(name)) byName.set(name, []);
    byName.get(name).push({ pos, kind });
  };
  for (const s of body) {
    switch (s.type) {
      case 'ExportNamedDeclaration':
        if (s.declaration) declarationExports(s.declaration, push);
        for (const sp of s.specifiers) push(nameOf(sp.exported), sp.exported.start, 'alias');
        break;
      case 'ExportAllDeclaration':
        if (s.exported) push(nameOf(s.exported), s.exported.start, 'alias');
        break;
      case 'TSImportEqualsDeclaration':
        if (s.isExport) push(s.id.name, s.id.start, 'alias');
        break;
      case 'ExportDefaultDeclaration': {
        const t = s.declaration.type;
        let kind = 'defaultExpression';
        if (t === 'FunctionDeclaration' || t === 'ClassDeclaration') kind = 'value';
        else if (t === 'TSDeclareFunction' || t === 'TSInterfaceDeclaration') kind = 'uncounted';
        push('default', s.start, kind);
        break;
      }
      default:
    }
  }
  for (const [name, list] of byName) {
    const at = exportClash(list);
    if (at === null) continue;
    const message = name === 'default' ? 'A module cannot have multiple default exports (TS2528)' : `Cannot redeclare exported name '${name}' (TS2323)`;
    found.push({ pos: at, message });
  }
}

function exportClash(list) {
  if (list.length < 2) return null;
  for (let i = 1; i < list.length; i++) {
    const { pos, kind } = list[i];
    if (kind === 'defaultExpression') return pos;
    if (kind === 'alias' && list.slice(0, i).some((e) => e.kind === 'alias')) return pos;
  }
  if (list.some((e) => e.kind === 'merging')) return null;
  const counted = list.filter((e) => e.kind !== 'uncounted');
  const typeAlias = list.some((e) => e.kind === 'typeAlias');
  if (counted.length > 1 && !(typeAlias && counted.length <= 2)) return counted[counted.length - 1].pos;
  return null;
}

const SKIP = new Set(['loc', 'start', 'end', 'extra', 'range', 'leadingComments', 'trailingComments', 'innerComments', 'comments', 'tokens']);

/** The redeclarations in Babel's `file` AST, `[{pos, message}]` in source order. */
function tsRedeclarations(file, ambient) {
  const found = [];
  moduleExports(file.program.body, found);
  exportAssignment(file.program.body, found);
  // An explicit stack: real files nest deeper than a recursive walk likes.
  const stack = [[file.program, ambient ? 1 : 0]];
  while (stack.length) {
    const [node, amb] = stack.pop();
    let inner = amb;
    switch (node.type) {
      case 'Program':
      case 'BlockStatement':
      case 'StaticBlock':
      case 'TSModuleBlock':
        statementList(node.body, amb, found);
        break;
      case 'SwitchStatement':
        // The cases of one switch share one scope.
        statementList(node.cases.flatMap((c) => c.consequent), amb, found);
        break;
      case 'ObjectExpression':
        objectLiteral(node, found);
        break;
      case 'ClassBody':
        classBody(node, found);
        break;
      case 'TSModuleDeclaration':
        if (node.body && node.body.type === 'TSModuleBlock' && !isGlobal(node)) exportAssignment(node.body.body, found);
      // falls through
      default:
        if (AMBIENT_MODULES.has(node.type) && (node.declare || node.id.type === 'StringLiteral' || isGlobal(node))) inner = amb + 1;
    }
    for (const k in node) {
      if (SKIP.has(k)) continue;
      const v = node[k];
      if (v === null || typeof v !== 'object') continue;
      if (Array.isArray(v)) {
        for (let i = v.length - 1; i >= 0; i--) if (v[i] && typeof v[i].type === 'string') stack.push([v[i], inner]);
      } else if (typeof v.type === 'string') stack.push([v, inner]);
    }
  }
  return found.sort((a, b) => a.pos - b.pos);
}

module.exports = { tsRedeclarations };
