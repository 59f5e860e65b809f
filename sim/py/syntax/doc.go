// Package syntax is the front end of asyncplay's Python: a scanner, a
// parser and an AST for the Python 3.11 language that learners write, with
// CPython's error messages.
//
// # Entry points
//
// [Parse] turns a file's text into a [*Module]. It also makes the checks
// that CPython makes when it compiles (return or await outside a function,
// break outside a loop, nonlocal at module level, duplicate parameters,
// ...), so a program Parse accepts is one CPython would compile. Every error
// is a [*SyntaxError] whose fields are Python's (msg, lineno, offset,
// end_lineno, end_offset, text) and whose Error method prints what CPython
// prints for an uncaught SyntaxError:
//
//	  File "<main>", line 3
//	    if x = 1:
//	       ^^^^^
//	SyntaxError: invalid syntax. Maybe you meant '==' or ':=' instead of '='?
//
// [Dump] prints a tree exactly as CPython 3.11's ast.dump does; the tests
// use the machine's python3 as the oracle for both trees and errors.
//
// # The tree
//
// The node types are Python's ast classes with the same names and fields
// (ExprStmt is ast.Expr; Comprehension, Arguments, Arg, Keyword, Alias and
// WithItem are the lower-case helper classes). Statements implement [Stmt],
// expressions [Expr]; both are sealed. Every node has a [Span]: the
// (line, column) pairs of CPython's lineno, col_offset, end_lineno and
// end_col_offset, where columns count UTF-8 bytes, plus byte offsets into
// the source (after \r\n and \r are read as \n). [Inspect] walks a tree.
// Constant values are *big.Int, float64, string, [Bytes], bool,
// [NoneValue] and [EllipsisValue].
//
// # How it works
//
// The scanner (scan.go) follows CPython's tokenizer: a stack of indentation
// columns with pending INDENT and DEDENT tokens, no NEWLINE inside brackets,
// and the same checks on numbers, strings and characters. The parser is
// recursive descent shaped after CPython's PEG grammar. Where CPython runs a
// second pass with its "invalid_" rules to find a better message, this
// parser asks the same questions at the point of failure; otherwise it
// reports "invalid syntax" at the furthest token it examined, which is where
// CPython's first pass gives up. Errors panic internally and are recovered
// once in Parse, as in starlark-go; Parse never panics.
//
// F-strings are parsed as CPython 3.11 parses them: the tokenizer returns
// the whole literal, and each replacement field is parsed by a separate
// parser over "(expression)", whose errors therefore show that text.
//
// # Not supported
//
// Imaginary literals are a SyntaxError ("imaginary literals are not
// supported"). \N{name} escapes are reported as unknown names, since the
// Unicode name database is not carried. match statements are not part of
// the dialect (match and case stay ordinary names). except* (PEP 654) is:
// a try whose handlers are except* clauses is a [*TryStar].
package syntax
